package org.amp4j;

import java.util.Arrays;
import java.util.List;
import org.amp4j.spi.TypedValue;
import org.amp4j.value.RecordSchema;

/** Turns a command or response record into the typed values of a message. */
final class OutboundValues {
  private OutboundValues() {}

  /**
   * The present fields of a record, in declaration order.
   *
   * @throws EncodingException if the record is null or a required field is null
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static List<TypedValue<?>> of(RecordSchema schema, Object record, String where) {
    if (record == null) {
      throw new EncodingException(where + ": null " + schema.name());
    }
    List<RecordSchema.FieldSpec> fields = schema.fields();
    TypedValue<?>[] values = new TypedValue<?>[fields.size()];
    int present = 0;
    for (int i = 0; i < values.length; i++) {
      RecordSchema.FieldSpec f = fields.get(i);
      Object v = schema.get(record, i);
      if (v == null) {
        if (!f.optional()) {
          throw new EncodingException(
              where + "." + f.name() + ": required " + f.type().name() + " is null");
        }
        continue;
      }
      values[present++] = new TypedValue(f.name(), f.type(), v);
    }
    // an immutable list, which OutboundMessage then keeps without copying
    return present == values.length ? List.of(values) : List.of(Arrays.copyOf(values, present));
  }
}
