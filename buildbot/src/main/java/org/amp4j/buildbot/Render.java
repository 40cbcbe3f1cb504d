package org.amp4j.buildbot;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.amp4j.spi.ShownText;

/** Renders values of {@link BuildbotTypes#ANY} for messages and error descriptions. */
final class Render {

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
      return "str " + ShownText.quoted(s);
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
}
