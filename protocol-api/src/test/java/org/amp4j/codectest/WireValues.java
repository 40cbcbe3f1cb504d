package org.amp4j.codectest;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares and shows decoded values: byte arrays by content, lists and maps element by element,
 * doubles by {@link Double#equals} (so NaN equals NaN and -0.0 differs from 0.0), everything else
 * by {@code equals} (so {@link org.amp4j.value.AmpDecimal} and {@link java.math.BigDecimal} keep
 * their scale and sign).
 */
public final class WireValues {

  private static final int MAX_SHOWN = 64;

  private WireValues() {}

  /** Whether two values are the same, deeply. */
  public static boolean deepEquals(Object a, Object b) {
    if (a == b) {
      return true;
    }
    if (a == null || b == null) {
      return false;
    }
    if (a instanceof byte[] x && b instanceof byte[] y) {
      return Arrays.equals(x, y);
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      Iterator<?> i = x.iterator();
      Iterator<?> j = y.iterator();
      while (i.hasNext()) {
        if (!deepEquals(i.next(), j.next())) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
      if (!x.keySet().equals(y.keySet())) {
        return false;
      }
      for (Map.Entry<?, ?> e : x.entrySet()) {
        if (!deepEquals(e.getValue(), y.get(e.getKey()))) {
          return false;
        }
      }
      return true;
    }
    return a.getClass() == b.getClass() && Objects.equals(a, b);
  }

  /** A value for failure messages: byte arrays as hex, long texts shortened, types shown. */
  public static String show(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof byte[] b) {
      String hex = HexFormat.of().formatHex(b, 0, Math.min(b.length, MAX_SHOWN));
      return "bytes[" + b.length + "] " + hex + (b.length > MAX_SHOWN ? "..." : "");
    }
    if (v instanceof List<?> l) {
      StringBuilder s = new StringBuilder("[");
      for (Object e : l) {
        s.append(s.length() > 1 ? ", " : "").append(show(e));
      }
      return s.append(']').toString();
    }
    if (v instanceof Map<?, ?> m) {
      StringBuilder s = new StringBuilder("{");
      m.forEach(
          (k, e) -> s.append(s.length() > 1 ? ", " : "").append(k).append('=').append(show(e)));
      return s.append('}').toString();
    }
    String text = v instanceof String str ? '"' + str + '"' : String.valueOf(v);
    if (text.length() > MAX_SHOWN) {
      text = text.substring(0, MAX_SHOWN) + "...(" + text.length() + " chars)";
    }
    return text + " (" + v.getClass().getSimpleName() + ")";
  }

  /**
   * Checks that a decoded value is the expected one.
   *
   * @throws AssertionError showing both when they differ
   */
  public static void assertSame(String what, Object expected, Object actual) {
    if (!deepEquals(expected, actual)) {
      throw new AssertionError(
          what + ": expected " + show(expected) + "\n but decoded " + show(actual));
    }
  }

  /** Lowercase hex of bytes. */
  /** The arrays one after another. */
  public static byte[] join(byte[]... parts) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      all.writeBytes(part);
    }
    return all.toByteArray();
  }

  public static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  /** Bytes of a hex string. */
  public static byte[] unhex(String hex) {
    return HexFormat.of().parseHex(hex);
  }
}
