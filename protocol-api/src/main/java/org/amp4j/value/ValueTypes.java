package org.amp4j.value;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import org.amp4j.DefinitionException;

/** The built-in value types, and factories for list types. */
public final class ValueTypes {

  private ValueTypes() {}

  /** Arbitrary-precision integer (AMP Integer). */
  public static final ValueType<BigInteger> INTEGER =
      new ValueType.Base<>(ValueType.Kind.INTEGER, "integer", BigInteger.class);

  /** A 64-bit integer, carried as {@link #INTEGER}; out-of-range values fail to decode. */
  public static final ValueType<Long> LONG =
      INTEGER.map("integer(long)", ValueTypes::toLong, (Long l) -> BigInteger.valueOf(l));

  /** A 32-bit integer, carried as {@link #INTEGER}; out-of-range values fail to decode. */
  public static final ValueType<Integer> INT =
      INTEGER.map("integer(int)", ValueTypes::toInt, (Integer i) -> BigInteger.valueOf(i));

  /** Raw bytes (AMP String). Arrays are not copied: do not modify them after sending. */
  public static final ValueType<byte[]> BYTES =
      new ValueType.Base<>(ValueType.Kind.BYTES, "bytes", byte[].class);

  /** Unicode text (AMP Unicode); strings with unpaired surrogates cannot be sent. */
  public static final ValueType<String> UNICODE =
      new ValueType.Base<>(ValueType.Kind.UNICODE, "unicode", String.class);

  /** Boolean. */
  public static final ValueType<Boolean> BOOLEAN =
      new ValueType.Base<>(ValueType.Kind.BOOLEAN, "boolean", Boolean.class);

  /** IEEE-754 binary64, including NaN, the infinities and -0.0. */
  public static final ValueType<Double> FLOAT =
      new ValueType.Base<>(ValueType.Kind.FLOAT, "float", Double.class);

  /** Arbitrary-precision decimal with Python's special values. */
  public static final ValueType<AmpDecimal> DECIMAL =
      new ValueType.Base<>(ValueType.Kind.DECIMAL, "decimal", AmpDecimal.class);

  /** A finite decimal as {@link BigDecimal}; special values and -0 fail to decode. */
  public static final ValueType<BigDecimal> BIG_DECIMAL =
      DECIMAL.map("decimal(BigDecimal)", ValueTypes::toBigDecimal, AmpDecimal::of);

  /**
   * Date-time with any UTC offset Python allows (under 24 h), years 1..9999, microseconds: the
   * lossless form of {@link #DATETIME}.
   */
  public static final ValueType<AmpDateTime> AMP_DATETIME =
      new ValueType.Base<>(ValueType.Kind.DATETIME, "datetime", AmpDateTime.class);

  /**
   * Date-time with a UTC offset, years 1..9999; sub-microsecond digits are truncated on send, and a
   * received offset beyond ±18:00 fails to decode (use {@link #AMP_DATETIME} for those).
   */
  public static final ValueType<OffsetDateTime> DATETIME =
      AMP_DATETIME.map("datetime", AmpDateTime::toOffsetDateTime, AmpDateTime::of);

  /** A filesystem path, carried as its text in Unicode (AMP Path). */
  public static final ValueType<Path> PATH = UNICODE.map("path", Path::of, Path::toString);

  /** A list of values of one type (AMP ListOf). */
  public static <E> ValueType<List<E>> listOf(ValueType<E> element) {
    if (element.kind() == ValueType.Kind.RECORDS) {
      throw new DefinitionException("a list of record lists cannot be carried; use records()");
    }
    return new ValueType.ListType<>(element);
  }

  /** A list of nested records (AMP AmpList). */
  public static <R> ValueType<List<R>> records(RecordSchema<R> schema) {
    return new ValueType.RecordsType<>(schema);
  }

  private static long toLong(BigInteger v) {
    if (v.bitLength() > 63) {
      throw new IllegalArgumentException("integer " + v + " does not fit in a long");
    }
    return v.longValue();
  }

  private static int toInt(BigInteger v) {
    if (v.bitLength() > 31) {
      throw new IllegalArgumentException("integer " + v + " does not fit in an int");
    }
    return v.intValue();
  }

  private static BigDecimal toBigDecimal(AmpDecimal d) {
    if (!d.isFinite()) {
      throw new IllegalArgumentException("decimal " + d + " has no BigDecimal form");
    }
    if (d.isNegative() && d.toBigDecimal().signum() == 0) {
      throw new IllegalArgumentException(
          "decimal " + d + " (negative zero) has no BigDecimal form");
    }
    return d.toBigDecimal();
  }
}
