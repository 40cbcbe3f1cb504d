package org.amp4j.cli.demo;

import java.io.PrintStream;

/**
 * Shows the build as it goes: {@link PlainProgress} prints one line per event, {@link LiveProgress}
 * redraws a block of status lines on a terminal. Methods are called from many threads and return
 * quickly.
 */
interface Progress extends AutoCloseable {

  /** A line printed as is, before the build starts. */
  void note(String text);

  /** A worker registered with the master; {@code via} says how it connects. */
  void workerJoined(String worker, String via);

  /** The master sent a step to a worker. */
  void stepStarted(String worker, BuildStep step);

  /** A log line arrived from a worker. */
  void line(String worker, BuildStep step, int lineNo, String text);

  /** A step ended; {@code status} is {@code ok} or what went wrong. */
  void stepFinished(String worker, BuildStep step, int lines, String status);

  /** Something happened to a worker's connection or session, told in {@code message}. */
  void event(String worker, String message);

  /** What a worker's connection is doing now, such as {@code reconnecting}; null when normal. */
  void status(String worker, String note);

  /** Ends the display; later calls print nothing. */
  @Override
  void close();

  /** A display of this kind; {@code AUTO} looks for a terminal ({@link System#console()}). */
  static Progress create(
      BuildDemo.Display display, PrintStream out, BuildPlan plan, boolean verbose) {
    boolean live =
        display == BuildDemo.Display.LIVE
            || (display == BuildDemo.Display.AUTO && System.console() != null);
    return live ? new LiveProgress(out, plan, verbose) : new PlainProgress(out, verbose);
  }

  /** Seconds since {@code startNanos}, as {@code " 1.23s"}. */
  static String stamp(long startNanos) {
    return String.format("%6.2fs", (System.nanoTime() - startNanos) / 1e9);
  }
}
