package org.amp4j.codec.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import org.amp4j.EncodingException;
import org.amp4j.Limits;
import org.amp4j.value.AmpDateTime;
import org.amp4j.value.AmpDecimal;
import org.amp4j.value.RecordSchema;
import org.amp4j.value.ValueType;

/**
 * Writes one typed value by its type's {@link ValueType.Kind} and wire form, leaving the forms that
 * differ between formats to the {@link JacksonCodec.Format}. Every type is resolved for the codec
 * at every level. Checks the value length, list length, field count, nesting and digit limits
 * before writing what they bound; every failure is an {@link EncodingException} naming the value.
 * Immutable and thread-safe.
 */
final class ValueWriter {

  private final String codec;
  private final Limits limits;
  private final JacksonCodec.Format format;
  private final int maxNumberDigits;

  ValueWriter(String codec, Limits limits, JacksonCodec.Format format) {
    this.codec = codec;
    this.limits = limits;
    this.format = format;
    this.maxNumberDigits = Math.max(limits.maxIntegerDigits(), JacksonCodec.MIN_NUMBER_DIGITS);
  }

  /**
   * Writes a value at top level (depth 0).
   *
   * @throws EncodingException if it cannot be written within the limits
   * @throws IOException if the generator fails
   */
  void write(JsonGenerator out, ValueType<?> type, Object value, Where where) throws IOException {
    write(out, type, value, where, 0);
  }

  private void write(JsonGenerator out, ValueType<?> declared, Object value, Where where, int depth)
      throws IOException {
    if (value == null) {
      throw new EncodingException("value " + where + " is null");
    }
    @SuppressWarnings("unchecked")
    ValueType<Object> type = (ValueType<Object>) declared.forCodec(codec);
    Object wire;
    try {
      wire = type.toWire(value);
    } catch (RuntimeException e) {
      throw new EncodingException(
          "value " + where + " cannot be converted to " + type.name() + ": " + e.getMessage(), e);
    }
    switch (type.kind()) {
      case INTEGER -> writeInteger(out, wire(BigInteger.class, wire, type, where), where);
      case BYTES -> {
        byte[] bytes = wire(byte[].class, wire, type, where);
        checkLength(bytes.length, where);
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

  private void writeInteger(JsonGenerator out, BigInteger value, Where where) throws IOException {
    if (!Texts.digitsWithin(value, limits.maxIntegerDigits())) {
      throw new EncodingException(
          "value " + where + " has more than maxIntegerDigits " + limits.maxIntegerDigits());
    }
    format.writeInteger(out, value);
  }

  /** Writes text after checking it is UTF-8 encodable and within maxValueLength. */
  void writeText(JsonGenerator out, String text, Where where) throws IOException {
    long length = Texts.utf8Length(text);
    if (length < 0) {
      throw new EncodingException(
          "value " + where + " has an unpaired surrogate, which UTF-8 cannot carry");
    }
    checkLength(length, where);
    out.writeString(text);
  }

  private void writeDecimal(JsonGenerator out, AmpDecimal value, Where where) throws IOException {
    if (value.isFinite()
        && !Texts.digitsWithin(value.toBigDecimal().unscaledValue(), maxNumberDigits)) {
      throw new EncodingException(
          "decimal " + where + " has more than " + maxNumberDigits + " digits");
    }
    format.writeDecimal(out, value);
  }

  private void writeList(JsonGenerator out, ValueType<?> type, List<?> list, Where where, int depth)
      throws IOException {
    checkDepth(where, depth);
    checkListLength(list.size(), where);
    out.writeStartArray(list, list.size());
    for (int i = 0; i < list.size(); i++) {
      write(out, type.elementType(), list.get(i), where.element(i), depth);
    }
    out.writeEndArray();
  }

  private void writeRecords(
      JsonGenerator out, ValueType<?> type, List<?> records, Where where, int depth)
      throws IOException {
    checkDepth(where, depth);
    checkListLength(records.size(), where);
    @SuppressWarnings("unchecked")
    RecordSchema<Object> schema = (RecordSchema<Object>) type.recordSchema();
    out.writeStartArray(records, records.size());
    for (int i = 0; i < records.size(); i++) {
      Object record = records.get(i);
      Where at = where.element(i);
      if (record == null) {
        throw new EncodingException("value " + at + " is null");
      }
      List<RecordSchema.FieldSpec> fields = schema.fields();
      Object[] values = new Object[fields.size()];
      int present = 0;
      for (int f = 0; f < values.length; f++) {
        values[f] = field(schema, record, fields.get(f), at);
        present += values[f] == null ? 0 : 1;
      }
      if (present > limits.maxFieldCount()) {
        throw new EncodingException(
            "value "
                + at
                + " has "
                + present
                + " fields, more than maxFieldCount "
                + limits.maxFieldCount());
      }
      out.writeStartObject(record, present);
      for (int f = 0; f < values.length; f++) {
        if (values[f] != null) {
          out.writeFieldName(fields.get(f).name());
          write(out, fields.get(f).type(), values[f], at.field(fields.get(f).name()), depth);
        }
      }
      out.writeEndObject();
    }
    out.writeEndArray();
  }

  /** A field's value, null when an optional field is absent. */
  private static Object field(
      RecordSchema<Object> schema, Object record, RecordSchema.FieldSpec field, Where at) {
    Where fieldAt = at.field(field.name());
    Object value;
    try {
      value = schema.get(record, field);
    } catch (RuntimeException e) {
      throw new EncodingException(
          "value " + fieldAt + " cannot be read from a " + record.getClass().getName(), e);
    }
    if (value == null && !field.optional()) {
      throw new EncodingException("value " + fieldAt + " is required but null");
    }
    return value;
  }

  private void checkLength(long length, Where where) {
    if (length > limits.maxValueLength()) {
      throw new EncodingException(
          "value "
              + where
              + " is "
              + length
              + " bytes, longer than maxValueLength "
              + limits.maxValueLength());
    }
  }

  private void checkListLength(int size, Where where) {
    if (size > limits.maxListLength()) {
      throw new EncodingException(
          "value "
              + where
              + " has "
              + size
              + " elements, more than maxListLength "
              + limits.maxListLength());
    }
  }

  private void checkDepth(Where where, int depth) {
    if (depth > limits.maxNestingDepth()) {
      throw new EncodingException(
          "value "
              + where
              + " nests lists and records deeper than maxNestingDepth "
              + limits.maxNestingDepth());
    }
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
