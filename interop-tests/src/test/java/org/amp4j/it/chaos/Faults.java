package org.amp4j.it.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The faults a {@link FaultProxy} injects: an immutable, seeded description from which every
 * decision is derived, so that a failing run replays with the same seed.
 *
 * <p>Each accepted connection {@code i} gets the plan {@link #plan(int) plan(i)}, a pure function
 * of {@code (seed, i)}: whether it is cut, goes half-open or is left alone, after which delay, and
 * whether a cut falls in the middle of a chunk. Stalls are drawn per forwarded chunk from a
 * per-connection, per-direction stream ({@link #plannedStalls}); which bytes form a chunk depends
 * on timing, the sequence of decisions does not.
 *
 * <p>Defaults ({@link #none()}): seed 0, no cuts, no half-open, no stalls; cut window 50–300 ms,
 * mid-chunk grace 1000 ms, half-open window 50–300 ms, stall window 100–500 ms.
 *
 * @param seed the seed of every random decision
 * @param cutProbability the fraction of connections that are cut, in [0, 1]
 * @param minCutMillis the shortest delay from accept to a cut
 * @param maxCutMillis the longest delay from accept to a cut
 * @param midChunkCutProbability the fraction of cuts that fall mid-chunk: once the cut is due, the
 *     next chunk read in either direction is forwarded only up to a strict prefix, then the
 *     connection is cut
 * @param midChunkGraceMillis how long a due mid-chunk cut waits for a chunk before cutting anyway
 * @param halfOpenProbability the fraction of connections that go half-open: nothing more is
 *     forwarded either way and neither side is closed
 * @param minHalfOpenMillis the shortest delay from accept to going half-open
 * @param maxHalfOpenMillis the longest delay from accept to going half-open
 * @param stallProbability the chance that a forwarded chunk is held back first, in [0, 1]
 * @param minStallMillis the shortest stall
 * @param maxStallMillis the longest stall
 */
public record Faults(
    long seed,
    double cutProbability,
    long minCutMillis,
    long maxCutMillis,
    double midChunkCutProbability,
    long midChunkGraceMillis,
    double halfOpenProbability,
    long minHalfOpenMillis,
    long maxHalfOpenMillis,
    double stallProbability,
    long minStallMillis,
    long maxStallMillis) {

  public Faults {
    probability("cutProbability", cutProbability);
    probability("midChunkCutProbability", midChunkCutProbability);
    probability("halfOpenProbability", halfOpenProbability);
    probability("stallProbability", stallProbability);
    window("cut", minCutMillis, maxCutMillis);
    window("halfOpen", minHalfOpenMillis, maxHalfOpenMillis);
    window("stall", minStallMillis, maxStallMillis);
    if (midChunkGraceMillis < 0) {
      throw new IllegalArgumentException(
          "midChunkGraceMillis " + midChunkGraceMillis + ": expected >= 0");
    }
    if (cutProbability + halfOpenProbability > 1.0) {
      throw new IllegalArgumentException(
          "cutProbability "
              + cutProbability
              + " + halfOpenProbability "
              + halfOpenProbability
              + " exceeds 1");
    }
  }

  /** No faults at all: a plain forwarding proxy. */
  public static Faults none() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The plan of the connection accepted {@code index}-th (from 0); a pure function of the seed. */
  public ConnectionPlan plan(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("connection index " + index + ": expected >= 0");
    }
    SplittableRandom random = new SplittableRandom(mix(seed, index));
    // every draw is made whatever the outcome, so one knob does not shift the others' values
    double kindDraw = random.nextDouble();
    long cutDelay = between(random, minCutMillis, maxCutMillis);
    long halfOpenDelay = between(random, minHalfOpenMillis, maxHalfOpenMillis);
    boolean midChunk = random.nextDouble() < midChunkCutProbability;
    double prefixFraction = random.nextDouble();
    long chunkSeed = random.nextLong();
    if (kindDraw < halfOpenProbability) {
      return new ConnectionPlan(
          index, ConnectionPlan.Kind.HALF_OPEN, halfOpenDelay, false, 0, chunkSeed);
    }
    if (kindDraw < halfOpenProbability + cutProbability) {
      return new ConnectionPlan(
          index, ConnectionPlan.Kind.CUT, cutDelay, midChunk, prefixFraction, chunkSeed);
    }
    return new ConnectionPlan(index, ConnectionPlan.Kind.NONE, 0, false, 0, chunkSeed);
  }

  /** The plans of the first {@code count} connections. */
  public List<ConnectionPlan> plans(int count) {
    List<ConnectionPlan> plans = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      plans.add(plan(i));
    }
    return List.copyOf(plans);
  }

  /** The cut delay of each of the first {@code count} connections, or -1 where it is not cut. */
  public List<Long> plannedCutDelays(int count) {
    return plans(count).stream()
        .map(p -> p.kind() == ConnectionPlan.Kind.CUT ? p.delayMillis() : -1L)
        .toList();
  }

  /**
   * The stall before each of the first {@code chunks} chunks forwarded in one direction of the
   * {@code index}-th connection, in milliseconds, 0 where the chunk is not held back.
   */
  public List<Long> plannedStalls(int index, Direction direction, int chunks) {
    StallSchedule schedule = stallSchedule(plan(index), direction);
    List<Long> stalls = new ArrayList<>(chunks);
    for (int i = 0; i < chunks; i++) {
      stalls.add(schedule.nextStallMillis());
    }
    return List.copyOf(stalls);
  }

  StallSchedule stallSchedule(ConnectionPlan plan, Direction direction) {
    return new StallSchedule(this, mix(plan.chunkSeed(), direction.ordinal()));
  }

  static long between(SplittableRandom random, long min, long max) {
    return min + random.nextLong(max - min + 1);
  }

  /** A well-spread 64-bit hash of two values (SplitMix64's finalizer over a combination). */
  static long mix(long a, long b) {
    return mix64(a ^ mix64(b + 0x9E3779B97F4A7C15L));
  }

  private static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static void probability(String name, double p) {
    if (!(p >= 0.0 && p <= 1.0)) {
      throw new IllegalArgumentException(name + " " + p + ": expected a value in [0, 1]");
    }
  }

  private static void window(String name, long min, long max) {
    if (min < 0 || max < min) {
      throw new IllegalArgumentException(
          name + " window [" + min + ", " + max + "] ms: expected 0 <= min <= max");
    }
  }

  /** Builds {@link Faults}; every knob starts at the default documented on {@link Faults}. */
  public static final class Builder {
    private long seed;
    private double cutProbability;
    private long minCutMillis = 50;
    private long maxCutMillis = 300;
    private double midChunkCutProbability;
    private long midChunkGraceMillis = 1000;
    private double halfOpenProbability;
    private long minHalfOpenMillis = 50;
    private long maxHalfOpenMillis = 300;
    private double stallProbability;
    private long minStallMillis = 100;
    private long maxStallMillis = 500;

    private Builder() {}

    private Builder(Faults f) {
      seed = f.seed;
      cutProbability = f.cutProbability;
      minCutMillis = f.minCutMillis;
      maxCutMillis = f.maxCutMillis;
      midChunkCutProbability = f.midChunkCutProbability;
      midChunkGraceMillis = f.midChunkGraceMillis;
      halfOpenProbability = f.halfOpenProbability;
      minHalfOpenMillis = f.minHalfOpenMillis;
      maxHalfOpenMillis = f.maxHalfOpenMillis;
      stallProbability = f.stallProbability;
      minStallMillis = f.minStallMillis;
      maxStallMillis = f.maxStallMillis;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Cuts every connection after a delay drawn from [minMillis, maxMillis]. */
    public Builder cuts(long minMillis, long maxMillis) {
      return cuts(1.0, minMillis, maxMillis);
    }

    /** Cuts a fraction {@code probability} of connections after a delay in [min, max] ms. */
    public Builder cuts(double probability, long minMillis, long maxMillis) {
      this.cutProbability = probability;
      this.minCutMillis = minMillis;
      this.maxCutMillis = maxMillis;
      return this;
    }

    /** Makes a fraction of cuts fall mid-chunk; see {@link Faults#midChunkCutProbability()}. */
    public Builder midChunkCuts(double probability) {
      this.midChunkCutProbability = probability;
      return this;
    }

    public Builder midChunkGraceMillis(long millis) {
      this.midChunkGraceMillis = millis;
      return this;
    }

    /** Makes a fraction of connections go half-open after a delay in [min, max] ms. */
    public Builder halfOpen(double probability, long minMillis, long maxMillis) {
      this.halfOpenProbability = probability;
      this.minHalfOpenMillis = minMillis;
      this.maxHalfOpenMillis = maxMillis;
      return this;
    }

    /** Holds back a fraction of chunks, each direction on its own, for [min, max] ms. */
    public Builder stalls(double probability, long minMillis, long maxMillis) {
      this.stallProbability = probability;
      this.minStallMillis = minMillis;
      this.maxStallMillis = maxMillis;
      return this;
    }

    public Faults build() {
      return new Faults(
          seed,
          cutProbability,
          minCutMillis,
          maxCutMillis,
          midChunkCutProbability,
          midChunkGraceMillis,
          halfOpenProbability,
          minHalfOpenMillis,
          maxHalfOpenMillis,
          stallProbability,
          minStallMillis,
          maxStallMillis);
    }
  }
}
