package org.amp4j.codec.amp;

/** Renders received bytes for error messages: quoted, escaped, and shortened when long. */
final class Show {

  /** How many bytes of a value a message shows. */
  static final int MAX_SHOWN = 48;

  private Show() {}

  /**
   * The bytes as a double-quoted string: printable ASCII as is, {@code "} and {@code \} escaped,
   * other bytes as {@code \xNN}; longer values are cut and their length given.
   */
  static String bytes(byte[] bytes) {
    StringBuilder b = new StringBuilder(Math.min(bytes.length, MAX_SHOWN) + 8).append('"');
    int shown = Math.min(bytes.length, MAX_SHOWN);
    for (int i = 0; i < shown; i++) {
      int c = bytes[i] & 0xFF;
      if (c == '"' || c == '\\') {
        b.append('\\').append((char) c);
      } else if (c >= 0x20 && c < 0x7F) {
        b.append((char) c);
      } else {
        b.append("\\x")
            .append(Character.forDigit(c >> 4, 16))
            .append(Character.forDigit(c & 15, 16));
      }
    }
    b.append('"');
    if (shown < bytes.length) {
      b.append("... (").append(bytes.length).append(" bytes)");
    }
    return b.toString();
  }
}
