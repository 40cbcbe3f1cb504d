package org.amp4j.codec.amp;

import java.util.Arrays;

/**
 * A box key as exact bytes, usable as a map key. Keys are compared byte for byte (spec 2.2); the
 * array is never modified after construction.
 */
final class ByteKey implements Comparable<ByteKey> {

  private final byte[] bytes;
  private final int hash;

  ByteKey(byte[] bytes) {
    this.bytes = bytes;
    this.hash = Arrays.hashCode(bytes);
  }

  /** The key's bytes; callers must not modify them. */
  byte[] bytes() {
    return bytes;
  }

  int length() {
    return bytes.length;
  }

  /** Unsigned lexicographic order, as Twisted sorts keys (spec 2.3). */
  @Override
  public int compareTo(ByteKey other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ByteKey other && hash == other.hash && Arrays.equals(bytes, other.bytes);
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
