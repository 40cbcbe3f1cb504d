package org.amp4j.codec.json;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import org.amp4j.spi.LengthPrefixedDecoder;

/**
 * The bytes of one frame as they are written: four bytes kept for the length prefix, then the
 * payload, which may not grow beyond the frame limit (the writer fails with {@link Overflow} as
 * soon as it does). A message that the generator writes out in one piece, as it does any message
 * shorter than its buffer, lands in an array of the frame's exact size, which becomes the frame.
 * After each {@link #frame()} it is empty again, so that one sink may serve frame after frame. Not
 * thread-safe.
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

  FrameSink(int maxPayload) {
    this.maxPayload = maxPayload;
  }

  @Override
  public void write(int b) throws IOException {
    ensure(1);
    buf[size++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    ensure(len);
    System.arraycopy(b, off, buf, size, len);
    size += len;
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
   * The frame: the big-endian payload length, then the payload. The sink is then empty, ready for
   * the next frame, and keeps no reference to this one.
   */
  byte[] frame() {
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
