package org.amp4j.codec.amp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One received box: its keys and values as bytes, in the order first received. A repeated key keeps
 * its first position and takes the later value (Twisted builds a dict; spec 2.3).
 */
final class RawBox {

  private static final int MAX_SHOWN_PAIRS = 8;

  private final Map<ByteKey, byte[]> pairs = new LinkedHashMap<>();

  void put(ByteKey key, byte[] value) {
    pairs.put(key, value);
  }

  byte[] get(ByteKey key) {
    return pairs.get(key);
  }

  boolean contains(ByteKey key) {
    return pairs.containsKey(key);
  }

  boolean isEmpty() {
    return pairs.isEmpty();
  }

  /** The pairs, read-only, in the order first received. */
  Map<ByteKey, byte[]> pairs() {
    return Collections.unmodifiableMap(pairs);
  }

  /** The first few pairs, for error messages. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("{");
    int shown = 0;
    for (Map.Entry<ByteKey, byte[]> e : pairs.entrySet()) {
      if (shown == MAX_SHOWN_PAIRS) {
        b.append(", ... (").append(pairs.size()).append(" keys)");
        break;
      }
      if (shown++ > 0) {
        b.append(", ");
      }
      b.append(e.getKey()).append('=').append(Show.bytes(e.getValue()));
    }
    return b.append('}').toString();
  }
}
