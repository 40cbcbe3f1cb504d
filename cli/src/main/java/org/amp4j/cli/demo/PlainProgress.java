package org.amp4j.cli.demo;

import java.io.PrintStream;

/**
 * Progress as plain lines, one per event, each stamped with the seconds since the start: for logs
 * and pipes. Log lines are printed only when verbose. Thread-safe.
 */
final class PlainProgress implements Progress {
  private final PrintStream out;
  private final boolean verbose;
  private final long start = System.nanoTime();
  private boolean closed;

  PlainProgress(PrintStream out, boolean verbose) {
    this.out = out;
    this.verbose = verbose;
  }

  @Override
  public synchronized void note(String text) {
    if (!closed) {
      out.println(text);
    }
  }

  @Override
  public void workerJoined(String worker, String via) {
    print(worker + ": registered, " + via);
  }

  @Override
  public void stepStarted(String worker, BuildStep step) {
    print(worker + ": start " + step.id() + " (" + step.lines() + " lines expected)");
  }

  @Override
  public void line(String worker, BuildStep step, int lineNo, String text) {
    if (verbose) {
      print(worker + " | " + text);
    }
  }

  @Override
  public void stepFinished(String worker, BuildStep step, int lines, String status) {
    print(worker + ": done  " + step.id() + ", " + lines + " lines, " + status);
  }

  @Override
  public void event(String worker, String message) {
    print(worker + ": " + message);
  }

  @Override
  public void status(String worker, String note) {
    // the events say it already
  }

  @Override
  public synchronized void close() {
    closed = true;
    out.flush();
  }

  private synchronized void print(String text) {
    if (!closed) {
      out.println(Progress.stamp(start) + "  " + text);
    }
  }
}
