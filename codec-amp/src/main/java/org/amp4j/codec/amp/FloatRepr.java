package org.amp4j.codec.amp;

import java.math.BigDecimal;

/**
 * Python's {@code repr(float)} (spec 7.7): the shortest decimal digit string that reads back as the
 * same double, the one nearest the exact binary value if several qualify (ties to an even last
 * digit), printed positionally when the decimal exponent is in [-4, 16) and as {@code d.ddde+XX}
 * otherwise.
 *
 * <p>Java 17's {@link Double#toString} is not usable: it is not always shortest ({@code 1e23},
 * {@code 5e-324}) and formats differently.
 */
final class FloatRepr {

  private FloatRepr() {}

  /** The repr of a double: {@code 0.1}, {@code 1e+16}, {@code -0.0}, {@code nan}, {@code -inf}. */
  static String repr(double value) {
    if (Double.isNaN(value)) {
      return "nan";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    boolean negative = Double.doubleToRawLongBits(value) < 0;
    if (value == 0) {
      return negative ? "-0.0" : "0.0";
    }
    Shortest s = shortest(Math.abs(value));
    String text = format(s.digits, s.exponent);
    return negative ? "-" + text : text;
  }

  /**
   * The digits (no trailing zeros) and decimal exponent {@code E} with value = {@code d1.d2...dn x
   * 10^E}.
   */
  record Shortest(String digits, int exponent) {}

  /**
   * The shortest round-tripping digits of a finite positive double.
   *
   * <p>For a digit count p, take the exact decimal value correctly rounded to p significant digits
   * (half even) and, if it does not read back as the double, its two p-digit neighbours. The values
   * that read back form an interval around the double, so if the rounded value qualifies it is the
   * nearest (exact ties already went to the even digit), and otherwise at most one neighbour can.
   * Whether some p-digit value reads back is monotone in p (a p-digit value padded with a zero has
   * p + 1 digits), so the smallest p is found by binary search over 1..17.
   */
  static Shortest shortest(double positive) {
    BigDecimal exact = new BigDecimal(positive);
    String all = exact.unscaledValue().toString();
    int end = all.length();
    while (end > 1 && all.charAt(end - 1) == '0') {
      end--;
    }
    String exactDigits = all.substring(0, end);
    int leadExp = all.length() - 1 - exact.scale(); // decimal exponent of the first digit
    int lo = 1;
    int hi = Math.min(17, exactDigits.length());
    Shortest best = withDigits(exactDigits, leadExp, hi, positive);
    if (best == null) {
      throw new AssertionError("no " + hi + "-digit decimal reads back as " + positive);
    }
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      Shortest s = withDigits(exactDigits, leadExp, mid, positive);
      if (s != null) {
        best = s;
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return best;
  }

  /** The nearest p-digit decimal that reads back as the double, or null if there is none. */
  private static Shortest withDigits(String exactDigits, int leadExp, int p, double positive) {
    if (p >= exactDigits.length()) {
      return new Shortest(exactDigits, leadExp);
    }
    long m = Long.parseLong(exactDigits, 0, p, 10);
    if (roundsUp(exactDigits, p, m)) {
      m++;
    }
    int e = leadExp - (p - 1); // value = m x 10^e
    Shortest found = candidate(m, e, positive);
    if (found == null) {
      found =
          m - 1 < POW10[p - 1]
              ? candidate(POW10[p] - 1, e - 1, positive)
              : candidate(m - 1, e, positive);
    }
    if (found == null) {
      found = candidate(m + 1, e, positive);
    }
    return found;
  }

  private static final long[] POW10 = new long[19];

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10;
    }
  }

  /** Whether the digits after the first {@code p} round the p-digit prefix {@code m} up. */
  private static boolean roundsUp(String digits, int p, long m) {
    char first = digits.charAt(p);
    if (first != '5') {
      return first > '5';
    }
    // digits has no trailing zeros, so anything after the 5 is non-zero: above half.
    return digits.length() > p + 1 || (m & 1) == 1;
  }

  /** m x 10^e if it reads back as the double, else null. */
  private static Shortest candidate(long m, int e, double positive) {
    if (Double.parseDouble(m + "E" + e) != positive) {
      return null;
    }
    String digits = Long.toString(m);
    int exponent = e + digits.length() - 1;
    int end = digits.length();
    while (end > 1 && digits.charAt(end - 1) == '0') {
      end--;
    }
    return new Shortest(digits.substring(0, end), exponent);
  }

  /** Python's layout of significant digits {@code digits} with decimal exponent {@code exp}. */
  static String format(String digits, int exp) {
    int n = digits.length();
    StringBuilder b = new StringBuilder(n + 8);
    if (exp >= -4 && exp < 16) {
      if (exp >= 0) {
        if (n <= exp + 1) {
          b.append(digits).append("0".repeat(exp + 1 - n)).append(".0");
        } else {
          b.append(digits, 0, exp + 1).append('.').append(digits, exp + 1, n);
        }
      } else {
        b.append("0.").append("0".repeat(-exp - 1)).append(digits);
      }
      return b.toString();
    }
    b.append(digits.charAt(0));
    if (n > 1) {
      b.append('.').append(digits, 1, n);
    }
    b.append('e').append(exp < 0 ? '-' : '+');
    int abs = Math.abs(exp);
    if (abs < 10) {
      b.append('0');
    }
    return b.append(abs).toString();
  }
}
