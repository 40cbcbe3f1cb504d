package org.amp4j.cli.demo;

import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The master's account of the log lines of a build: per step, which line numbers arrived, so that a
 * line that arrives twice, arrives out of order, or never arrives is counted rather than assumed
 * away.
 *
 * <p>Thread-safe.
 */
public final class LineLedger {

  /**
   * What the ledger counted.
   *
   * @param expected lines the steps wrote: the count each finished step reported, else the count
   *     its plan gave
   * @param received distinct lines that arrived
   * @param lost lines expected that never arrived
   * @param duplicated deliveries of a line that had already arrived
   * @param outOfOrder lines that arrived after a line of their step with a higher number
   * @param unexpected distinct lines outside their step's range or of a step never expected, and
   *     lines numbered below 1
   */
  public record Totals(
      long expected, long received, long lost, long duplicated, long outOfOrder, long unexpected) {}

  private static final class Account {
    final BitSet seen = new BitSet();
    int expected;
    int highest;
    boolean known;
  }

  private final Map<String, Account> steps = new LinkedHashMap<>();
  private long duplicated;
  private long outOfOrder;
  private long invalid;

  /** Creates an empty ledger. */
  public LineLedger() {}

  /** A step starts and should write {@code lines} lines, numbered 1..lines. */
  public synchronized void expect(String stepId, int lines) {
    Account a = account(stepId);
    a.known = true;
    a.expected = lines;
  }

  /**
   * A line arrived.
   *
   * @return false if it had arrived before (a duplicate)
   */
  public synchronized boolean record(String stepId, int lineNo) {
    Account a = account(stepId);
    if (lineNo < 1) {
      invalid++;
      return true;
    }
    if (a.seen.get(lineNo)) {
      duplicated++;
      return false;
    }
    if (lineNo < a.highest) {
      outOfOrder++;
    }
    a.seen.set(lineNo);
    a.highest = Math.max(a.highest, lineNo);
    return true;
  }

  /** A step finished, saying it wrote {@code lines} lines; that count is now expected. */
  public synchronized void finish(String stepId, int lines) {
    Account a = account(stepId);
    a.known = true;
    a.expected = lines;
  }

  /** The lines received so far for one step (distinct). */
  public synchronized int received(String stepId) {
    Account a = steps.get(stepId);
    return a == null ? 0 : a.seen.cardinality();
  }

  /** The counts now. */
  public synchronized Totals totals() {
    long expected = 0;
    long received = 0;
    long lost = 0;
    long unexpected = 0;
    for (Account a : steps.values()) {
      int inRange = a.known ? a.seen.get(1, a.expected + 1).cardinality() : 0;
      expected += a.known ? a.expected : 0;
      received += a.seen.cardinality();
      lost += a.known ? a.expected - inRange : 0;
      unexpected += a.seen.cardinality() - inRange;
    }
    return new Totals(expected, received, lost, duplicated, outOfOrder, unexpected + invalid);
  }

  private Account account(String stepId) {
    return steps.computeIfAbsent(stepId, id -> new Account());
  }
}
