package org.amp4j.codec.amp;

/**
 * The keys a {@link BoxParser} received recently, so that a key received again, as the keys of
 * every message of a connection are, is the same {@link ByteKey} and costs no allocation.
 *
 * <p>A two-way cache: each key has two slots, chosen by two hashes of its bytes, and is looked for
 * in both. A key seen for the first time takes an empty one of its slots, or else replaces the key
 * in one of them, the first and the second in turn. A lookup compares with two keys at most and the
 * table never grows, so a peer sending distinct or colliding keys only makes it miss (a miss
 * allocates the key, as with no table); two slots per key keep the few keys of a connection from
 * evicting each other when two of them share a slot. Starts with the protocol keys. Not
 * thread-safe.
 */
final class KeyTable {

  private final ByteKey[] slots;
  private boolean replaceFirst = true;

  /**
   * @param slots how many slots: a power of two
   */
  KeyTable(int slots) {
    if (Integer.bitCount(slots) != 1) {
      throw new IllegalArgumentException("slots must be a power of two: " + slots);
    }
    this.slots = new ByteKey[slots];
    for (ByteKey k : ProtocolKeys.ALL) {
      put(k, k.hashCode());
    }
  }

  /**
   * The key of {@code length} bytes of {@code buffer} from {@code offset}; copies them on a miss.
   */
  ByteKey key(byte[] buffer, int offset, int length) {
    int hash = ByteKey.hash(buffer, offset, length);
    ByteKey known = slots[first(hash)];
    if (known != null && known.matches(buffer, offset, length, hash)) {
      return known;
    }
    known = slots[second(hash)];
    if (known != null && known.matches(buffer, offset, length, hash)) {
      return known;
    }
    ByteKey key = ByteKey.copyOf(buffer, offset, length, hash);
    put(key, hash);
    return key;
  }

  private void put(ByteKey key, int hash) {
    int first = first(hash);
    int second = second(hash);
    if (slots[first] == null) {
      slots[first] = key;
    } else if (slots[second] == null) {
      slots[second] = key;
    } else {
      slots[replaceFirst ? first : second] = key;
      replaceFirst = !replaceFirst;
    }
  }

  private int first(int hash) {
    return (hash ^ (hash >>> 16)) & (slots.length - 1);
  }

  private int second(int hash) {
    return Integer.rotateLeft(hash * 0x9E3779B9, 16) & (slots.length - 1);
  }
}
