package org.amp4j;

/** Python's {@code repr} of a bytes object, used in Twisted-compatible error descriptions. */
final class PythonRepr {
  private PythonRepr() {}

  /** {@code b'Sum'}, {@code b"it's\tx"}, {@code b'\xff'}. */
  static String bytes(byte[] value) {
    boolean hasSingle = false;
    boolean hasDouble = false;
    for (byte b : value) {
      hasSingle |= b == '\'';
      hasDouble |= b == '"';
    }
    char quote = hasSingle && !hasDouble ? '"' : '\'';
    StringBuilder s = new StringBuilder(value.length + 3).append('b').append(quote);
    for (byte b : value) {
      int c = b & 0xff;
      if (c == quote || c == '\\') {
        s.append('\\').append((char) c);
      } else if (c == '\t') {
        s.append("\\t");
      } else if (c == '\n') {
        s.append("\\n");
      } else if (c == '\r') {
        s.append("\\r");
      } else if (c < 0x20 || c >= 0x7f) {
        s.append("\\x")
            .append(Character.forDigit(c >> 4, 16))
            .append(Character.forDigit(c & 15, 16));
      } else {
        s.append((char) c);
      }
    }
    return s.append(quote).toString();
  }
}
