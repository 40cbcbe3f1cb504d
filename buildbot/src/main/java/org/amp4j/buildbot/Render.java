package org.amp4j.buildbot;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Renders values of {@link BuildbotTypes#ANY} for messages and error descriptions. */
final class Render {

  /** How many chars of a text a message shows. */
  static final int MAX_SHOWN = 48;

  private Render() {}

  /** A value's kind and a short form: {@code str "x"}, {@code int 5}, {@code nil}. */
  static String show(Object value) {
    if (value == null || value instanceof Optional<?> o && o.isEmpty()) {
      return "nil";
    }
    if (value instanceof Long || value instanceof Integer || value instanceof BigInteger) {
      return "int " + value;
    }
    if (value instanceof byte[] b) {
      return "bin of " + b.length + " bytes";
    }
    if (value instanceof String s) {
      return "str " + quoted(s);
    }
    if (value instanceof Boolean b) {
      return "bool " + b;
    }
    if (value instanceof Double d) {
      return "float " + d;
    }
    if (value instanceof List<?> l) {
      return "array of " + l.size();
    }
    if (value instanceof Map<?, ?> m) {
      return "map of " + m.size();
    }
    return value.getClass().getSimpleName();
  }

  /**
   * A value as the text of an error description: a str as it is, a bin decoded leniently, anything
   * else as {@link #show}.
   */
  static String text(Object value) {
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof byte[] b) {
      return new String(b, StandardCharsets.UTF_8);
    }
    return show(value);
  }

  /** Text double-quoted, with {@code "}, {@code \} and controls escaped, cut when long. */
  static String quoted(String s) {
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
