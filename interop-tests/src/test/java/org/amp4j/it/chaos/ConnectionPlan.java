package org.amp4j.it.chaos;

/**
 * What a {@link FaultProxy} will do to one connection, derived from {@link Faults#plan(int)}.
 *
 * @param index the connection's place in accept order, from 0
 * @param kind the connection's fate
 * @param delayMillis the delay from accept to the cut or to going half-open; 0 for {@link
 *     Kind#NONE}
 * @param midChunk whether the cut falls mid-chunk
 * @param prefixFraction where in the cut chunk the cut falls, in [0, 1)
 * @param chunkSeed the seed of the per-chunk (stall) decisions
 */
public record ConnectionPlan(
    int index,
    Kind kind,
    long delayMillis,
    boolean midChunk,
    double prefixFraction,
    long chunkSeed) {

  /** The fate of a connection. */
  public enum Kind {
    /** Forwarded until either side closes (stalls may still apply). */
    NONE,
    /** Closed abruptly on both sides after {@code delayMillis}. */
    CUT,
    /** After {@code delayMillis}, nothing more is forwarded and nothing is closed. */
    HALF_OPEN
  }

  /**
   * How many bytes of a chunk of {@code chunkLength} bytes a mid-chunk cut forwards: a strict
   * prefix, at least one byte when the chunk has two or more.
   */
  public int prefixLength(int chunkLength) {
    if (chunkLength <= 1) {
      return 0;
    }
    return 1 + (int) (prefixFraction * (chunkLength - 1));
  }
}
