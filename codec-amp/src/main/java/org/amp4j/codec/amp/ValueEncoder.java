package org.amp4j.codec.amp;

import java.math.BigInteger;
import java.util.List;
import org.amp4j.EncodingException;
import org.amp4j.Limits;
import org.amp4j.value.AmpDateTime;
import org.amp4j.value.AmpDecimal;
import org.amp4j.value.RecordSchema;
import org.amp4j.value.ValueType;

/**
 * Turns one typed value into its AMP value bytes, by the type's {@link ValueType.Kind} and wire
 * form (spec 7). Enforces the value length, integer digit and nesting limits; every failure is an
 * {@link EncodingException} naming the value. Immutable and thread-safe.
 */
final class ValueEncoder {

  private final int maxValueLength;
  private final int maxIntegerDigits;
  private final int maxNestingDepth;

  ValueEncoder(Limits limits) {
    this.maxValueLength = Math.min(Limits.AMP_MAX_VALUE_LENGTH, limits.maxValueLength());
    this.maxIntegerDigits = limits.maxIntegerDigits();
    this.maxNestingDepth = limits.maxNestingDepth();
  }

  /** The longest value this encoder produces. */
  int maxValueLength() {
    return maxValueLength;
  }

  /**
   * The value bytes of a value.
   *
   * @throws EncodingException if it cannot be encoded within the limits
   */
  <T> byte[] encode(ValueType<T> type, T value, Where where) {
    return encodeValue(type, value, where, 0);
  }

  private <T> byte[] encodeValue(ValueType<T> type, T value, Where where, int depth) {
    if (value == null) {
      throw new EncodingException("value " + where + " is null");
    }
    Object wire;
    try {
      wire = type.toWire(value);
    } catch (RuntimeException e) {
      throw new EncodingException(
          "value " + where + " cannot be converted to " + type.name() + ": " + e.getMessage(), e);
    }
    byte[] bytes;
    try {
      bytes = encodeWire(type, wire, where, depth);
    } catch (BadTextException e) {
      throw new EncodingException("value " + where + ": " + e.getMessage(), e);
    }
    BoxWriter.checkValueLength(where, bytes, maxValueLength);
    return bytes;
  }

  @SuppressWarnings("unchecked")
  private byte[] encodeAny(ValueType<?> type, Object value, Where where, int depth) {
    return encodeValue((ValueType<Object>) type, value, where, depth);
  }

  private byte[] encodeWire(ValueType<?> type, Object wire, Where where, int depth) {
    return switch (type.kind()) {
      case INTEGER ->
          IntegerText.format(wire(BigInteger.class, wire, type, where), maxIntegerDigits);
      case BYTES -> wire(byte[].class, wire, type, where);
      case UNICODE -> UnicodeText.encode(wire(String.class, wire, type, where));
      case BOOLEAN -> BooleanText.format(wire(Boolean.class, wire, type, where));
      case FLOAT -> FloatText.format(wire(Double.class, wire, type, where));
      case DECIMAL -> DecimalText.format(wire(AmpDecimal.class, wire, type, where));
      case DATETIME -> DateTimeText.format(wire(AmpDateTime.class, wire, type, where));
      case LIST -> encodeList(type, wire(List.class, wire, type, where), where, depth + 1);
      case RECORDS -> encodeRecords(type, wire(List.class, wire, type, where), where, depth + 1);
    };
  }

  private byte[] encodeList(ValueType<?> type, List<?> list, Where where, int depth) {
    checkDepth(where, depth);
    ValueType<?> elementType = type.elementType();
    ByteSink out = new ByteSink(list.size() * 4);
    for (int i = 0; i < list.size(); i++) {
      byte[] element = encodeAny(elementType, list.get(i), where.element(i), depth);
      ListOfText.appendElement(out, element);
      checkSoFar(where, out);
    }
    return out.toByteArray();
  }

  private byte[] encodeRecords(ValueType<?> type, List<?> records, Where where, int depth) {
    checkDepth(where, depth);
    @SuppressWarnings("unchecked")
    RecordSchema<Object> schema = (RecordSchema<Object>) type.recordSchema();
    ByteSink out = new ByteSink(records.size() * 16);
    for (int i = 0; i < records.size(); i++) {
      Object record = records.get(i);
      Where at = where.element(i);
      if (record == null) {
        throw new EncodingException("value " + at + " is null");
      }
      BoxWriter box = new BoxWriter(maxValueLength);
      for (RecordSchema.FieldSpec field : schema.fields()) {
        Where fieldAt = at.field(field.name());
        Object value;
        try {
          value = schema.get(record, field);
        } catch (RuntimeException e) {
          throw new EncodingException(
              "value " + fieldAt + " cannot be read from a " + record.getClass().getName(), e);
        }
        if (value == null) {
          if (field.optional()) {
            continue;
          }
          throw new EncodingException("value " + fieldAt + " is required but null");
        }
        box.add(
            fieldAt,
            MessageEncoder.key(field.name(), fieldAt),
            encodeAny(field.type(), value, fieldAt, depth));
        if (out.size() + box.length() > maxValueLength) {
          throw tooLong(where, out.size() + box.length());
        }
      }
      box.writeTo(out);
    }
    return out.toByteArray();
  }

  private void checkDepth(Where where, int depth) {
    if (depth > maxNestingDepth) {
      throw new EncodingException(
          "value " + where + " nests lists and records deeper than " + maxNestingDepth);
    }
  }

  private void checkSoFar(Where where, ByteSink out) {
    if (out.size() > maxValueLength) {
      throw tooLong(where, out.size());
    }
  }

  private EncodingException tooLong(Where where, long atLeast) {
    return new EncodingException(
        "value " + where + " is at least " + atLeast + " bytes, longer than " + maxValueLength);
  }

  private static <W> W wire(Class<W> expected, Object wire, ValueType<?> type, Where where) {
    if (!expected.isInstance(wire)) {
      throw new EncodingException(
          "value "
              + where
              + ": the wire form of "
              + type.name()
              + " must be a "
              + expected.getSimpleName()
              + ", got "
              + (wire == null ? "null" : wire.getClass().getName()));
    }
    return expected.cast(wire);
  }
}
