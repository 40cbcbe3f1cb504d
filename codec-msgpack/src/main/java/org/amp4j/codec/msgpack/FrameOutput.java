package org.amp4j.codec.msgpack;

import java.util.Arrays;
import org.amp4j.spi.FrameBuffer;
import org.amp4j.spi.LengthPrefixedDecoder;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.buffer.MessageBuffer;
import org.msgpack.core.buffer.MessageBufferOutput;

/**
 * Where a {@link MessagePacker} writes one frame: a {@link FrameBuffer}, after four bytes kept for
 * the length prefix, which the packer fills in place (its buffers are views of the buffer's array).
 * The buffer is either the caller's, such as a transport's batch, or one of the frame's own, which
 * then costs one working array and one copy to the frame's exact size. The buffer grows by
 * doubling; the {@link FrameBudget} stops an encoding that outgrows the frame limit. One per
 * encoding; not thread-safe.
 */
final class FrameOutput implements MessageBufferOutput {

  /** Room for a small message, the length prefix included. */
  private static final int INITIAL_CAPACITY = 128;

  /** The least room handed to the packer at a time, so that it asks for more rarely. */
  private static final int MIN_CHUNK = 64;

  private final FrameBuffer out;
  private final boolean own;
  private final int start;

  /** A frame in an array of its own ({@link #frame()}). */
  FrameOutput() {
    this(new FrameBuffer(INITIAL_CAPACITY), true);
  }

  /** A frame appended to {@code out}. */
  FrameOutput(FrameBuffer out) {
    this(out, false);
  }

  private FrameOutput(FrameBuffer out, boolean own) {
    this.out = out;
    this.own = own;
    this.start = LengthPrefixedDecoder.beginFrame(out);
  }

  @Override
  public MessageBuffer next(int minimumSize) {
    out.ensureRoom(Math.max(minimumSize, MIN_CHUNK));
    return MessageBuffer.wrap(out.array(), out.size(), out.capacity() - out.size());
  }

  @Override
  public void writeBuffer(int length) {
    out.advance(length);
  }

  @Override
  public void write(byte[] buffer, int offset, int length) {
    out.write(buffer, offset, length);
  }

  @Override
  public void add(byte[] buffer, int offset, int length) {
    write(buffer, offset, length);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}

  /**
   * Ends the frame, writing its length prefix: returns it as an array of its own (the length
   * prefix, then the payload written so far), or null when it was appended to the caller's buffer.
   */
  byte[] frame() {
    LengthPrefixedDecoder.endFrame(out, start);
    if (!own) {
      return null;
    }
    byte[] bytes = out.array();
    return out.size() == bytes.length ? bytes : Arrays.copyOf(bytes, out.size());
  }
}
