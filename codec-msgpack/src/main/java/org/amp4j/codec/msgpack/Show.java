package org.amp4j.codec.msgpack;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.amp4j.spi.ShownText;
import org.amp4j.value.AmpDateTime;
import org.amp4j.value.AmpDecimal;

/** Renders received values for error messages: kind first, then a short form of the value. */
final class Show {

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
      return "unicode " + ShownText.quoted(s);
    }
    if (value instanceof Boolean b) {
      return "boolean " + b;
    }
    if (value instanceof Double d) {
      return "float " + d;
    }
    if (value instanceof AmpDecimal d) {
      return "decimal " + ShownText.quoted(d.toString());
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
}
