package org.amp4j.cli.demo;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Progress for a terminal: a block with one line for the build and one per worker (its step and a
 * bar), redrawn in place with ANSI escapes at most ten times a second. Events (and, when verbose,
 * log lines) scroll above the block. Thread-safe: events only change state under the lock; one
 * daemon thread draws.
 */
final class LiveProgress implements Progress {
  private static final String CLEAR_LINE = "\033[2K";
  private static final int BAR = 20;

  private final PrintStream out;
  private final boolean verbose;
  private final int totalSteps;
  private final int totalLines;
  private final long start = System.nanoTime();
  private final Map<String, Row> rows = new LinkedHashMap<>();
  private final List<String> above = new ArrayList<>();
  private final ScheduledExecutorService painter;
  private int stepsDone;
  private int linesDone;
  private int drawn;
  private boolean closed;

  /** A worker's line of the block. */
  private static final class Row {
    BuildStep step;
    int lines;
    String note;
  }

  LiveProgress(PrintStream out, BuildPlan plan, boolean verbose) {
    this.out = out;
    this.verbose = verbose;
    this.totalSteps = plan.steps().size();
    this.totalLines = plan.totalLines();
    this.painter =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "amp4j-demo-display");
              t.setDaemon(true);
              return t;
            });
    painter.scheduleAtFixedRate(this::draw, 100, 100, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void note(String text) {
    above.add(text);
  }

  @Override
  public synchronized void workerJoined(String worker, String via) {
    rows.put(worker, new Row());
    above.add(Progress.stamp(start) + "  " + worker + ": registered, " + via);
  }

  @Override
  public synchronized void stepStarted(String worker, BuildStep step) {
    Row row = row(worker);
    row.step = step;
    row.lines = 0;
  }

  @Override
  public synchronized void line(String worker, BuildStep step, int lineNo, String text) {
    row(worker).lines++;
    linesDone++;
    if (verbose) {
      above.add(worker + " | " + text);
    }
  }

  @Override
  public synchronized void stepFinished(String worker, BuildStep step, int lines, String status) {
    row(worker).step = null;
    stepsDone++;
    if (!status.equals("ok")) {
      above.add(Progress.stamp(start) + "  " + worker + ": " + step.id() + " failed: " + status);
    }
  }

  @Override
  public synchronized void event(String worker, String message) {
    above.add(Progress.stamp(start) + "  " + worker + ": " + message);
  }

  @Override
  public synchronized void status(String worker, String note) {
    row(worker).note = note;
  }

  @Override
  public void close() {
    painter.shutdownNow();
    draw();
    synchronized (this) {
      closed = true;
    }
  }

  /** Prints what scrolled since the last time, then the block over the previous one. */
  private synchronized void draw() {
    if (closed || (drawn == 0 && above.isEmpty() && rows.isEmpty())) {
      return; // nothing to show yet
    }
    StringBuilder b = new StringBuilder();
    if (drawn > 0) {
      b.append("\033[").append(drawn).append('F'); // to the start of the block's first line
    }
    for (String line : above) {
      b.append(CLEAR_LINE).append(line).append('\n');
    }
    above.clear();
    List<String> block = block();
    for (String line : block) {
      b.append(CLEAR_LINE).append(line).append('\n');
    }
    b.append("\033[J"); // anything below, should the block have shrunk
    drawn = block.size();
    out.print(b);
    out.flush();
  }

  private List<String> block() {
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            "build     %s %d/%d steps, %d/%d lines %s",
            bar(linesDone, totalLines),
            stepsDone,
            totalSteps,
            linesDone,
            totalLines,
            Progress.stamp(start).strip()));
    rows.forEach(
        (worker, row) -> {
          String note = row.note == null ? "" : "  (" + row.note + ")";
          lines.add(
              row.step == null
                  ? String.format("%-9s idle%s", worker, note)
                  : String.format(
                      "%-9s %s %-21s %3d/%d%s",
                      worker,
                      bar(row.lines, row.step.lines()),
                      row.step.id(),
                      row.lines,
                      row.step.lines(),
                      note));
        });
    return lines;
  }

  private Row row(String worker) {
    return rows.computeIfAbsent(worker, w -> new Row());
  }

  private static String bar(int done, int total) {
    int filled = total == 0 ? BAR : Math.min(BAR, done * BAR / total);
    return "[" + "#".repeat(filled) + "-".repeat(BAR - filled) + "]";
  }
}
