package org.amp4j.it.chaos;

import java.util.SplittableRandom;

/**
 * The stall decisions of one direction of one connection, one per forwarded chunk. Not thread-safe.
 */
final class StallSchedule {
  private final Faults faults;
  private final SplittableRandom random;

  StallSchedule(Faults faults, long seed) {
    this.faults = faults;
    this.random = new SplittableRandom(seed);
  }

  /** The stall before the next chunk, 0 for none; draws the same amount whatever the outcome. */
  long nextStallMillis() {
    boolean stall = random.nextDouble() < faults.stallProbability();
    long millis = Faults.between(random, faults.minStallMillis(), faults.maxStallMillis());
    return stall ? millis : 0;
  }
}
