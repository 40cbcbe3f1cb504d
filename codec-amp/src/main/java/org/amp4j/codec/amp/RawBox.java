package org.amp4j.codec.amp;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * One received box: its keys and values as bytes, in the order first received. A repeated key keeps
 * its first position and takes the later value (Twisted builds a dict; spec 2.3).
 *
 * <p>The pairs sit in two arrays, position by position. A box of at most {@value #SCAN_LIMIT} keys,
 * as messages usually are, is searched by a scan; a bigger one also keeps a hash index, so that
 * putting and finding each of thousands of keys stays cheap (the index is a {@link HashMap}, which
 * keeps keys with colliding hashes in trees, {@link ByteKey} being comparable). The positions of
 * the protocol keys are kept as they are added, so that routing a message compares no keys.
 */
final class RawBox {

  /** The most keys a box searches by scanning, without a hash index. */
  static final int SCAN_LIMIT = 8;

  private static final int INITIAL_CAPACITY = 4;

  private static final int MAX_SHOWN_PAIRS = 8;

  private static final int FAR = 0xFF;

  // room for a call of two arguments (with _command and _ask) at first
  private ByteKey[] keys = new ByteKey[INITIAL_CAPACITY];
  private byte[][] values = new byte[INITIAL_CAPACITY][];
  private int size;
  private Map<ByteKey, Integer> index; // positions by key, once there are more than SCAN_LIMIT
  // Where the protocol keys are: 8 bits per key, at 8 * ByteKey.protocolIndex: 0 when absent,
  // else its position + 1, or FAR when that is beyond 8 bits (then found by indexOf).
  private long protocolAt;

  /** Adds a pair; a key already present keeps its position and takes the value. */
  void put(ByteKey key, byte[] value) {
    int at = indexOf(key);
    if (at >= 0) {
      values[at] = value;
      return;
    }
    add(key, value);
  }

  /** Adds a pair whose key is not in the box yet (the caller has checked). */
  void add(ByteKey key, byte[] value) {
    if (size == keys.length) {
      keys = Arrays.copyOf(keys, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    keys[size] = key;
    values[size] = value;
    if (key.isProtocol()) {
      protocolAt |= (long) Math.min(size + 1, FAR) << (8 * key.protocolIndex());
    }
    size++;
    if (index != null) {
      index.put(key, size - 1);
    } else if (size > SCAN_LIMIT) {
      index = new HashMap<>();
      for (int i = 0; i < size; i++) {
        index.put(keys[i], i);
      }
    }
  }

  /** The value of a key, or null. */
  byte[] get(ByteKey key) {
    int at = indexOf(key);
    return at < 0 ? null : values[at];
  }

  /**
   * The value of a protocol key, or null.
   *
   * @param protocolIndex the key's {@link ByteKey#protocolIndex()}
   */
  byte[] protocolValue(int protocolIndex) {
    int slot = (int) (protocolAt >>> (8 * protocolIndex)) & FAR;
    if (slot == 0) {
      return null;
    }
    return values[slot == FAR ? indexOf(ProtocolKeys.ALL.get(protocolIndex)) : slot - 1];
  }

  boolean contains(ByteKey key) {
    return indexOf(key) >= 0;
  }

  /** The position of a key, or -1. */
  int indexOf(ByteKey key) {
    if (index != null) {
      Integer at = index.get(key);
      return at == null ? -1 : at;
    }
    for (int i = 0; i < size; i++) {
      if (keys[i].equals(key)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The position of the key whose bytes are the UTF-8 of a name, or -1. Without a hash index, the
   * keys are first compared char by byte with the name, which finds an ASCII name without encoding
   * it (a char above U+007F never equals a byte); only a name that is not ASCII is then encoded.
   */
  int indexOf(String name) {
    if (index == null) {
      for (int i = 0; i < size; i++) {
        if (keys[i].matchesAscii(name)) {
          return i;
        }
      }
      if (UnicodeText.isAscii(name)) {
        return -1;
      }
    }
    return indexOf(new ByteKey(name.getBytes(StandardCharsets.UTF_8)));
  }

  /** How many distinct keys the box has. */
  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** The key at a position, in the order first received. */
  ByteKey key(int position) {
    return keys[position];
  }

  /** The value at a position; callers must not modify it. */
  byte[] value(int position) {
    return values[position];
  }

  /** The first few pairs, for error messages. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("{");
    for (int i = 0; i < size; i++) {
      if (i == MAX_SHOWN_PAIRS) {
        b.append(", ... (").append(size).append(" keys)");
        break;
      }
      if (i > 0) {
        b.append(", ");
      }
      b.append(keys[i]).append('=').append(Show.bytes(values[i]));
    }
    return b.append('}').toString();
  }
}
