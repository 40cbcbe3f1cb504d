package org.amp4j;

import java.util.Arrays;
import org.amp4j.spi.FrameBuffer;

/**
 * The frames a session has taken from its peer that the other side has not acknowledged, in
 * sequence order. Their bytes lie one after another in one array, the log, into which a message is
 * encoded where it will stay ({@link #beginFrame}, {@link #log()}, then {@link #add(int, boolean,
 * String, boolean, SessionLink.Tracked)}): keeping a frame makes no array of its own, and the log,
 * used over and over, stays in the processor's caches. The rest of each frame's entry sits in a
 * ring, position by position, with its sequence number implicit (the first one's plus its
 * position), so that keeping a frame allocates nothing once the ring and the log have grown to the
 * session's window.
 *
 * <p>The log drops the bytes of acknowledged frames from its front: all at once when no frame is
 * left, otherwise by moving the frames still kept to its start when the dropped bytes fill half of
 * it (so that each byte is moved at most once on average). It grows only when full with less than
 * half of it dropped, so it stays under four times the most bytes kept at once (plus one frame); it
 * keeps its size until it is empty, when one of more than {@link #MAX_KEPT_LOG} bytes is replaced
 * by a small one.
 *
 * <p>Not thread-safe: the session's lock guards it.
 */
final class Unacknowledged {
  private static final int CALL = 1;
  private static final int IDEMPOTENT = 2;
  private static final int INITIAL_CAPACITY = 16; // a power of two, as every capacity
  private static final int INITIAL_LOG = 1024;

  /** The most bytes the log keeps once it is empty; a larger one is replaced. */
  static final int MAX_KEPT_LOG = 1 << 20;

  // The kept frames' bytes are log[logStart, log.size()); frame i is lengths[index(i)] bytes from
  // offsets[index(i)].
  private final FrameBuffer log = new FrameBuffer(INITIAL_LOG);
  private int logStart;
  private int[] offsets = new int[INITIAL_CAPACITY];
  private int[] lengths = new int[INITIAL_CAPACITY];
  private String[] tags = new String[INITIAL_CAPACITY];
  private byte[] flags = new byte[INITIAL_CAPACITY];
  private SessionLink.Tracked[] tracked = new SessionLink.Tracked[INITIAL_CAPACITY];
  private int head; // where the first frame is
  private int size;
  private long firstSeq = 1; // the first frame's sequence number

  /**
   * Starts the next frame: the caller appends its bytes to {@link #log()}, then keeps it with
   * {@link #add(int, boolean, String, boolean, SessionLink.Tracked)} or drops them with {@link
   * #abandon}.
   *
   * @return where the frame starts in the log
   */
  int beginFrame() {
    if (logStart > 0 && logStart >= log.capacity() / 2) {
      compact();
    }
    return log.size();
  }

  /** Where the next frame's bytes are appended, after {@link #beginFrame}. */
  FrameBuffer log() {
    return log;
  }

  /** Drops the bytes appended since {@link #beginFrame} returned {@code start}. */
  void abandon(int start) {
    log.truncate(start);
  }

  /** Moves the frames still kept to the start of the log. */
  private void compact() {
    int live = log.size() - logStart;
    System.arraycopy(log.array(), logStart, log.array(), 0, live);
    for (int i = 0; i < size; i++) {
      offsets[index(i)] -= logStart;
    }
    log.truncate(live);
    logStart = 0;
  }

  /**
   * Keeps the frame whose bytes were appended to the log since {@link #beginFrame} returned {@code
   * start}.
   *
   * @param call whether it is a call (else an answer or error)
   * @param tag a call's tag; null for answers, errors and calls without answer
   * @param idempotent whether the call may be sent again on a replacing session
   * @param kept the call kept past its acknowledgement until answered, or null
   * @return its sequence number
   */
  long add(int start, boolean call, String tag, boolean idempotent, SessionLink.Tracked kept) {
    if (size == offsets.length) {
      grow();
    }
    int at = (head + size) & (offsets.length - 1);
    offsets[at] = start;
    lengths[at] = log.size() - start;
    tags[at] = tag;
    flags[at] = (byte) ((call ? CALL : 0) | (idempotent ? IDEMPOTENT : 0));
    tracked[at] = kept;
    size++;
    return firstSeq + size - 1;
  }

  /** Keeps a copy of {@code length} bytes of {@code from} from {@code offset} as the next frame. */
  long add(
      byte[] from,
      int offset,
      int length,
      boolean call,
      String tag,
      boolean idempotent,
      SessionLink.Tracked kept) {
    int start = beginFrame();
    log.write(from, offset, length);
    return add(start, call, tag, idempotent, kept);
  }

  /** Keeps a copy of {@code frame} as the next frame. */
  long add(byte[] frame, boolean call, String tag, boolean idempotent, SessionLink.Tracked kept) {
    return add(frame, 0, frame.length, call, tag, idempotent, kept);
  }

  private void grow() {
    int n = offsets.length;
    offsets = unwrap(offsets, new int[2 * n], n);
    lengths = unwrap(lengths, new int[2 * n], n);
    flags = unwrap(flags, new byte[2 * n], n);
    tags = unwrap(tags, new String[2 * n], n);
    tracked = unwrap(tracked, new SessionLink.Tracked[2 * n], n);
    head = 0;
  }

  /** Copies a full ring of {@code n} entries (an array) into {@code to} with its first at 0. */
  private <A> A unwrap(A from, A to, int n) {
    System.arraycopy(from, head, to, 0, n - head);
    System.arraycopy(from, 0, to, n - head, head);
    return to;
  }

  /** Drops the first frame (the other side has it). */
  void removeFirst() {
    logStart = offsets[head] + lengths[head];
    tags[head] = null;
    tracked[head] = null;
    head = (head + 1) & (offsets.length - 1);
    size--;
    firstSeq++;
    if (size == 0) {
      log.clear(MAX_KEPT_LOG);
      logStart = 0;
    }
  }

  int size() {
    return size;
  }

  /** The sequence number of the first frame, or of the next one added when there is none. */
  long firstSeq() {
    return firstSeq;
  }

  /** The sequence number of frame {@code i} (0 is the first). */
  long seq(int i) {
    return firstSeq + i;
  }

  /** The array that frame {@code i} lies in, until the next frame is begun. */
  byte[] bytes() {
    return log.array();
  }

  /** Where frame {@code i} starts in {@link #bytes()}. */
  int offset(int i) {
    return offsets[index(i)];
  }

  /** The length of frame {@code i}. */
  int length(int i) {
    return lengths[index(i)];
  }

  /** A copy of frame {@code i}. */
  byte[] frame(int i) {
    int at = offset(i);
    return Arrays.copyOfRange(log.array(), at, at + length(i));
  }

  boolean call(int i) {
    return (flags[index(i)] & CALL) != 0;
  }

  boolean idempotent(int i) {
    return (flags[index(i)] & IDEMPOTENT) != 0;
  }

  String tag(int i) {
    return tags[index(i)];
  }

  SessionLink.Tracked tracked(int i) {
    return tracked[index(i)];
  }

  private int index(int i) {
    return (head + i) & (offsets.length - 1);
  }
}
