package org.amp4j.codec.amp;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * AMP Float text (spec 7.7): written as Python's {@code repr} ({@link FloatRepr}); read leniently
 * like Python's {@code float(bytes)}: whitespace, signs, {@code _} between digits, exponent {@code
 * e}/{@code E}, case-insensitive {@code nan}, {@code inf}, {@code infinity}; overflow gives
 * infinity. Java-only syntaxes such as {@code 1d}, {@code 1f} or hex floats are refused.
 */
final class FloatText {

  private FloatText() {}

  static byte[] format(double value) {
    return FloatRepr.repr(value).getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Parses float text like Python's {@code float()}.
   *
   * @throws BadTextException if it is not a float
   */
  static double parse(byte[] text) {
    String s = PyText.removeUnderscores(PyText.strip(PyText.ascii(text)));
    if (s.isEmpty()) {
      throw new BadTextException("");
    }
    int i = 0;
    boolean negative = false;
    if (s.charAt(0) == '+' || s.charAt(0) == '-') {
      negative = s.charAt(0) == '-';
      i = 1;
    }
    String body = s.substring(i).toLowerCase(Locale.ROOT);
    if (body.equals("nan")) {
      return Double.NaN;
    }
    if (body.equals("inf") || body.equals("infinity")) {
      return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (!isDecimalNumber(body)) {
      throw new BadTextException("");
    }
    // Only [sign] digits [. digits] [e [sign] digits] remains: Double.parseDouble reads that
    // exactly as Python does (correctly rounded, overflow to infinity, underflow to zero).
    return Double.parseDouble(s);
  }

  /** {@code digits [. [digits]] | . digits}, then optionally {@code e [sign] digits}. */
  private static boolean isDecimalNumber(String s) {
    int i = 0;
    int n = s.length();
    int intDigits = 0;
    while (i < n && PyText.isDigit(s.charAt(i))) {
      i++;
      intDigits++;
    }
    int fracDigits = 0;
    if (i < n && s.charAt(i) == '.') {
      i++;
      while (i < n && PyText.isDigit(s.charAt(i))) {
        i++;
        fracDigits++;
      }
    }
    if (intDigits + fracDigits == 0) {
      return false;
    }
    if (i < n && s.charAt(i) == 'e') {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int expDigits = 0;
      while (i < n && PyText.isDigit(s.charAt(i))) {
        i++;
        expDigits++;
      }
      if (expDigits == 0) {
        return false;
      }
    }
    return i == n;
  }
}
