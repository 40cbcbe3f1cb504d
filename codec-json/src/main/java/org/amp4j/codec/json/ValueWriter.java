package org.amp4j.codec.json;

import static org.amp4j.spi.ValueChecks.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.amp4j.EncodingException;
import org.amp4j.Limits;
import org.amp4j.spi.MachineIntegers;
import org.amp4j.spi.ValueChecks;
import org.amp4j.spi.ValuePath;
import org.amp4j.value.AmpDateTime;
import org.amp4j.value.AmpDecimal;
import org.amp4j.value.RecordSchema;
import org.amp4j.value.ValueType;
import org.amp4j.value.ValueTypes;

/**
 * Writes one typed value by its type's {@link ValueType.Kind} and wire form, leaving the forms that
 * differ between formats to the {@link JacksonCodec.Format}. Every type is resolved for the codec
 * at every level. Checks the value length, list length, field count, nesting and digit limits
 * before writing what they bound; every failure is an {@link EncodingException} naming the value.
 * {@link ValueTypes#LONG} and {@link ValueTypes#INT} are written without making their {@code
 * BigInteger} ({@link MachineIntegers}), with the bytes and failures of the general path. Immutable
 * and thread-safe.
 */
final class ValueWriter {

  private final String codec;
  private final Limits limits;
  private final ValueChecks checks;
  private final JacksonCodec.Format format;
  private final int maxNumberDigits;

  ValueWriter(String codec, Limits limits, JacksonCodec.Format format) {
    this.codec = codec;
    this.limits = limits;
    this.checks = new ValueChecks(limits);
    this.format = format;
    this.maxNumberDigits = Math.max(limits.maxIntegerDigits(), JacksonCodec.MIN_NUMBER_DIGITS);
  }

  /**
   * Writes a value at top level (depth 0).
   *
   * @throws EncodingException if it cannot be written within the limits
   * @throws IOException if the generator fails
   */
  void write(JsonGenerator out, ValueType<?> type, Object value, ValuePath where)
      throws IOException {
    write(out, type, value, where, 0);
  }

  private void write(
      JsonGenerator out, ValueType<?> declared, Object value, ValuePath where, int depth)
      throws IOException {
    @SuppressWarnings("unchecked")
    ValueType<Object> type = (ValueType<Object>) declared.forCodec(codec);
    if (MachineIntegers.applies(type)) {
      writeLong(out, MachineIntegers.toLong(type, value, where), where);
      return;
    }
    Object wire = ValueChecks.toWire(type, value, where);
    switch (type.kind()) {
      case INTEGER -> writeInteger(out, wire(BigInteger.class, wire, type, where), where);
      case BYTES -> {
        byte[] bytes = wire(byte[].class, wire, type, where);
        checks.checkLength(where, bytes.length);
        format.writeBytes(out, bytes);
      }
      case UNICODE -> writeText(out, wire(String.class, wire, type, where), where);
      case BOOLEAN -> out.writeBoolean(wire(Boolean.class, wire, type, where));
      case FLOAT -> format.writeFloat(out, wire(Double.class, wire, type, where));
      case DECIMAL -> writeDecimal(out, wire(AmpDecimal.class, wire, type, where), where);
      case DATETIME ->
          format.writeDateTime(
              out, DateTimeText.format(wire(AmpDateTime.class, wire, type, where)));
      case LIST -> writeList(out, type, wire(List.class, wire, type, where), where, depth + 1);
      case RECORDS ->
          writeRecords(out, type, wire(List.class, wire, type, where), where, depth + 1);
    }
  }

  private void writeInteger(JsonGenerator out, BigInteger value, ValuePath where)
      throws IOException {
    if (!Texts.digitsWithin(value, limits.maxIntegerDigits())) {
      throw new EncodingException(
          "value " + where + " has more than maxIntegerDigits " + limits.maxIntegerDigits());
    }
    format.writeInteger(out, value);
  }

  /** Writes a LONG or INT value as {@link #writeInteger} writes its BigInteger. */
  private void writeLong(JsonGenerator out, long value, ValuePath where) throws IOException {
    if (MachineIntegers.digits(value) > limits.maxIntegerDigits()) {
      throw new EncodingException(
          "value " + where + " has more than maxIntegerDigits " + limits.maxIntegerDigits());
    }
    format.writeLong(out, value);
  }

  /** Writes text after checking it is UTF-8 encodable and within maxValueLength. */
  void writeText(JsonGenerator out, String text, ValuePath where) throws IOException {
    long length = Texts.utf8Length(text);
    if (length < 0) {
      throw new EncodingException(
          "value " + where + " has an unpaired surrogate, which UTF-8 cannot carry");
    }
    checks.checkLength(where, length);
    out.writeString(text);
  }

  private void writeDecimal(JsonGenerator out, AmpDecimal value, ValuePath where)
      throws IOException {
    if (value.isFinite()
        && !Texts.digitsWithin(value.toBigDecimal().unscaledValue(), maxNumberDigits)) {
      throw new EncodingException(
          "decimal " + where + " has more than " + maxNumberDigits + " digits");
    }
    format.writeDecimal(out, value);
  }

  private void writeList(
      JsonGenerator out, ValueType<?> type, List<?> list, ValuePath where, int depth)
      throws IOException {
    checks.checkDepth(where, depth);
    checks.checkListLength(where, list.size());
    out.writeStartArray(null, list.size());
    for (int i = 0; i < list.size(); i++) {
      write(out, type.elementType(), list.get(i), where.element(i), depth);
    }
    out.writeEndArray();
  }

  private void writeRecords(
      JsonGenerator out, ValueType<?> type, List<?> records, ValuePath where, int depth)
      throws IOException {
    checks.checkDepth(where, depth);
    checks.checkListLength(where, records.size());
    @SuppressWarnings("unchecked")
    RecordSchema<Object> schema = (RecordSchema<Object>) type.recordSchema();
    out.writeStartArray(null, records.size());
    for (int i = 0; i < records.size(); i++) {
      ValuePath at = where.element(i);
      Map<RecordSchema.FieldSpec, Object> fields = checks.presentFields(schema, records.get(i), at);
      out.writeStartObject(null, fields.size());
      for (Map.Entry<RecordSchema.FieldSpec, Object> f : fields.entrySet()) {
        String name = f.getKey().name();
        out.writeFieldName(name);
        write(out, f.getKey().type(), f.getValue(), at.field(name), depth);
      }
      out.writeEndObject();
    }
    out.writeEndArray();
  }
}
