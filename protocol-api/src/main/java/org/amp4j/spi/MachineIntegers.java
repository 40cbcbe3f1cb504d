package org.amp4j.spi;

import java.math.BigInteger;
import org.amp4j.value.ValueType;
import org.amp4j.value.ValueTypes;

/**
 * A fast path for the built-in {@link ValueTypes#LONG} and {@link ValueTypes#INT}, whose wire form
 * is a {@link java.math.BigInteger} like that of every {@link ValueType.Kind#INTEGER} type: a codec
 * may write and read their values as a {@code long} without making the {@code BigInteger}, with
 * exactly the result of the general path. Other integer types, user types mapped over {@link
 * ValueTypes#INTEGER} included, take the general path.
 */
public final class MachineIntegers {

  private MachineIntegers() {}

  /**
   * Whether a type (resolved for the codec) is {@link ValueTypes#LONG} or {@link ValueTypes#INT}.
   */
  public static boolean applies(ValueType<?> resolved) {
    return resolved == ValueTypes.LONG || resolved == ValueTypes.INT;
  }

  /**
   * A value of such a type as a {@code long}; a null or a value of another class fails as {@link
   * ValueChecks#toWire} makes it fail.
   *
   * @throws org.amp4j.EncodingException if the value is null or not of the type's Java class
   */
  public static long toLong(ValueType<?> resolved, Object value, ValuePath where) {
    if (resolved == ValueTypes.LONG && value instanceof Long l) {
      return l;
    }
    if (resolved == ValueTypes.INT && value instanceof Integer i) {
      return i;
    }
    @SuppressWarnings("unchecked")
    ValueType<Object> type = (ValueType<Object>) resolved;
    return ((BigInteger) ValueChecks.toWire(type, value, where)).longValueExact();
  }

  /**
   * A received integer as a value of such a type, as {@link ValueType#fromWire} would give it.
   *
   * @throws IllegalArgumentException if it does not fit the type (an {@code int} out of range)
   */
  @SuppressWarnings("unchecked")
  public static <T> T fromLong(ValueType<T> resolved, long value) {
    if (resolved == ValueTypes.LONG) {
      return (T) Long.valueOf(value);
    }
    if (resolved != ValueTypes.INT) {
      throw new IllegalArgumentException(resolved.name() + " is not a machine integer type");
    }
    if (value != (int) value) {
      throw new IllegalArgumentException("integer " + value + " does not fit in an int");
    }
    return (T) Integer.valueOf((int) value);
  }

  /**
   * How many decimal digits a {@code long} has, its sign not counted (1 to 19), found by
   * comparisons: what a codec checks against {@link org.amp4j.Limits#maxIntegerDigits()}.
   */
  public static int digits(long value) {
    long n = value < 0 ? value : -value; // negative, so that Long.MIN_VALUE has a magnitude
    int digits = 1;
    for (long bound = -10; digits < 19 && n <= bound; bound *= 10) {
      digits++;
    }
    return digits;
  }
}
