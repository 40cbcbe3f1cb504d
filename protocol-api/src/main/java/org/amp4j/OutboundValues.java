package org.amp4j;

import java.util.ArrayList;
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
    List<TypedValue<?>> values = new ArrayList<>(schema.fields().size());
    for (Object o : schema.fields()) {
      RecordSchema.FieldSpec f = (RecordSchema.FieldSpec) o;
      Object v = schema.get(record, f);
      if (v == null) {
        if (!f.optional()) {
          throw new EncodingException(
              where + "." + f.name() + ": required " + f.type().name() + " is null");
        }
        continue;
      }
      values.add(new TypedValue(f.name(), f.type(), v));
    }
    return values;
  }
}
