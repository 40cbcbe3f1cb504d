package org.amp4j.spi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.amp4j.EncodingException;
import org.amp4j.Limits;
import org.amp4j.value.RecordSchema;
import org.amp4j.value.ValueType;

/**
 * The checks every codec makes while encoding a typed value, with the messages users see: a null
 * value, a wire form of the wrong class, a record field that cannot be read or is required but
 * null, and the {@link Limits} on value length, list length, field count and nesting depth. Every
 * failure is an {@link EncodingException} naming the value by its {@link ValuePath}. Immutable and
 * thread-safe.
 */
public final class ValueChecks {

  private final Limits limits;

  /** Checks against these limits. */
  public ValueChecks(Limits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /**
   * The value, checked not to be null.
   *
   * @throws EncodingException if it is null
   */
  public static <T> T nonNull(T value, ValuePath where) {
    if (value == null) {
      throw new EncodingException("value " + where + " is null");
    }
    return value;
  }

  /**
   * The wire form of a value ({@link ValueType#toWire}) of a type already resolved for the codec.
   *
   * @throws EncodingException if the value is null or the type cannot convert it
   */
  public static <T> Object toWire(ValueType<T> type, T value, ValuePath where) {
    nonNull(value, where);
    try {
      return type.toWire(value);
    } catch (RuntimeException e) {
      throw new EncodingException(
          "value " + where + " cannot be converted to " + type.name() + ": " + e.getMessage(), e);
    }
  }

  /**
   * A wire form as the class its type's {@link ValueType.Kind} calls for.
   *
   * @throws EncodingException if it is of another class (a user type with a wrong {@code toWire})
   */
  public static <W> W wire(Class<W> expected, Object wire, ValueType<?> type, ValuePath where) {
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

  /**
   * The value of one field of a record, null when an optional field is absent.
   *
   * @param at the record's path
   * @throws EncodingException if it cannot be read, or a required field is null
   */
  public static <R> Object fieldValue(
      RecordSchema<R> schema, R record, RecordSchema.FieldSpec field, ValuePath at) {
    Object value;
    try {
      value = schema.get(record, field);
    } catch (RuntimeException e) {
      throw new EncodingException(
          "value "
              + at.field(field.name())
              + " cannot be read from a "
              + record.getClass().getName(),
          e);
    }
    if (value == null && !field.optional()) {
      throw new EncodingException("value " + at.field(field.name()) + " is required but null");
    }
    return value;
  }

  /**
   * The fields of a record that have a value, in schema order, read before any is written so that a
   * format can write the field count first.
   *
   * @param at the record's path
   * @throws EncodingException if the record is null, a field cannot be read, a required field is
   *     null, or more than {@code maxFieldCount} fields have a value
   */
  public <R> Map<RecordSchema.FieldSpec, Object> presentFields(
      RecordSchema<R> schema, R record, ValuePath at) {
    nonNull(record, at);
    Map<RecordSchema.FieldSpec, Object> present = new LinkedHashMap<>();
    for (RecordSchema.FieldSpec field : schema.fields()) {
      Object value = fieldValue(schema, record, field, at);
      if (value != null) {
        present.put(field, value);
      }
    }
    if (present.size() > limits.maxFieldCount()) {
      throw new EncodingException(
          "value "
              + at
              + " has "
              + present.size()
              + " fields, more than maxFieldCount "
              + limits.maxFieldCount());
    }
    return present;
  }

  /**
   * Checks the encoded length of a bytes or text value.
   *
   * @throws EncodingException if it is over {@code maxValueLength}
   */
  public void checkLength(ValuePath where, long length) {
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

  /**
   * Checks the element count of a list or list of records.
   *
   * @throws EncodingException if it is over {@code maxListLength}
   */
  public void checkListLength(ValuePath where, int size) {
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

  /**
   * Checks how deep a list or list of records sits.
   *
   * @param depth 1 for a top-level list, one more for each enclosing list or record
   * @throws EncodingException if it is over {@code maxNestingDepth}
   */
  public void checkDepth(ValuePath where, int depth) {
    if (depth > limits.maxNestingDepth()) {
      throw new EncodingException(
          "value "
              + where
              + " nests lists and records deeper than maxNestingDepth "
              + limits.maxNestingDepth());
    }
  }
}
