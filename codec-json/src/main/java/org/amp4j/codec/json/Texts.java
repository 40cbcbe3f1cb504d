package org.amp4j.codec.json;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** Small text helpers: UTF-8 lengths, base64, digit counts, and values shown in messages. */
final class Texts {

  private static final double LOG10_2 = Math.log10(2);
  private static final int MAX_SHOWN = 48;

  private Texts() {}

  /** The length of the UTF-8 encoding of a string, or -1 if it has an unpaired surrogate. */
  static long utf8Length(String s) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n += 1;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else if (Character.isSurrogate(c)) {
        return -1;
      } else {
        n += 3;
      }
    }
    return n;
  }

  /** The length of the padded base64 text of {@code n} bytes, at most Integer.MAX_VALUE. */
  static int base64Length(int n) {
    return (int) Math.min(Integer.MAX_VALUE, ((n + 2L) / 3) * 4);
  }

  /**
   * The length of the bytes that a string decodes to if it has the shape of padded base64 (length a
   * multiple of 4, base64 alphabet, at most two trailing {@code =}), or -1.
   */
  static long base64DecodedLength(String s) {
    int n = s.length();
    if (n % 4 != 0) {
      return -1;
    }
    int pad = n > 0 && s.charAt(n - 1) == '=' ? (n > 1 && s.charAt(n - 2) == '=' ? 2 : 1) : 0;
    for (int i = 0; i < n - pad; i++) {
      char c = s.charAt(i);
      boolean ok =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '+'
              || c == '/';
      if (!ok) {
        return -1;
      }
    }
    return (long) n / 4 * 3 - pad;
  }

  /**
   * Whether an integer has at most {@code max} decimal digits (its sign not counted); huge values
   * are refused from their bit length without printing them.
   */
  static boolean digitsWithin(BigInteger value, int max) {
    int bits = value.abs().bitLength();
    long atLeast = bits == 0 ? 1 : (long) Math.floor((bits - 1) * LOG10_2) + 1;
    if (atLeast > max) {
      return false;
    }
    long atMost = (long) Math.floor(bits * LOG10_2) + 1;
    if (atMost <= max) {
      return true;
    }
    return value.abs().toString().length() <= max;
  }

  /** A plain value as error messages show it: quoted text, shortened, with its kind. */
  static String show(Object plain) {
    if (plain == null) {
      return "null";
    }
    if (plain instanceof String s) {
      return quote(s);
    }
    if (plain instanceof byte[] b) {
      return "bytes of length " + b.length;
    }
    if (plain instanceof List<?> l) {
      return "a list of " + l.size();
    }
    if (plain instanceof Map<?, ?> m) {
      return "a map of " + m.size() + " keys";
    }
    if (plain instanceof BigInteger i && i.bitLength() > 160) {
      return "an integer of " + i.bitLength() + " bits";
    }
    String text = plain.toString();
    return text.length() > MAX_SHOWN ? text.substring(0, MAX_SHOWN) + "..." : text;
  }

  private static String quote(String s) {
    StringBuilder b = new StringBuilder(Math.min(s.length(), MAX_SHOWN) + 8).append('"');
    int shown = Math.min(s.length(), MAX_SHOWN);
    for (int i = 0; i < shown; i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c >= 0x20 && c != 0x7f && !Character.isSurrogate(c)) {
        b.append(c);
      } else {
        b.append(String.format("\\u%04x", (int) c));
      }
    }
    b.append('"');
    if (shown < s.length()) {
      b.append("... (").append(s.length()).append(" chars)");
    }
    return b.toString();
  }
}
