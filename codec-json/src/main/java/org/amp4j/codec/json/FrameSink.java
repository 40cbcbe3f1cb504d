package org.amp4j.codec.json;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * The bytes of one frame as they are written: four bytes kept for the length prefix, then the
 * payload, which may not grow beyond the frame limit (the writer fails with {@link Overflow} as
 * soon as it does). Not thread-safe.
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
  private byte[] buf = new byte[256];
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

  private void ensure(int more) throws Overflow {
    long needed = (long) size + more;
    if (needed - 4 > maxPayload) {
      throw new Overflow(needed - 4);
    }
    if (needed > buf.length) {
      buf = Arrays.copyOf(buf, (int) Math.min(Math.max(needed, 2L * buf.length), maxPayload + 4L));
    }
  }

  /** The frame: the big-endian payload length, then the payload. */
  byte[] frame() {
    int length = size - 4;
    buf[0] = (byte) (length >>> 24);
    buf[1] = (byte) (length >>> 16);
    buf[2] = (byte) (length >>> 8);
    buf[3] = (byte) length;
    return Arrays.copyOf(buf, size);
  }
}
