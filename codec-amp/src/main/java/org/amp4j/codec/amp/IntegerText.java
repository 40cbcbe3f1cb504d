package org.amp4j.codec.amp;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.amp4j.spi.MachineIntegers;

/**
 * AMP Integer text (spec 7.3): written as minimal base-10 ASCII; read leniently like Python's
 * {@code int()}: surrounding whitespace, a sign, leading zeros and single {@code _} between digits.
 */
final class IntegerText {

  private static final double LOG10_2 = Math.log10(2);

  private IntegerText() {}

  /**
   * The wire text of an integer.
   *
   * @throws BadTextException if it has more than {@code maxDigits} decimal digits
   */
  static byte[] format(BigInteger value, int maxDigits) {
    if (value.bitLength() < 64) {
      return format(value.longValue(), maxDigits);
    }
    // A cheap lower bound first, so that a huge number is refused without printing it.
    int bits = value.abs().bitLength();
    long minDigits = bits == 0 ? 1 : (long) Math.floor((bits - 1) * LOG10_2) + 1;
    if (minDigits > maxDigits) {
      throw new BadTextException(
          "integer has at least " + minDigits + " digits, more than " + maxDigits);
    }
    String text = value.toString();
    int digits = value.signum() < 0 ? text.length() - 1 : text.length();
    if (digits > maxDigits) {
      throw new BadTextException("integer has " + digits + " digits, more than " + maxDigits);
    }
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Fast path for a long: its digits go straight into the array, two at a time, with neither
   * BigInteger's general conversion nor a String.
   *
   * @throws BadTextException if it has more than {@code maxDigits} decimal digits
   */
  static byte[] format(long value, int maxDigits) {
    byte[] text = new byte[length(value, maxDigits)];
    write(value, text, text.length);
    return text;
  }

  /**
   * How many bytes the wire text of a long has: its digits and any sign.
   *
   * @throws BadTextException if it has more than {@code maxDigits} decimal digits
   */
  static int length(long value, int maxDigits) {
    int digits = MachineIntegers.digits(value);
    if (digits > maxDigits) {
      throw new BadTextException("integer has " + digits + " digits, more than " + maxDigits);
    }
    return value < 0 ? digits + 1 : digits;
  }

  /**
   * Writes the wire text of a long so that it ends just before {@code end}, two digits at a time.
   *
   * @param out where to write, with room for {@link #length} bytes before {@code end}
   */
  static void write(long value, byte[] out, int end) {
    // Negative, so that Long.MIN_VALUE's magnitude fits.
    long negative = value < 0 ? value : -value;
    int at = end;
    while (negative <= -100) {
      long q = negative / 100;
      int pair = (int) (q * 100 - negative); // 0..99
      negative = q;
      out[--at] = (byte) ('0' + pair % 10);
      out[--at] = (byte) ('0' + pair / 10);
    }
    int last = (int) -negative; // 0..99
    out[--at] = (byte) ('0' + last % 10);
    if (last >= 10) {
      out[--at] = (byte) ('0' + last / 10);
    }
    if (value < 0) {
      out[--at] = '-';
    }
  }

  /**
   * Parses integer text like Python's {@code int(bytes)}.
   *
   * @throws BadTextException if it is not an integer or has more than {@code maxDigits} digits
   */
  static BigInteger parse(byte[] text, int maxDigits) {
    BigInteger plain = parsePlainLong(text, maxDigits);
    return plain != null ? plain : parse(PyText.ascii(text), maxDigits);
  }

  /**
   * Fast path for the common form, an optional {@code -} and 1 to 18 ASCII digits (which always fit
   * a long); null for anything else, which the general parser then reads.
   */
  private static BigInteger parsePlainLong(byte[] text, int maxDigits) {
    return isPlainLong(text, maxDigits) ? BigInteger.valueOf(plainLong(text)) : null;
  }

  /**
   * Whether integer text has the common form: an optional {@code -} and 1 to 18 ASCII digits, at
   * most {@code maxDigits}, which always fit a long ({@link #plainLong} reads it).
   */
  static boolean isPlainLong(byte[] text, int maxDigits) {
    int start = text.length > 0 && text[0] == '-' ? 1 : 0;
    int digits = text.length - start;
    if (digits < 1 || digits > 18 || digits > maxDigits) {
      return false;
    }
    for (int i = start; i < text.length; i++) {
      int d = text[i] - '0';
      if (d < 0 || d > 9) {
        return false;
      }
    }
    return true;
  }

  /** The value of text for which {@link #isPlainLong} holds. */
  static long plainLong(byte[] text) {
    int start = text[0] == '-' ? 1 : 0;
    long v = 0;
    for (int i = start; i < text.length; i++) {
      v = v * 10 + (text[i] - '0');
    }
    return start == 1 ? -v : v;
  }

  /** Parses integer text like Python's {@code int(str)} for ASCII text. */
  static BigInteger parse(String text, int maxDigits) {
    String s = PyText.strip(text);
    int start = 0;
    if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
      start = 1;
    }
    if (start >= s.length() || !PyText.isDigit(s.charAt(start))) {
      throw new BadTextException("");
    }
    for (int i = start; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!PyText.isDigit(c) && c != '_') {
        throw new BadTextException("");
      }
    }
    String digits = PyText.removeUnderscores(s.substring(start));
    if (digits.length() > maxDigits) {
      throw new BadTextException(
          "integer has " + digits.length() + " digits, more than " + maxDigits);
    }
    BigInteger magnitude = new BigInteger(digits);
    return s.charAt(0) == '-' ? magnitude.negate() : magnitude;
  }
}
