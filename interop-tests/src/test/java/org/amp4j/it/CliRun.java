package org.amp4j.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.amp4j.cli.Main;

/** Runs the command line in-process for tests, capturing what it prints. */
public final class CliRun {
  private CliRun() {}

  /**
   * What one run printed.
   *
   * @param exit the exit status
   * @param out standard output
   * @param err standard error
   */
  public record Run(int exit, String out, String err) {
    /** The last line of standard output, read as JSON. */
    public JsonNode lastLine() throws IOException {
      String[] lines = out.strip().split("\n");
      return new ObjectMapper().readTree(lines[lines.length - 1]);
    }
  }

  /** Runs {@code amp4j ARGS}; one run at a time, as it swaps the process's standard streams. */
  public static synchronized Run run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int exit = Main.run(args);
      return new Run(
          exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }
}
