package org.amp4j.cli.demo;

import java.util.Optional;

/**
 * The log lines of a demo step as a real build worker writes them: each line carries its number,
 * {@code 12: compiling org/amp4j/codec/amp/Peer12.java}, so that the master can account for every
 * line in a {@link LineLedger} whatever happened to it on the way.
 *
 * <p>Stateless and thread-safe.
 */
public final class StepLines {
  /** Longer numbers are not line numbers: they would not fit an {@code int}. */
  private static final int MAX_DIGITS = 9;

  /** Scripts sleep at least this long at a time, so that a step has few {@code sleep}s. */
  private static final int MIN_SLEEP_MILLIS = 40;

  /** A line read back: its number and its text. */
  public record Line(int number, String text) {}

  private StepLines() {}

  /** The line as written: the number, {@code ": "}, the text. */
  public static String format(int number, String text) {
    return number + ": " + text;
  }

  /**
   * Reads a line's number and text; a {@code \r} that ends the line is dropped.
   *
   * @return empty if the line does not start with 1 to 9 digits followed by {@code ": "}
   */
  public static Optional<Line> parse(String line) {
    int digits = 0;
    while (digits < line.length() && line.charAt(digits) >= '0' && line.charAt(digits) <= '9') {
      digits++;
    }
    if (digits == 0 || digits > MAX_DIGITS || !line.startsWith(": ", digits)) {
      return Optional.empty();
    }
    String text = line.substring(digits + 2);
    if (text.endsWith("\r")) {
      text = text.substring(0, text.length() - 1);
    }
    return Optional.of(new Line(Integer.parseInt(line, 0, digits, 10), text));
  }

  /**
   * A POSIX shell script that writes the lines of a step to standard output, numbered, with the
   * texts and pauses of {@link StepScript}, the pauses gathered into sleeps of at least {@value
   * #MIN_SLEEP_MILLIS} ms ({@code sleep} with a fraction, as GNU and BusyBox have).
   */
  static String script(BuildStep step, long seed) {
    StepScript lines =
        new StepScript(step.id(), step.module(), step.phase(), step.command(), step.lines(), seed);
    StringBuilder b = new StringBuilder();
    StringBuilder batch = new StringBuilder();
    long pause = 0;
    for (int n = 1; n <= lines.lines(); n++) {
      batch.append(' ').append(quote(format(n, lines.line(n))));
      pause += lines.pauseMillis(n);
      if (pause >= MIN_SLEEP_MILLIS || n == lines.lines()) {
        b.append("printf '%s\\n'").append(batch).append('\n');
        batch.setLength(0);
      }
      if (pause >= MIN_SLEEP_MILLIS && n < lines.lines()) {
        b.append(String.format("sleep %d.%03d\n", pause / 1000, pause % 1000));
        pause = 0;
      }
    }
    return b.toString();
  }

  /** The text in single quotes, each {@code '} written as {@code '\''}. */
  static String quote(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }
}
