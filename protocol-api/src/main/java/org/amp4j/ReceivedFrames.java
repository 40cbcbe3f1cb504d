package org.amp4j;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * What the session frames of one read carry, gathered as the parser hands them on: the payloads of
 * the frames new to the receiver, in order, with the highest acknowledgement and the control frames
 * seen. A payload ({@link #range}) holds one codec frame, or the {@link #count} codec frames of a
 * RUN frame, back to back. Payloads are kept where they lie (a range of the read's array, or the
 * array the parser collected a split frame in), not copied, so they are valid only until the read's
 * bytes are handed back, and the frames go to the peer before that ({@link SessionLink#onBytes}).
 *
 * <p>One instance serves the reads of one connection, one read at a time ({@link #start}, then
 * {@link #release}); not thread-safe.
 */
final class ReceivedFrames implements SessionFrames.Sink {
  private long delivered; // the last sequence number handed on before this read
  private byte[][] arrays = new byte[8][];
  private int[] offsets = new int[8];
  private int[] lengths = new int[8];
  private int[] counts = new int[8];
  private int ranges;
  private int frames;
  private long duplicates;
  private long highestAck;
  private boolean pinged;
  private boolean bye;
  // frame(i)'s buffer; none between reads, so that no read's array is kept past it
  private final ByteBuffer none = ByteBuffer.allocate(0);
  private ByteBuffer view = none;

  /** Starts a read whose frames follow {@code delivered}, the last sequence number handed on. */
  void start(long delivered) {
    this.delivered = delivered;
    frames = 0;
    ranges = 0;
    duplicates = 0;
    highestAck = 0;
    pinged = false;
    bye = false;
  }

  /** Forgets the read's payloads, which are not valid past it. */
  void release() {
    Arrays.fill(arrays, 0, ranges, null);
    view = none;
  }

  /**
   * A DATA frame: kept when it is the next in sequence, counted when it was received before.
   *
   * @throws ProtocolException when frames are missing before it
   */
  @Override
  public void data(long seq, long ack, byte[] bytes, int offset, int length) {
    highestAck = Math.max(highestAck, ack);
    long last = delivered + frames;
    if (seq <= last) {
      duplicates++;
    } else if (seq == last + 1) {
      add(bytes, offset, length, 1);
    } else {
      throw new ProtocolException("frame " + seq + " after " + last);
    }
  }

  /**
   * A RUN frame: kept when its first frame is the next in sequence. Its frames are new to the
   * receiver, as a sender writes in a RUN only frames it never sent before.
   *
   * @throws ProtocolException when frames are missing before it, or it repeats some
   */
  @Override
  public void run(long seq, long ack, int count, byte[] bytes, int offset, int length) {
    highestAck = Math.max(highestAck, ack);
    long last = delivered + frames;
    if (seq != last + 1) {
      throw new ProtocolException("frames " + seq + " to " + (seq + count - 1) + " after " + last);
    }
    add(bytes, offset, length, count);
  }

  @Override
  public void control(byte type, long ack) {
    highestAck = Math.max(highestAck, ack);
    if (type == SessionFrames.PING) {
      pinged = true;
    } else if (type == SessionFrames.BYE) {
      bye = true;
    }
  }

  private void add(byte[] bytes, int offset, int length, int count) {
    if (ranges == arrays.length) {
      arrays = Arrays.copyOf(arrays, 2 * ranges);
      offsets = Arrays.copyOf(offsets, 2 * ranges);
      lengths = Arrays.copyOf(lengths, 2 * ranges);
      counts = Arrays.copyOf(counts, 2 * ranges);
    }
    arrays[ranges] = bytes;
    offsets[ranges] = offset;
    lengths[ranges] = length;
    counts[ranges] = count;
    ranges++;
    frames += count;
  }

  /** How many frames new to the receiver the read carried. */
  int frames() {
    return frames;
  }

  /** How many payloads hold those frames. */
  int ranges() {
    return ranges;
  }

  /** How many codec frames payload {@code i} holds. */
  int count(int i) {
    return counts[i];
  }

  /**
   * Checks what decoding payload {@code i} gave: a RUN's payload must hold exactly its count of
   * whole messages (a single frame's is not checked, as before RUN frames).
   *
   * @param messages how many whole messages were decoded from it
   * @throws ProtocolException if a RUN's payload held more or fewer
   */
  void checkDecoded(int i, int messages) {
    if (counts[i] > 1 && messages != counts[i]) {
      throw new ProtocolException(
          "session payload of " + counts[i] + " frames held " + messages + " whole messages");
    }
  }

  /**
   * Payload {@code i}, valid until the next call of this method: one buffer is repositioned from
   * payload to payload while they lie in the same array.
   */
  ByteBuffer range(int i) {
    byte[] a = arrays[i];
    if (view.array() != a) {
      view = ByteBuffer.wrap(a);
    }
    view.limit(offsets[i] + lengths[i]).position(offsets[i]);
    return view;
  }

  /** Frames of this read received before (sent again by the other side). */
  long duplicates() {
    return duplicates;
  }

  /** The highest acknowledgement any frame of the read carried (0 if none). */
  long highestAck() {
    return highestAck;
  }

  boolean pinged() {
    return pinged;
  }

  boolean bye() {
    return bye;
  }
}
