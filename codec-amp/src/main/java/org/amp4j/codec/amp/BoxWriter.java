package org.amp4j.codec.amp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.amp4j.EncodingException;

/**
 * Collects the pairs of one box to write and serializes them sorted by key as unsigned bytes, as
 * Twisted does (spec 2.3), followed by the {@code 0x0000} terminator. Checks every key (1..255
 * bytes, no duplicates) and value (at most the value limit) as it is added. Not thread-safe.
 */
final class BoxWriter {

  private record Pair(ByteKey key, byte[] value) {}

  private final int maxValueLength;
  private final List<Pair> pairs = new ArrayList<>();
  private final Map<ByteKey, Where> seen = new HashMap<>();
  private long length = 2; // the terminator

  /**
   * @param maxValueLength the longest value allowed (at most 65535)
   */
  BoxWriter(int maxValueLength) {
    this.maxValueLength = maxValueLength;
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
  void add(Where where, ByteKey key, byte[] value) {
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
    checkValueLength(where, value, maxValueLength);
    Where earlier = seen.putIfAbsent(key, where);
    if (earlier != null) {
      throw new EncodingException("value " + where + " repeats the key of value " + earlier);
    }
    pairs.add(new Pair(key, value));
    length += 4L + key.length() + value.length;
  }

  /**
   * Checks a value's length.
   *
   * @throws EncodingException naming the value if it is longer than {@code max}
   */
  static void checkValueLength(Where where, byte[] value, int max) {
    if (value.length > max) {
      throw new EncodingException(
          "value " + where + " is " + value.length + " bytes, longer than " + max);
    }
  }

  /** The serialized length, terminator included. */
  long length() {
    return length;
  }

  /** Writes the sorted pairs and the terminator. */
  void writeTo(ByteSink out) {
    pairs.sort(Comparator.comparing(Pair::key));
    for (Pair p : pairs) {
      out.writeU16(p.key().length());
      out.write(p.key().bytes());
      out.writeU16(p.value().length);
      out.write(p.value());
    }
    out.writeU16(0);
  }
}
