package org.amp4j.buildbot;

import static org.amp4j.spi.ValueChecks.wire;

import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.amp4j.EncodingException;
import org.amp4j.Limits;
import org.amp4j.spi.ValueChecks;
import org.amp4j.spi.ValuePath;
import org.amp4j.value.RecordSchema;
import org.amp4j.value.ValueType;
import org.msgpack.core.MessagePacker;

/**
 * Writes one typed value by the {@link ValueType.Kind} and wire form of its type as the {@code
 * buildbot} codec resolves it ({@link ValueType#forCodec}, at every level): integer, bytes (bin),
 * unicode (str), boolean, float (float64), lists (arrays) and records (maps). {@link
 * BuildbotTypes#ANY} is written natively by {@link AnyWriter}. Decimals and date-times have no
 * place in this protocol. Immutable and thread-safe.
 */
final class TypedWriter {

  private final ValueChecks checks;
  private final AnyWriter any;

  TypedWriter(Limits limits, AnyWriter any) {
    this.checks = new ValueChecks(limits);
    this.any = any;
  }

  /**
   * Writes a value.
   *
   * @throws EncodingException if it cannot be written within the limits
   */
  <T> void write(MessagePacker out, ValueType<T> type, T value, ValuePath where, int depth)
      throws IOException {
    ValueType<T> resolved = type.forCodec(BuildbotCodecProvider.NAME);
    if (BuildbotTypes.isAny(resolved)) {
      any.write(out, ValueChecks.nonNull(value, where), where, depth);
      return;
    }
    Object wire = ValueChecks.toWire(resolved, value, where);
    switch (resolved.kind()) {
      case INTEGER -> any.integer(out, wire(BigInteger.class, wire, resolved, where), where);
      case BYTES -> {
        byte[] bytes = wire(byte[].class, wire, resolved, where);
        checks.checkLength(where, bytes.length);
        out.packBinaryHeader(bytes.length).writePayload(bytes);
      }
      case UNICODE -> any.text(out, wire(String.class, wire, resolved, where), where);
      case BOOLEAN -> out.packBoolean(wire(Boolean.class, wire, resolved, where));
      case FLOAT -> out.packDouble(wire(Double.class, wire, resolved, where));
      case LIST -> list(out, resolved, wire(List.class, wire, resolved, where), where, depth + 1);
      case RECORDS ->
          records(out, resolved, wire(List.class, wire, resolved, where), where, depth + 1);
      case DECIMAL, DATETIME ->
          throw new EncodingException(
              "value "
                  + where
                  + ": the buildbot codec cannot carry "
                  + resolved.name()
                  + " (kind "
                  + resolved.kind()
                  + ")");
    }
    any.budget(out);
  }

  @SuppressWarnings("unchecked")
  private void writeErased(
      MessagePacker out, ValueType<?> type, Object value, ValuePath where, int depth)
      throws IOException {
    write(out, (ValueType<Object>) type, value, where, depth);
  }

  private void list(MessagePacker out, ValueType<?> type, List<?> list, ValuePath where, int depth)
      throws IOException {
    checks.checkDepth(where, depth);
    checks.checkListLength(where, list.size());
    out.packArrayHeader(list.size());
    for (int i = 0; i < list.size(); i++) {
      writeErased(out, type.elementType(), list.get(i), where.element(i), depth);
    }
  }

  private void records(
      MessagePacker out, ValueType<?> type, List<?> records, ValuePath where, int depth)
      throws IOException {
    checks.checkDepth(where, depth);
    checks.checkListLength(where, records.size());
    @SuppressWarnings("unchecked")
    RecordSchema<Object> schema = (RecordSchema<Object>) type.recordSchema();
    out.packArrayHeader(records.size());
    for (int i = 0; i < records.size(); i++) {
      ValuePath at = where.element(i);
      Map<RecordSchema.FieldSpec, Object> fields = checks.presentFields(schema, records.get(i), at);
      out.packMapHeader(fields.size());
      for (Map.Entry<RecordSchema.FieldSpec, Object> f : fields.entrySet()) {
        ValuePath fieldAt = at.field(f.getKey().name());
        any.name(out, f.getKey().name(), fieldAt);
        writeErased(out, f.getKey().type(), f.getValue(), fieldAt, depth + 1);
      }
    }
  }
}
