package org.amp4j.value;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

/**
 * An arbitrary-precision decimal number with the special values of Python's {@code decimal} module:
 * signed zero, {@code ±Infinity}, quiet {@code NaN} and signalling {@code sNaN} (both signed and
 * with an optional diagnostic payload).
 *
 * <p>{@link BigDecimal} alone cannot carry {@code -0}, infinities or NaNs; this type keeps the
 * sign, the kind and, for finite values, the coefficient and scale exactly, so that every value
 * Twisted can send survives a round trip. Instances are immutable and thread-safe.
 */
public final class AmpDecimal {

  /** What kind of decimal value this is. */
  public enum Kind {
    /** A finite number (including signed zeros). */
    FINITE,
    /** Positive or negative infinity. */
    INFINITY,
    /** A quiet NaN, possibly with a payload. */
    NAN,
    /** A signalling NaN, possibly with a payload. */
    SIGNALING_NAN
  }

  /** Positive infinity. */
  public static final AmpDecimal POSITIVE_INFINITY =
      new AmpDecimal(Kind.INFINITY, false, null, null);

  /** Negative infinity. */
  public static final AmpDecimal NEGATIVE_INFINITY =
      new AmpDecimal(Kind.INFINITY, true, null, null);

  /** A quiet NaN without payload. */
  public static final AmpDecimal NAN = new AmpDecimal(Kind.NAN, false, null, null);

  private final Kind kind;
  private final boolean negative;
  private final BigDecimal magnitude; // FINITE only: absolute value with scale
  private final BigInteger payload; // NaN kinds only, may be null

  private AmpDecimal(Kind kind, boolean negative, BigDecimal magnitude, BigInteger payload) {
    this.kind = kind;
    this.negative = negative;
    this.magnitude = magnitude;
    this.payload = payload;
  }

  /** A finite value; the sign of zero is positive. */
  public static AmpDecimal of(BigDecimal value) {
    Objects.requireNonNull(value, "value");
    return new AmpDecimal(Kind.FINITE, value.signum() < 0, value.abs(), null);
  }

  /**
   * A finite value from its text in Java's {@link BigDecimal} syntax, keeping a leading '-' on
   * zero.
   */
  public static AmpDecimal of(String javaDecimalText) {
    BigDecimal value = new BigDecimal(javaDecimalText);
    boolean negative = javaDecimalText.startsWith("-");
    return new AmpDecimal(Kind.FINITE, negative, value.abs(), null);
  }

  /** A finite value with an explicit sign, so that {@code -0} and {@code -0.00} can be built. */
  public static AmpDecimal finite(boolean negative, BigDecimal magnitude) {
    if (magnitude.signum() < 0) {
      throw new IllegalArgumentException("magnitude must not be negative: " + magnitude);
    }
    return new AmpDecimal(Kind.FINITE, negative, magnitude, null);
  }

  /** Positive or negative infinity. */
  public static AmpDecimal infinity(boolean negative) {
    return negative ? NEGATIVE_INFINITY : POSITIVE_INFINITY;
  }

  /**
   * A NaN.
   *
   * @param signaling true for {@code sNaN}
   * @param negative the sign
   * @param payload the diagnostic payload, or null for none
   */
  public static AmpDecimal nan(boolean signaling, boolean negative, BigInteger payload) {
    if (payload != null && payload.signum() < 0) {
      throw new IllegalArgumentException("NaN payload must not be negative: " + payload);
    }
    BigInteger normalized = payload == null || payload.signum() == 0 ? null : payload;
    return new AmpDecimal(signaling ? Kind.SIGNALING_NAN : Kind.NAN, negative, null, normalized);
  }

  /** The kind of this value. */
  public Kind kind() {
    return kind;
  }

  /** Whether the sign is negative (also for {@code -0}, {@code -Infinity} and {@code -NaN}). */
  public boolean isNegative() {
    return negative;
  }

  /** Whether this is a finite number. */
  public boolean isFinite() {
    return kind == Kind.FINITE;
  }

