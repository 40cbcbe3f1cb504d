package org.amp4j.spi;

import java.util.concurrent.atomic.AtomicLong;
import org.amp4j.LimitExceededException;

/**
 * For transports: counts the bytes a {@link Connection} accepted for writing and has not written
 * yet, within {@code maxPendingWriteBytes}. Thread-safe.
 */
public final class PendingWrites {

  private final long limit;
  private final AtomicLong pending = new AtomicLong();

  /** A count starting at 0, with a limit. */
  public PendingWrites(long limit) {
    this.limit = limit;
  }

  /**
   * Counts {@code length} more bytes.
   *
   * @throws LimitExceededException if they do not fit under the limit; nothing is counted then
   */
  public void reserve(long length, String remote) {
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
  public void release(long length) {
    pending.addAndGet(-length);
  }

  /** The bytes counted now. */
  public long get() {
    return pending.get();
  }
}
