package org.amp4j.codec.msgpack;

import static org.amp4j.spi.ValueChecks.wire;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.util.List;
import java.util.Map;
import org.amp4j.EncodingException;
import org.amp4j.Limits;
import org.amp4j.spi.MachineIntegers;
import org.amp4j.spi.StrictUtf8;
import org.amp4j.spi.ValueChecks;
import org.amp4j.spi.ValuePath;
import org.amp4j.value.AmpDateTime;
import org.amp4j.value.AmpDecimal;
import org.amp4j.value.RecordSchema;
import org.amp4j.value.ValueType;
import org.msgpack.core.MessagePacker;

/**
 * Writes one typed value as msgpack, by the {@link ValueType.Kind} and wire form of the type as
 * this codec resolves it ({@link ValueType#forCodec}, at every level). Enforces the value length,
 * list length, field count, nesting, integer digit and frame limits as it goes; every failure is an
 * {@link EncodingException} naming the value. Immutable and thread-safe.
 */
final class ValueEncoder {

  private final Limits limits;
  private final ValueChecks checks;
  private final FrameBudget budget;

  ValueEncoder(Limits limits, FrameBudget budget) {
    this.limits = limits;
    this.checks = new ValueChecks(limits);
    this.budget = budget;
  }

  /**
   * Writes a value.
   *
   * @throws EncodingException if it cannot be written within the limits
   */
  <T> void write(MessagePacker out, ValueType<T> type, T value, ValuePath where)
      throws IOException {
    writeValue(out, type, value, where, 0);
  }

  private <T> void writeValue(
      MessagePacker out, ValueType<T> type, T value, ValuePath where, int depth)
      throws IOException {
    ValueType<T> resolved = type.forCodec(MsgpackCodecProvider.NAME);
    if (MachineIntegers.applies(resolved)) {
      // as writeInteger writes a value of 63 bits or less
      out.packLong(MachineIntegers.toLong(resolved, value, where));
      budget.check(out);
      return;
    }
    Object wire = ValueChecks.toWire(resolved, value, where);
    try {
      writeWire(out, resolved, wire, where, depth);
    } catch (BadValueException e) {
      throw new EncodingException("value " + where + ": " + e.getMessage(), e);
    }
    budget.check(out);
  }

  @SuppressWarnings("unchecked")
  private void writeAny(
      MessagePacker out, ValueType<?> type, Object value, ValuePath where, int depth)
      throws IOException {
    writeValue(out, (ValueType<Object>) type, value, where, depth);
  }

  private void writeWire(
      MessagePacker out, ValueType<?> type, Object wire, ValuePath where, int depth)
      throws IOException {
    switch (type.kind()) {
      case INTEGER -> writeInteger(out, wire(BigInteger.class, wire, type, where));
      case BYTES -> {
        byte[] bytes = wire(byte[].class, wire, type, where);
        checks.checkLength(where, bytes.length);
        out.packBinaryHeader(bytes.length).writePayload(bytes);
      }
      case UNICODE -> {
        String text = wire(String.class, wire, type, where);
        // UTF-8 has at least one byte per char: refuse long text before encoding it.
        if (text.length() > limits.maxValueLength()) {
          throw new EncodingException(
              "value "
                  + where
                  + " is at least "
                  + text.length()
                  + " bytes, longer than maxValueLength "
                  + limits.maxValueLength());
        }
        byte[] utf8 = utf8(text);
        if (utf8 == null) {
          throw unpairedSurrogate("value " + where);
        }
        checks.checkLength(where, utf8.length);
        out.packRawStringHeader(utf8.length).writePayload(utf8);
      }
      case BOOLEAN -> out.packBoolean(wire(Boolean.class, wire, type, where));
      case FLOAT -> out.packDouble(wire(Double.class, wire, type, where));
      case DECIMAL ->
          writeExt(
              out,
              ExtDecimal.TYPE,
              ExtDecimal.encode(
                  wire(AmpDecimal.class, wire, type, where), limits.maxIntegerDigits()));
      case DATETIME ->
          writeExt(
              out,
              ExtDateTime.TYPE,
              ExtDateTime.encode(wire(AmpDateTime.class, wire, type, where)));
      case LIST -> writeList(out, type, wire(List.class, wire, type, where), where, depth + 1);
      case RECORDS ->
          writeRecords(out, type, wire(List.class, wire, type, where), where, depth + 1);
    }
  }