  /** The NaN payload, or null when there is none or this is not a NaN. */
  public BigInteger payload() {
    return payload;
  }

  /**
   * This value as a {@link BigDecimal}.
   *
   * @throws ArithmeticException if it is not finite ({@code -0} becomes {@code 0})
   */
  public BigDecimal toBigDecimal() {
    if (kind != Kind.FINITE) {
      throw new ArithmeticException(this + " has no BigDecimal form");
    }
    return negative ? magnitude.negate() : magnitude;
  }

  /**
   * The canonical text, as Python's {@code str(decimal.Decimal)} writes it: {@code 1.10}, {@code
   * -0}, {@code 1E+2}, {@code -Infinity}, {@code sNaN12}.
   */
  @Override
  public String toString() {
    String sign = negative ? "-" : "";
    switch (kind) {
      case INFINITY:
        return sign + "Infinity";
      case NAN:
        return sign + "NaN" + (payload == null ? "" : payload.toString());
      case SIGNALING_NAN:
        return sign + "sNaN" + (payload == null ? "" : payload.toString());
      default:
        // BigDecimal.toString implements the same to-scientific-string rules as Python.
        return sign + magnitude.toString();
    }
  }

  /**
   * Parses decimal text the way Python's {@code Decimal(str)} does: surrounding whitespace, a sign,
   * {@code _} between digits, case-insensitive {@code inf}, {@code infinity}, {@code nan}, {@code
   * snan} with an optional payload.
   *
   * @throws NumberFormatException if the text is not a decimal
   */
  public static AmpDecimal parse(String text) {
    // Python strips surrounding whitespace, then drops every '_' wherever it stands.
    String s = text.strip().replace("_", "");
    if (s.isEmpty() || !s.equals(s.strip())) {
      throw new NumberFormatException("not a decimal: " + text);
    }
    boolean negative = false;
    int i = 0;
    if (s.charAt(0) == '+' || s.charAt(0) == '-') {
      negative = s.charAt(0) == '-';
      i = 1;
    }
    String body = s.substring(i);
    String lower = body.toLowerCase(java.util.Locale.ROOT);
    if (lower.equals("inf") || lower.equals("infinity")) {
      return infinity(negative);
    }
    if (lower.startsWith("nan") || lower.startsWith("snan")) {
      boolean signaling = lower.startsWith("s");
      String digits = body.substring(signaling ? 4 : 3);
      BigInteger payload = null;
      if (!digits.isEmpty()) {
        requireDigits(digits, text);
        payload = new BigInteger(digits);
      }
      return nan(signaling, negative, payload);
    }
    if (body.isEmpty() || !(Character.isDigit(body.charAt(0)) || body.charAt(0) == '.')) {
      throw new NumberFormatException("not a decimal: " + text);
    }
    for (int k = 0; k < body.length(); k++) {
      char c = body.charAt(k);
      boolean ok =
          (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-';
      if (!ok) {
        throw new NumberFormatException("not a decimal: " + text);
      }
    }
    BigDecimal magnitude;
    try {
      magnitude = new BigDecimal(body);
    } catch (NumberFormatException e) {
      throw new NumberFormatException("not a decimal: " + text);
    }
    return finite(negative, magnitude);
  }

  private static void requireDigits(String digits, String original) {
    for (int k = 0; k < digits.length(); k++) {
      if (digits.charAt(k) < '0' || digits.charAt(k) > '9') {
        throw new NumberFormatException("not a decimal: " + original);
      }
    }
  }

  /**
   * Equality is representational: {@code 1.0} and {@code 1.00} differ, as do {@code 0} and {@code
   * -0}.
   */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof AmpDecimal)) {
      return false;
    }
    AmpDecimal other = (AmpDecimal) o;
    return kind == other.kind
        && negative == other.negative
        && Objects.equals(magnitude, other.magnitude)
        && Objects.equals(payload, other.payload);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, negative, magnitude, payload);
  }
}
