package org.amp4j.codec.json;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import org.amp4j.spi.FrameBuffer;
import org.amp4j.spi.LengthPrefixedDecoder;

/**
 * The bytes of one frame as they are written: four bytes kept for the length prefix, then the
 * payload, which may not grow beyond the frame limit (the writer fails with {@link Overflow} as
 * soon as it does). The frame is either an array of its own or appended to a {@link FrameBuffer}
 * ({@link #into}). An array of its own has exactly the size of the first write: a generator that
 * writes a message out in one piece, as it does any message shorter than its buffer, writes it
 * straight into its frame. After each {@link #frame()} the sink is empty again and keeps no
 * reference to that frame, so that one sink may serve frame after frame. Not thread-safe.
 */
final class FrameSink extends OutputStream {

  /** The payload went past the frame limit. */
  static final class Overflow extends IOException {
    private static final long serialVersionUID = 1L;

    Overflow(long length) {
      super("payload of at least " + length + " bytes");
    }
  }

  private final int maxPayload;
  private byte[] buf;
  private int size = 4;
  private FrameBuffer target; // the next frame's destination, when not an array of its own
  private int start; // where the frame starts in target

  FrameSink(int maxPayload) {
    this.maxPayload = maxPayload;
  }

  /** Appends the next frame to {@code out} instead of making an array of its own. */
  void into(FrameBuffer out) {
    target = out;
    start = LengthPrefixedDecoder.beginFrame(out);
  }

  @Override
  public void write(int b) throws IOException {
    if (target != null) {
      check(1);
      target.write(b);
      return;
    }
    ensure(1);
    buf[size++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    if (target != null) {
      check(len);
      target.write(b, off, len);
      return;
    }
    ensure(len);
    System.arraycopy(b, off, buf, size, len);
    size += len;
  }

  /** Checks that {@code more} bytes keep the frame in {@link #target} within the limit. */
  private void check(int more) throws Overflow {
    long payload = (long) target.size() - start - 4 + more;
    if (payload > maxPayload) {
      throw new Overflow(payload);
    }
  }

  /**
   * Makes room for {@code more} bytes. The first write gets an array of exactly its size: a
   * generator buffers a small message whole and writes it once, on close, straight into its frame.
   */
  private void ensure(int more) throws Overflow {
    long needed = (long) size + more;
    if (needed - 4 > maxPayload) {
      throw new Overflow(needed - 4);
    }
    if (buf == null) {
      buf = new byte[(int) needed];
    } else if (needed > buf.length) {
      buf = Arrays.copyOf(buf, (int) Math.min(Math.max(needed, 2L * buf.length), maxPayload + 4L));
    }
  }

  /**
   * Ends the frame, putting the big-endian payload length before the payload: returns it as an
   * array, or null when it went {@link #into} a buffer. The sink is then empty, ready for the next
   * frame, and keeps no reference to this one.
   */
  byte[] frame() {
    if (target != null) {
      LengthPrefixedDecoder.endFrame(target, start);
      target = null;
      return null;
    }
    byte[] frame;
    if (buf == null) {
      frame = new byte[size]; // nothing was written
    } else {
      frame = size == buf.length ? buf : Arrays.copyOf(buf, size);
    }
    LengthPrefixedDecoder.putLength(frame);
    buf = null;
    size = 4;
    return frame;
  }
}