  private void writeInteger(MessagePacker out, BigInteger value) throws IOException {
    if (value.bitLength() <= 63) {
      out.packLong(value.longValue());
    } else if (ExtInteger.fitsIntFamily(value)) {
      out.packBigInteger(value); // uint64
    } else {
      long atLeast = Digits.atLeast(value);
      if (atLeast > limits.maxIntegerDigits()) {
        throw tooManyDigits("at least " + atLeast);
      }
      long digits = Digits.count(value);
      if (digits > limits.maxIntegerDigits()) {
        throw tooManyDigits(String.valueOf(digits));
      }
      writeExt(out, ExtInteger.TYPE, ExtInteger.encode(value));
    }
  }

  private BadValueException tooManyDigits(String digits) {
    return new BadValueException(
        "integer has "
            + digits
            + " digits, more than maxIntegerDigits "
            + limits.maxIntegerDigits());
  }

  private static void writeExt(MessagePacker out, byte type, byte[] payload) throws IOException {
    out.packExtensionTypeHeader(type, payload.length).writePayload(payload);
  }

  private void writeList(
      MessagePacker out, ValueType<?> type, List<?> list, ValuePath where, int depth)
      throws IOException {
    checks.checkDepth(where, depth);
    checks.checkListLength(where, list.size());
    ValueType<?> elementType = type.elementType();
    out.packArrayHeader(list.size());
    for (int i = 0; i < list.size(); i++) {
      writeAny(out, elementType, list.get(i), where.element(i), depth);
    }
  }

  private void writeRecords(
      MessagePacker out, ValueType<?> type, List<?> records, ValuePath where, int depth)
      throws IOException {
    checks.checkDepth(where, depth);
    checks.checkListLength(where, records.size());
    @SuppressWarnings("unchecked")
    RecordSchema<Object> schema = (RecordSchema<Object>) type.recordSchema();
    out.packArrayHeader(records.size());
    for (int i = 0; i < records.size(); i++) {
      writeRecord(out, schema, records.get(i), where.element(i), depth);
    }
  }

  private void writeRecord(
      MessagePacker out, RecordSchema<Object> schema, Object record, ValuePath at, int depth)
      throws IOException {
    Map<RecordSchema.FieldSpec, Object> fields = checks.presentFields(schema, record, at);
    out.packMapHeader(fields.size());
    for (Map.Entry<RecordSchema.FieldSpec, Object> f : fields.entrySet()) {
      RecordSchema.FieldSpec field = f.getKey();
      ValuePath fieldAt = at.field(field.name());
      writeKey(out, field.name(), fieldAt);
      writeAny(out, field.type(), f.getValue(), fieldAt, depth);
    }
  }

  /** Writes a map key: strict UTF-8 text within {@code maxValueLength}. */
  void writeKey(MessagePacker out, String key, ValuePath where) throws IOException {
    byte[] utf8 = utf8(key);
    if (utf8 == null) {
      throw unpairedSurrogate("key of value " + where);
    }
    if (utf8.length > limits.maxValueLength()) {
      throw new EncodingException(
          "key of value "
              + where
              + " is "
              + utf8.length
              + " bytes, longer than maxValueLength "
              + limits.maxValueLength());
    }
    out.packRawStringHeader(utf8.length).writePayload(utf8);
  }

  /**
   * Strict UTF-8: the bytes of a text, or null if it has an unpaired surrogate, which UTF-8 cannot
   * carry.
   */
  static byte[] utf8(String text) {
    try {
      return StrictUtf8.encode(text);
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** The failure for text with an unpaired surrogate; {@code what} names it. */
  static EncodingException unpairedSurrogate(String what) {
    return new EncodingException(
        what + ": text has an unpaired surrogate, which UTF-8 cannot carry");
  }
}
