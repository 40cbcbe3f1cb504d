package org.amp4j.codec.msgpack;

import java.util.Arrays;
import org.amp4j.EncodingException;
import org.amp4j.spi.LengthPrefixedDecoder;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.buffer.MessageBuffer;
import org.msgpack.core.buffer.MessageBufferOutput;

/**
 * Where a {@link MessagePacker} writes one frame: a single array that keeps the first four bytes
 * for the length prefix and that the packer fills in place (its buffers are views of the array), so
 * that a small message costs one working array and one copy to the frame's exact size. Grows by
 * doubling; the {@link FrameBudget} stops an encoding that outgrows the frame limit. One per
 * encoding; not thread-safe.
 */
final class FrameOutput implements MessageBufferOutput {

  /** Room for a small message, the length prefix included. */
  private static final int INITIAL_CAPACITY = 128;

  /** The least room handed to the packer at a time, so that it asks for more rarely. */
  private static final int MIN_CHUNK = 64;

  /** The longest array the JVM surely allocates. */
  private static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;

  private byte[] bytes = new byte[INITIAL_CAPACITY];
  private int size = LengthPrefixedDecoder.PREFIX_LENGTH;

  @Override
  public MessageBuffer next(int minimumSize) {
    ensure(Math.max(minimumSize, MIN_CHUNK));
    return MessageBuffer.wrap(bytes, size, bytes.length - size);
  }

  @Override
  public void writeBuffer(int length) {
    size += length;
  }

  @Override
  public void write(byte[] buffer, int offset, int length) {
    ensure(length);
    System.arraycopy(buffer, offset, bytes, size, length);
    size += length;
  }

  @Override
  public void add(byte[] buffer, int offset, int length) {
    write(buffer, offset, length);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}

  /** The frame: the length prefix, then the payload written so far. */
  byte[] frame() {
    byte[] frame = size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
    LengthPrefixedDecoder.putLength(frame);
    return frame;
  }

  private void ensure(int more) {
    long needed = (long) size + more;
    if (needed > bytes.length) {
      if (needed > MAX_CAPACITY) {
        throw new EncodingException(
            "message of at least " + needed + " bytes is longer than an array holds");
      }
      bytes =
          Arrays.copyOf(bytes, (int) Math.min(Math.max(needed, 2L * bytes.length), MAX_CAPACITY));
    }
  }
}
