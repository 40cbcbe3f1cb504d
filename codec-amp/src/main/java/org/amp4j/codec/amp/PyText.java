package org.amp4j.codec.amp;

/** Character rules shared by the lenient Python-style parsers ({@code int()}, {@code float()}). */
final class PyText {

  private PyText() {}

  /** Python's {@code Py_ISSPACE}: space, tab, LF, VT, FF, CR. */
  static boolean isSpace(int c) {
    return c == ' ' || (c >= 0x09 && c <= 0x0D);
  }

  static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  /** The bytes as a string, one char per byte (only used after checking they are ASCII). */
  static String latin1(byte[] bytes, int from, int to) {
    char[] chars = new char[to - from];
    for (int i = from; i < to; i++) {
      chars[i - from] = (char) (bytes[i] & 0xFF);
    }
    return new String(chars);
  }

  /**
   * Removes Python's digit-group underscores: every {@code _} must sit between two ASCII digits
   * ({@code 1_000}, not {@code _1}, {@code 1_}, {@code 1__0}).
   *
   * @throws BadTextException if an underscore is misplaced
   */
  static String removeUnderscores(String s) {
    if (s.indexOf('_') < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '_') {
        if (i == 0
            || i + 1 >= s.length()
            || !isDigit(s.charAt(i - 1))
            || !isDigit(s.charAt(i + 1))) {
          throw new BadTextException("'_' must sit between two digits");
        }
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** The text between leading and trailing Python whitespace. */
  static String strip(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && isSpace(s.charAt(from))) {
      from++;
    }
    while (to > from && isSpace(s.charAt(to - 1))) {
      to--;
    }
    return s.substring(from, to);
  }

  /**
   * The bytes as ASCII text.
   *
   * @throws BadTextException if a byte is not ASCII
   */
  static String ascii(byte[] bytes) {
    for (byte x : bytes) {
      if (x < 0) {
        throw new BadTextException("not ASCII");
      }
    }
    return latin1(bytes, 0, bytes.length);
  }
}
