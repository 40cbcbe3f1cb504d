package org.amp4j;

/**
 * The frames a session has taken from its peer that the other side has not acknowledged, in
 * sequence order. They sit in a ring of arrays, position by position, and each one's sequence
 * number is implicit (the first one's plus its position), so that keeping a frame allocates nothing
 * once the ring has grown to the session's window.
 *
 * <p>Not thread-safe: the session's lock guards it.
 */
final class Unacknowledged {
  private static final int CALL = 1;
  private static final int IDEMPOTENT = 2;
  private static final int INITIAL_CAPACITY = 16; // a power of two, as every capacity

  private byte[][] frames = new byte[INITIAL_CAPACITY][];
  private String[] tags = new String[INITIAL_CAPACITY];
  private byte[] flags = new byte[INITIAL_CAPACITY];
  private SessionLink.Tracked[] tracked = new SessionLink.Tracked[INITIAL_CAPACITY];
  private int head; // where the first frame is
  private int size;
  private long firstSeq = 1; // the first frame's sequence number

  /**
   * Keeps a frame.
   *
   * @param call whether it is a call (else an answer or error)
   * @param tag a call's tag; null for answers, errors and calls without answer
   * @param idempotent whether the call may be sent again on a replacing session
   * @param kept the call kept past its acknowledgement until answered, or null
   * @return its sequence number
   */
  long add(byte[] frame, boolean call, String tag, boolean idempotent, SessionLink.Tracked kept) {
    if (size == frames.length) {
      grow();
    }
    int at = (head + size) & (frames.length - 1);
    frames[at] = frame;
    tags[at] = tag;
    flags[at] = (byte) ((call ? CALL : 0) | (idempotent ? IDEMPOTENT : 0));
    tracked[at] = kept;
    size++;
    return firstSeq + size - 1;
  }

  private void grow() {
    int n = frames.length;
    frames = unwrap(frames, new byte[2 * n][]);
    tags = unwrap(tags, new String[2 * n]);
    tracked = unwrap(tracked, new SessionLink.Tracked[2 * n]);
    byte[] f = new byte[2 * n];
    System.arraycopy(flags, head, f, 0, n - head);
    System.arraycopy(flags, 0, f, n - head, head);
    flags = f;
    head = 0;
  }

  /** Copies a full ring into {@code to} with its first frame at 0. */
  private <T> T[] unwrap(T[] from, T[] to) {
    int n = from.length;
    System.arraycopy(from, head, to, 0, n - head);
    System.arraycopy(from, 0, to, n - head, head);
    return to;
  }

  /** Drops the first frame (the other side has it). */
  void removeFirst() {
    frames[head] = null;
    tags[head] = null;
    tracked[head] = null;
    head = (head + 1) & (frames.length - 1);
    size--;
    firstSeq++;
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

  byte[] frame(int i) {
    return frames[index(i)];
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
    return (head + i) & (frames.length - 1);
  }
}
