package org.amp4j;

import java.util.concurrent.atomic.AtomicInteger;
import org.amp4j.spi.Connection;

/**
 * The requests a peer has received and not yet answered, and the back pressure they put on reading:
 * at {@link Limits#maxPendingRequests()} the connection stops reading, and it reads again once
 * fewer than half of that remain. Thread-safe: requests arrive on the I/O thread and are answered
 * on the executor.
 */
final class PendingRequests {

  private final AtomicInteger count = new AtomicInteger();
  private final int limit;
  private volatile boolean readingPaused;

  /**
   * @param limit {@link Limits#maxPendingRequests()}
   */
  PendingRequests(int limit) {
    this.limit = limit;
  }

  /** Counts a request received; pauses the connection's reading when the limit is reached. */
  void received(Connection connection) {
    if (count.incrementAndGet() >= limit && !readingPaused) {
      readingPaused = true;
      connection.setReadingPaused(true);
    }
  }

  /** Counts a request answered (or dropped); gives how many remain. */
  int finished() {
    return count.decrementAndGet();
  }

  /**
   * Resumes the connection's reading if this paused it and fewer than half the limit remain.
   *
   * @param left what {@link #finished} gave
   */
  void resumeIfFew(Connection connection, int left) {
    if (left < limit / 2 + 1 && readingPaused) {
      readingPaused = false;
      connection.setReadingPaused(false);
    }
  }

  /** How many requests are received and not yet answered. */
  int count() {
    return count.get();
  }
}
