package org.amp4j.codec.msgpack;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.amp4j.value.AmpDateTime;
import org.amp4j.value.AmpDecimal;

/** Renders received values for error messages: kind first, then a short form of the value. */
final class Show {

  /** How many chars of a text a message shows. */
  static final int MAX_SHOWN = 48;

  private Show() {}

  /** A decoded value as {@code integer 5}, {@code unicode "x"}, {@code nil}, {@code list of 3}. */
  static String value(Object value) {
    if (value == null) {
      return "nil";
    }
    if (value instanceof BigInteger i) {
      return i.bitLength() > 160 ? "integer of " + i.bitLength() + " bits" : "integer " + i;
    }
    if (value instanceof byte[] b) {
      return "bytes of length " + b.length;
    }
    if (value instanceof String s) {
      return "unicode " + text(s);
    }
    if (value instanceof Boolean b) {
      return "boolean " + b;
    }
    if (value instanceof Double d) {
      return "float " + d;
    }
    if (value instanceof AmpDecimal d) {
      return "decimal " + text(d.toString());
    }
    if (value instanceof AmpDateTime t) {
      return "datetime " + t.local() + " offset " + t.offsetSeconds() + " s";
    }
    if (value instanceof List<?> l) {
      return "list of length " + l.size();
    }
    if (value instanceof Map<?, ?> m) {
      return "record of " + m.size() + " fields";
    }
    return value.getClass().getSimpleName();
  }

  /** Text double-quoted, with {@code "}, {@code \} and controls escaped, cut when long. */
  static String text(String s) {
    StringBuilder b = new StringBuilder(Math.min(s.length(), MAX_SHOWN) + 8).append('"');
    int shown = Math.min(s.length(), MAX_SHOWN);
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
