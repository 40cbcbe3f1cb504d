package org.amp4j;

import java.util.concurrent.atomic.AtomicLong;

/** The running counts of one session, read through {@link SessionStats}. Thread-safe. */
final class SessionCounters {
  final AtomicLong disconnects = new AtomicLong();
  final AtomicLong resumes = new AtomicLong();
  final AtomicLong replayed = new AtomicLong();
  final AtomicLong duplicates = new AtomicLong();
  final AtomicLong heartbeatTimeouts = new AtomicLong();
  final AtomicLong losses = new AtomicLong();

  SessionStats snapshot(String id, boolean connected) {
    return new SessionStats(
        id,
        connected,
        disconnects.get(),
        resumes.get(),
        replayed.get(),
        duplicates.get(),
        heartbeatTimeouts.get(),
        losses.get());
  }
}
