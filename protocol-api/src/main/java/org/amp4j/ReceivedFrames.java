package org.amp4j;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The payloads of the session frames of one read, in order, one after another in one array: the
 * parser hands payloads on only during the parse, so each is copied once, here, and the frames can
 * then go to the peer together ({@link #all}) or one by one ({@link #frame}). Not thread-safe.
 */
final class ReceivedFrames {
  private final int expected;
  private byte[] bytes = new byte[0];
  private int length;
  private int[] ends = new int[8]; // where each frame's payload ends
  private int frames;

  /**
   * @param readLength the read's length, about what the payloads will take
   * @param maxFirstAllocation the most to allocate before the first payload shows its size
   */
  ReceivedFrames(int readLength, int maxFirstAllocation) {
    this.expected = Math.min(readLength, maxFirstAllocation);
  }

  /** Appends the next frame's payload: {@code n} bytes of {@code from} from {@code offset}. */
  void add(byte[] from, int offset, int n) {
    if (bytes.length - length < n) {
      bytes = Arrays.copyOf(bytes, Math.max(length + n, Math.max(expected, 2 * bytes.length)));
    }
    System.arraycopy(from, offset, bytes, length, n);
    length += n;
    if (frames == ends.length) {
      ends = Arrays.copyOf(ends, 2 * frames);
    }
    ends[frames++] = length;
  }

  int frames() {
    return frames;
  }

  long length() {
    return length;
  }

  /** Every payload, joined. */
  ByteBuffer all() {
    return ByteBuffer.wrap(bytes, 0, length);
  }

  /** The payload of frame {@code i}. */
  ByteBuffer frame(int i) {
    int start = i == 0 ? 0 : ends[i - 1];
    return ByteBuffer.wrap(bytes, start, ends[i] - start);
  }
}
