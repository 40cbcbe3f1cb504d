package org.amp4j.transport.websocket;

import java.util.concurrent.atomic.AtomicLong;
import org.amp4j.LimitExceededException;

/** Counts the bytes accepted for writing and not yet written, within a limit; thread-safe. */
final class PendingWrites {

  private final long limit;
  private final AtomicLong pending = new AtomicLong();

  PendingWrites(long limit) {
    this.limit = limit;
  }

  /**
   * Counts {@code length} more bytes.
   *
   * @throws LimitExceededException if they do not fit under the limit; nothing is counted then
   */
  void reserve(long length, String remote) {
    if (length > limit) {
      throw new LimitExceededException(
          "write of " + length + " bytes to " + remote + " exceeds maxPendingWriteBytes " + limit);
    }
    long before;
    do {
      before = pending.get();
      if (before + length > limit) {
        throw new LimitExceededException(
            before + " bytes already waiting to be written to " + remote + ", limit " + limit);
      }
    } while (!pending.compareAndSet(before, before + length));
  }

  /** Bytes written, or dropped. */
  void release(long length) {
    pending.addAndGet(-length);
  }

  long get() {
    return pending.get();
  }
}
