package org.amp4j.spi;

import java.util.Arrays;
import java.util.Objects;
import org.amp4j.EncodingException;

/**
 * A growable byte array that frames are encoded into one after another, such as the batch of frames
 * a transport writes together: {@link Codec#encode(OutboundMessage, FrameBuffer)} appends a frame
 * after the bytes already there, with no array of its own. A codec either appends with {@link
 * #write}, or makes room with {@link #ensureRoom}, writes into {@link #array()} from {@link
 * #size()} and then counts what it wrote with {@link #advance}. Not thread-safe.
 */
public final class FrameBuffer {

  /** The longest array the JVM surely allocates. */
  private static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;

  private byte[] bytes;
  private int size;

  /** An empty buffer with room for {@code initialCapacity} bytes before it grows. */
  public FrameBuffer(int initialCapacity) {
    if (initialCapacity < 0) {
      throw new IllegalArgumentException("initialCapacity " + initialCapacity + " < 0");
    }
    bytes = new byte[initialCapacity];
  }

  /**
   * The array the bytes are in: {@code [0, size())} written, the rest free. Growing replaces it, so
   * it is valid until the next {@link #ensureRoom} or {@link #write}.
   */
  public byte[] array() {
    return bytes;
  }

  /** How many bytes are written. */
  public int size() {
    return size;
  }

  /** How many bytes fit before the buffer grows. */
  public int capacity() {
    return bytes.length;
  }

  /**
   * Makes room for {@code more} bytes after {@link #size()}, growing the array (at least doubling
   * it) when it has less.
   *
   * @throws EncodingException if the bytes would not fit in one array
   */
  public void ensureRoom(int more) {
    if (more < 0) {
      throw new IllegalArgumentException("more " + more + " < 0");
    }
    long needed = (long) size + more;
    if (needed > bytes.length) {
      if (needed > MAX_CAPACITY) {
        throw new EncodingException(
            "frames of at least " + needed + " bytes are longer than an array holds");
      }
      bytes =
          Arrays.copyOf(bytes, (int) Math.min(Math.max(needed, 2L * bytes.length), MAX_CAPACITY));
    }
  }

  /**
   * Counts {@code count} bytes written into {@link #array()} from {@link #size()} (after {@link
   * #ensureRoom}).
   *
   * @throws IndexOutOfBoundsException if they go past the array
   */
  public void advance(int count) {
    Objects.checkFromIndexSize(size, count, bytes.length);
    size += count;
  }

  /** Appends one byte. */
  public void write(int b) {
    ensureRoom(1);
    bytes[size++] = (byte) b;
  }

  /** Appends {@code length} bytes of {@code from} from {@code offset}. */
  public void write(byte[] from, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, from.length);
    ensureRoom(length);
    System.arraycopy(from, offset, bytes, size, length);
    size += length;
  }

  /** Appends all of {@code from}. */
  public void write(byte[] from) {
    write(from, 0, from.length);
  }

  /**
   * Drops the bytes from {@code newSize} on, such as the part of a frame whose encoding failed.
   *
   * @throws IndexOutOfBoundsException unless {@code 0 <= newSize <= size()}
   */
  public void truncate(int newSize) {
    Objects.checkIndex(newSize, size + 1);
    size = newSize;
  }

  /**
   * Drops every byte, and replaces the array with a new one of {@code capacity} bytes when it grew
   * beyond that, so that one large frame does not keep its memory.
   */
  public void clear(int capacity) {
    size = 0;
    if (bytes.length > capacity) {
      bytes = new byte[capacity];
    }
  }
}
