package org.amp4j.it.chaos;

import java.util.concurrent.atomic.AtomicLong;

/** The running counts of one {@link FaultProxy}; thread-safe. */
final class Counters {
  final AtomicLong accepted = new AtomicLong();
  final AtomicLong cuts = new AtomicLong();
  final AtomicLong halfOpens = new AtomicLong();
  final AtomicLong stalls = new AtomicLong();
  final AtomicLong bytesToTarget = new AtomicLong();
  final AtomicLong bytesToClient = new AtomicLong();

  void forwarded(Direction direction, int bytes) {
    (direction == Direction.TO_TARGET ? bytesToTarget : bytesToClient).addAndGet(bytes);
  }

  FaultProxy.Stats snapshot() {
    return new FaultProxy.Stats(
        accepted.get(),
        cuts.get(),
        halfOpens.get(),
        stalls.get(),
        bytesToTarget.get(),
        bytesToClient.get());
  }
}
