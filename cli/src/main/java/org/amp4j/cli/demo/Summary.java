package org.amp4j.cli.demo;

import java.io.PrintStream;
import java.time.Duration;

/**
 * What a demo build came to, as measured: by the master's {@link Dispatcher} and {@link LineLedger}
 * and by the sessions' own counts.
 *
 * @param outcome how the steps ended
 * @param steps steps in the plan
 * @param lines the ledger's totals
 * @param cuts connections the master cut
 * @param reconnects times a worker's session resumed on a new connection
 * @param replayed messages sent again after resumes, by workers and master together
 * @param duplicatesDropped messages the sessions received twice and dropped
 * @param elapsed from the first step sent to the build's end
 */
record Summary(
    Dispatcher.Outcome outcome,
    int steps,
    LineLedger.Totals lines,
    int cuts,
    long reconnects,
    long replayed,
    long duplicatesDropped,
    Duration elapsed) {

  /** Whether every step succeeded and every line arrived exactly once. */
  boolean ok() {
    return outcome.ok() == steps
        && lines.lost() == 0
        && lines.duplicated() == 0
        && lines.unexpected() == 0
        && lines.received() == lines.expected();
  }

  /** Prints the summary block; its last line is {@code build OK} or {@code build FAILED}. */
  void print(PrintStream out) {
    out.println("summary");
    out.printf(
        "  steps       %d of %d ok, %d failed, %d not run%n",
        outcome.ok(), steps, outcome.failed(), outcome.skipped());
    out.printf("  lines       %d expected, %d received%n", lines.expected(), lines.received());
    out.printf("  lost        %d%n", lines.lost());
    out.printf("  duplicated  %d%n", lines.duplicated());
    out.printf("  reordered   %d%n", lines.outOfOrder());
    if (lines.unexpected() > 0) {
      out.printf("  unexpected  %d%n", lines.unexpected());
    }
    out.printf(
        "  reconnects  %d (connections cut: %d; messages replayed: %d; duplicates dropped by the"
            + " sessions: %d)%n",
        reconnects, cuts, replayed, duplicatesDropped);
    out.printf("  time        %.2f s%n", elapsed.toMillis() / 1000.0);
    out.println(ok() ? "build OK" : "build FAILED");
    out.flush();
  }
}
