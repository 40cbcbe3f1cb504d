package org.amp4j.spi;

/** How codecs show a received text in an error message: quoted, escaped and cut when long. */
public final class ShownText {

  /** How many chars of a text a message shows. */
  public static final int MAX_SHOWN = 48;

  private ShownText() {}

  /**
   * The text double-quoted, with {@code "}, {@code \} and control characters escaped, cut after
   * {@link #MAX_SHOWN} chars with its length: {@code "ab\x0a"}, {@code "abc..."... (90 chars)}.
   */
  public static String quoted(String s) {
    int shown = Math.min(s.length(), MAX_SHOWN);
    StringBuilder b = new StringBuilder(shown + 8).append('"');
    for (int i = 0; i < shown; i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7F) {
        b.append(String.format("\\x%02x", (int) c));
      } else {
        b.append(c);
      }
    }
    b.append('"');
    if (shown < s.length()) {
      b.append("... (").append(s.length()).append(" chars)");
    }
    return b.toString();
  }
}
