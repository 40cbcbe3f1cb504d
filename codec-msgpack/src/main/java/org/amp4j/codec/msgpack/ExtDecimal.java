package org.amp4j.codec.msgpack;

import java.nio.charset.StandardCharsets;
import org.amp4j.spi.ShownText;
import org.amp4j.value.AmpDecimal;

/**
 * Decimals: msgpack extension type 2, the ASCII text Python's {@code str(Decimal)} writes ({@code
 * 1.10}, {@code -0}, {@code 1E+2}, {@code sNaN12}); read as Python's {@code Decimal(str)} reads it.
 * The coefficient (or NaN payload) is bounded by {@code maxIntegerDigits}.
 */
final class ExtDecimal {

  static final byte TYPE = 2;

  /** Room for the sign, point, exponent and {@code sNaN} around the digits of a decimal's text. */
  private static final int TEXT_SLACK = 16;

  private ExtDecimal() {}

  /** The longest ext 2 payload a decimal of at most {@code maxDigits} digits needs. */
  static int maxLength(int maxDigits) {
    return (int) Math.min(Integer.MAX_VALUE, (long) maxDigits + TEXT_SLACK);
  }

  /**
   * The payload of a decimal.
   *
   * @throws BadValueException if it has more than {@code maxDigits} digits
   */
  static byte[] encode(AmpDecimal value, int maxDigits) {
    checkDigits(value, maxDigits);
    return value.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * The decimal of a payload.
   *
   * @throws BadValueException if it is not ASCII decimal text or has more than {@code maxDigits}
   *     digits
   */
  static AmpDecimal decode(byte[] payload, int maxDigits) {
    for (byte b : payload) {
      if (b < 0) {
        throw new BadValueException("ext 2 decimal text is not ASCII");
      }
    }
    String text = new String(payload, StandardCharsets.US_ASCII);
    AmpDecimal value;
    try {
      value = AmpDecimal.parse(text);
    } catch (RuntimeException e) {
      throw new BadValueException(
          "ext 2 decimal text " + ShownText.quoted(text) + " is not a decimal", e);
    }
    checkDigits(value, maxDigits);
    return value;
  }

  private static void checkDigits(AmpDecimal value, int maxDigits) {
    long digits =
        switch (value.kind()) {
          case FINITE -> value.toBigDecimal().precision();
          case NAN, SIGNALING_NAN -> value.payload() == null ? 0 : Digits.count(value.payload());
          case INFINITY -> 0;
        };
    if (digits > maxDigits) {
      throw new BadValueException(
          "decimal has " + digits + " digits, more than maxIntegerDigits " + maxDigits);
    }
  }
}
