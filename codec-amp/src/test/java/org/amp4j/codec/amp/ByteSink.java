package org.amp4j.codec.amp;

import java.util.Arrays;

/** A growable byte buffer for building test frames byte by byte. Not thread-safe. */
final class ByteSink {

  private byte[] buf;
  private int size;

  ByteSink(int initialCapacity) {
    buf = new byte[Math.max(16, initialCapacity)];
  }

  void writeU16(int value) {
    ensure(2);
    buf[size++] = (byte) (value >>> 8);
    buf[size++] = (byte) value;
  }

  void write(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buf, size, bytes.length);
    size += bytes.length;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }

  private void ensure(int more) {
    if (size + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
    }
  }
}
