package org.amp4j.codec.amp;

import java.util.Arrays;

/**
 * A box key as exact bytes, usable as a map key. Keys are compared byte for byte (spec 2.2); the
 * array is never modified after construction. A key knows whether it is one of the protocol keys
 * ({@link ProtocolKeys}), and which, so that a box finds its routing keys without comparing.
 */
final class ByteKey implements Comparable<ByteKey> {

  /** {@link #protocolIndex()} of a key that is not a protocol key. */
  static final int NOT_PROTOCOL = -1;

  private final byte[] bytes;
  private final int hash;
  private final int protocolIndex;

  ByteKey(byte[] bytes) {
    this(bytes, hash(bytes, 0, bytes.length));
  }

  private ByteKey(byte[] bytes, int hash) {
    this.bytes = bytes;
    this.hash = hash;
    this.protocolIndex = ProtocolKeys.indexOf(bytes);
  }

  /**
   * A key of {@code length} bytes of {@code buffer} from {@code offset}, which it copies.
   *
   * @param hash {@link #hash} of those bytes
   */
  static ByteKey copyOf(byte[] buffer, int offset, int length, int hash) {
    return new ByteKey(Arrays.copyOfRange(buffer, offset, offset + length), hash);
  }

  /** The hash of a key of {@code length} bytes of {@code buffer} from {@code offset}. */
  static int hash(byte[] buffer, int offset, int length) {
    int h = 1;
    for (int i = offset; i < offset + length; i++) {
      h = 31 * h + buffer[i];
    }
    return h;
  }

  /** The key's bytes; callers must not modify them. */
  byte[] bytes() {
    return bytes;
  }

  int length() {
    return bytes.length;
  }

  /**
   * Which protocol key this is, as its position in {@link ProtocolKeys#NAMES}, or {@link
   * #NOT_PROTOCOL}.
   */
  int protocolIndex() {
    return protocolIndex;
  }

  /** Whether this is one of the six protocol keys. */
  boolean isProtocol() {
    return protocolIndex != NOT_PROTOCOL;
  }

  /**
   * Whether this key is {@code length} bytes of {@code buffer} from {@code offset}, of this hash.
   */
  boolean matches(byte[] buffer, int offset, int length, int hash) {
    return this.hash == hash && is(buffer, offset, length);
  }

  /**
   * Whether this key is {@code length} bytes of {@code buffer} from {@code offset}: compared byte
   * by byte, which for keys as short as most is quicker than hashing them to look them up.
   */
  boolean is(byte[] buffer, int offset, int length) {
    if (bytes.length != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (bytes[i] != buffer[offset + i]) {
        return false;
      }
    }
    return true;
  }

  /** Whether this key is the bytes of an ASCII string (each char below U+0080). */
  boolean matchesAscii(String ascii) {
    return sameAscii(bytes, ascii);
  }

  /** Whether {@code bytes} are those of an ASCII string (each char below U+0080). */
  static boolean sameAscii(byte[] bytes, String ascii) {
    if (bytes.length != ascii.length()) {
      return false;
    }
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] != ascii.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Unsigned lexicographic order, as Twisted sorts keys (spec 2.3). */
  @Override
  public int compareTo(ByteKey other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o == this
        || o instanceof ByteKey other && hash == other.hash && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return Show.bytes(bytes);
  }
}
