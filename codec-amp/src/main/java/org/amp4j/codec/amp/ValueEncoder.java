package org.amp4j.codec.amp;

import static org.amp4j.spi.ValueChecks.wire;

import java.math.BigInteger;
import java.util.List;
import org.amp4j.EncodingException;
import org.amp4j.Limits;
import org.amp4j.spi.MachineIntegers;
import org.amp4j.spi.ValueChecks;
import org.amp4j.spi.ValuePath;
import org.amp4j.value.AmpDateTime;
import org.amp4j.value.AmpDecimal;
import org.amp4j.value.RecordSchema;
import org.amp4j.value.ValueType;

/**
 * Turns one typed value into its AMP value bytes, by the {@link ValueType.Kind} and wire form of
 * the type resolved for this codec ({@link ValueType#forCodec}) at every level (spec 7). Enforces
 * the value length, list length, field count, integer digit and nesting limits; every failure is an
 * {@link EncodingException} naming the value. Immutable and thread-safe.
 *
 * <p>A top-level value may be up to {@code maxValueLength} bytes when values are split ({@code
 * amp.split-values}), else up to 65,535; a list element or record field, which sits inside one
 * value, is never split and so at most 65,535 bytes.
 */
final class ValueEncoder {

  private final Limits limits;
  private final ValueChecks checks;
  private final KeyCache keys;
  private final int topLimit;
  private final int nestedLimit;

  /**
   * @param limits the limits
   * @param splitValues whether top-level values may be longer than 65,535 bytes
   * @param keys the keys of record field names
   */
  ValueEncoder(Limits limits, boolean splitValues, KeyCache keys) {
    this.limits = limits;
    this.checks = new ValueChecks(limits);
    this.keys = keys;
    this.nestedLimit = Math.min(Limits.AMP_MAX_VALUE_LENGTH, limits.maxValueLength());
    this.topLimit = splitValues ? limits.maxValueLength() : nestedLimit;
  }

  /**
   * The value bytes of a top-level value.
   *
   * @throws EncodingException if it cannot be encoded within the limits
   */
  <T> byte[] encode(ValueType<T> type, T value, ValuePath where) {
    return encodeValue(type, value, where, 0, topLimit);
  }

  /**
   * The length of the text of a top-level integer of a machine integer type, which {@link
   * BoxWriter#addInteger} writes.
   *
   * @throws EncodingException if it has too many digits or is longer than a value may be
   */
  int integerLength(long value, ValuePath where) {
    return integerLength(value, where, topLimit);
  }

  private int integerLength(long value, ValuePath where, int max) {
    int length;
    try {
      length = IntegerText.length(value, limits.maxIntegerDigits());
    } catch (BadTextException e) {
      throw new EncodingException("value " + where + ": " + e.getMessage(), e);
    }
    if (length > max) {
      throw BoxWriter.tooLong(where, length, false, limits.maxValueLength());
    }
    return length;
  }

  private <T> byte[] encodeValue(
      ValueType<T> declared, T value, ValuePath where, int depth, int max) {
    ValueType<T> type = declared.forCodec(AmpCodecProvider.NAME);
    if (MachineIntegers.applies(type)) {
      long number = MachineIntegers.toLong(type, value, where);
      byte[] text = new byte[integerLength(number, where, max)];
      IntegerText.write(number, text, text.length);
      return text;
    }
    byte[] bytes;
    try {
      bytes = encodeWire(type, ValueChecks.toWire(type, value, where), where, depth, max);
    } catch (BadTextException e) {
      throw new EncodingException("value " + where + ": " + e.getMessage(), e);
    }
    if (bytes.length > max) {
      throw BoxWriter.tooLong(where, bytes.length, false, limits.maxValueLength());
    }
    return bytes;
  }

  @SuppressWarnings("unchecked")
  private byte[] encodeNested(ValueType<?> type, Object value, ValuePath where, int depth) {
    return encodeValue((ValueType<Object>) type, value, where, depth, nestedLimit);
  }

  private byte[] encodeWire(ValueType<?> type, Object wire, ValuePath where, int depth, int max) {
    return switch (type.kind()) {
      case INTEGER ->
          IntegerText.format(wire(BigInteger.class, wire, type, where), limits.maxIntegerDigits());
      case BYTES -> wire(byte[].class, wire, type, where);
      case UNICODE -> UnicodeText.encode(wire(String.class, wire, type, where));
      case BOOLEAN -> BooleanText.format(wire(Boolean.class, wire, type, where));
      case FLOAT -> FloatText.format(wire(Double.class, wire, type, where));
      case DECIMAL -> DecimalText.format(wire(AmpDecimal.class, wire, type, where));
      case DATETIME -> DateTimeText.format(wire(AmpDateTime.class, wire, type, where));
      case LIST -> encodeList(type, wire(List.class, wire, type, where), where, depth + 1, max);
      case RECORDS ->
          encodeRecords(type, wire(List.class, wire, type, where), where, depth + 1, max);
    };
  }

  private byte[] encodeList(ValueType<?> type, List<?> list, ValuePath where, int depth, int max) {
    checks.checkDepth(where, depth);
    checks.checkListLength(where, list.size());
    ValueType<?> elementType = type.elementType();
    byte[][] elements = new byte[list.size()][];
    long length = 0;
    for (int i = 0; i < elements.length; i++) {
      elements[i] = encodeNested(elementType, list.get(i), where.element(i), depth);
      length += ListOfText.PREFIX_LENGTH + elements[i].length;
      if (length > max) {
        throw BoxWriter.tooLong(where, length, true, limits.maxValueLength());
      }
    }
    return ListOfText.join(elements, (int) length);
  }

  private byte[] encodeRecords(
      ValueType<?> type, List<?> records, ValuePath where, int depth, int max) {
    checks.checkDepth(where, depth);
    checks.checkListLength(where, records.size());
    @SuppressWarnings("unchecked")
    RecordSchema<Object> schema = (RecordSchema<Object>) type.recordSchema();
    BoxWriter[] boxes = new BoxWriter[records.size()];
    long length = 0;
    for (int i = 0; i < boxes.length; i++) {
      ValuePath at = where.element(i);
      Object record = ValueChecks.nonNull(records.get(i), at);
      BoxWriter box = new BoxWriter(nestedLimit, false, schema.fields().size());
      int fields = 0;
      for (RecordSchema.FieldSpec field : schema.fields()) {
        Object value = ValueChecks.fieldValue(schema, record, field, at);
        if (value == null) {
          continue;
        }
        ValuePath fieldAt = at.field(field.name());
        if (++fields > limits.maxFieldCount()) {
          throw new EncodingException(
              "value "
                  + at
                  + " has more than "
                  + limits.maxFieldCount()
                  + " fields (maxFieldCount)");
        }
        box.add(
            fieldAt,
            keys.key(field.name(), fieldAt),
            encodeNested(field.type(), value, fieldAt, depth));
        if (length + box.length() > max) {
          throw BoxWriter.tooLong(where, length + box.length(), true, limits.maxValueLength());
        }
      }
      boxes[i] = box;
      length += box.length();
    }
    byte[] out = new byte[(int) length];
    int end = 0;
    for (BoxWriter box : boxes) {
      end = box.writeTo(out, end);
    }
    return out;
  }
}
