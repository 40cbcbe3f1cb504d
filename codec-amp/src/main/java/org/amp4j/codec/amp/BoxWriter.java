package org.amp4j.codec.amp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.amp4j.EncodingException;
import org.amp4j.Limits;
import org.amp4j.spi.ValuePath;

/**
 * Collects the pairs of one box to write and serializes them sorted by key as unsigned bytes, as
 * Twisted does (spec 2.3), followed by the {@code 0x0000} terminator. Checks every key (1..255
 * bytes, no duplicates) and value (at most the value limit) as it is added. Not thread-safe.
 *
 * <p>A box writer that splits values (the {@code amp.split-values} extension) writes a value longer
 * than 65,535 bytes as consecutive pairs with the same key, each carrying the next part of at most
 * 65,535 bytes:
 *
 * <pre>
 * key "blob", 70,000 bytes  =>  00 04 "blob" ff ff [bytes 0..65534]
 *                               00 04 "blob" 11 71 [bytes 65535..69999]
 * </pre>
 */
final class BoxWriter {

  private record Pair(ByteKey key, byte[] value) {}

  private final int maxValueLength;
  private final boolean splitValues;
  private final List<Pair> pairs = new ArrayList<>();
  private final Map<ByteKey, ValuePath> seen = new HashMap<>();
  private long length = 2; // the terminator

  /**
   * @param maxValueLength the longest value allowed
   * @param splitValues whether values longer than 65,535 bytes are split over repeated keys;
   *     otherwise such values are refused
   */
  BoxWriter(int maxValueLength, boolean splitValues) {
    this.maxValueLength = maxValueLength;
    this.splitValues = splitValues;
  }

  /**
   * Adds a pair.
   *
   * @param where the value's position, for messages
   * @param key the key
   * @param value the value
   * @throws EncodingException if the key is empty, longer than 255 bytes or repeated, or the value
   *     is longer than the limit
   */
  void add(ValuePath where, ByteKey key, byte[] value) {
    if (key.length() == 0) {
      throw new EncodingException(
          "key of value " + where + " is empty, which would end the box early");
    }
    if (key.length() > BoxParser.MAX_KEY_LENGTH) {
      throw new EncodingException(
          "key of value "
              + where
              + " is "
              + key.length()
              + " bytes, longer than "
              + BoxParser.MAX_KEY_LENGTH);
    }
    if (value.length > maxValueLength
        || (!splitValues && value.length > Limits.AMP_MAX_VALUE_LENGTH)) {
      throw tooLong(where, value.length, false, maxValueLength);
    }
    ValuePath earlier = seen.putIfAbsent(key, where);
    if (earlier != null) {
      throw new EncodingException("value " + where + " repeats the key of value " + earlier);
    }
    pairs.add(new Pair(key, value));
    length += (4L + key.length()) * parts(value.length) + value.length;
  }

  /**
   * The error for a value that is too long: over {@code maxValueLength}, or over what one AMP value
   * carries (65,535 bytes).
   *
   * @param where the value
   * @param length its length, or a lower bound of it
   * @param atLeast whether {@code length} is a lower bound
   * @param maxValueLength the configured limit
   */
  static EncodingException tooLong(
      ValuePath where, long length, boolean atLeast, int maxValueLength) {
    String is = "value " + where + " is " + (atLeast ? "at least " : "") + length + " bytes";
    if (length > maxValueLength) {
      return new EncodingException(is + ", longer than maxValueLength " + maxValueLength);
    }
    if (where.isTopLevel()) {
      return new EncodingException(
          is
              + ", but plain AMP carries at most 65,535 bytes per value"
              + " and the peer did not negotiate amp.split-values");
    }
    return new EncodingException(
        is
            + ", but AMP carries at most 65,535 bytes in a list element or a record field"
            + " (amp.split-values splits only top-level values)");
  }

  /** The serialized length, terminator included. */
  long length() {
    return length;
  }

  /** Writes the sorted pairs and the terminator. */
  void writeTo(ByteSink out) {
    pairs.sort(Comparator.comparing(Pair::key));
    for (Pair p : pairs) {
      byte[] v = p.value();
      int at = 0;
      do {
        int n = Math.min(v.length - at, Limits.AMP_MAX_VALUE_LENGTH);
        out.writeU16(p.key().length());
        out.write(p.key().bytes());
        out.writeU16(n);
        out.write(v, at, n);
        at += n;
      } while (at < v.length);
    }
    out.writeU16(0);
  }

  /** How many pairs a value of this length is written as. */
  private static int parts(int valueLength) {
    return valueLength == 0
        ? 1
        : (valueLength + Limits.AMP_MAX_VALUE_LENGTH - 1) / Limits.AMP_MAX_VALUE_LENGTH;
  }
}
