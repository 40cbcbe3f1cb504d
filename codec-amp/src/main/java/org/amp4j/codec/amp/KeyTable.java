package org.amp4j.codec.amp;

/**
 * The keys a {@link BoxParser} received recently, so that a key received again, as the keys of
 * every message of a connection are, is the same {@link ByteKey} and costs no allocation.
 *
 * <p>A direct-mapped cache: each key has one slot, chosen by its hash, holding the last key seen
 * there. A lookup compares with one key at most, and the table never grows, so a peer sending
 * distinct or colliding keys only makes it miss (a miss allocates the key, as with no table).
 * Starts with the protocol keys. Not thread-safe.
 */
final class KeyTable {

  private final ByteKey[] slots;

  /**
   * @param slots how many slots: a power of two
   */
  KeyTable(int slots) {
    if (Integer.bitCount(slots) != 1) {
      throw new IllegalArgumentException("slots must be a power of two: " + slots);
    }
    this.slots = new ByteKey[slots];
    for (ByteKey k : ProtocolKeys.ALL) {
      this.slots[slot(k.hashCode())] = k;
    }
  }

  /** The key of the first {@code length} bytes of {@code buffer}; copies them on a miss. */
  ByteKey key(byte[] buffer, int length) {
    int hash = ByteKey.hash(buffer, length);
    int slot = slot(hash);
    ByteKey known = slots[slot];
    if (known != null && known.matches(buffer, length, hash)) {
      return known;
    }
    ByteKey key = ByteKey.copyOf(buffer, length, hash);
    slots[slot] = key;
    return key;
  }

  private int slot(int hash) {
    return (hash ^ (hash >>> 16)) & (slots.length - 1);
  }
}
