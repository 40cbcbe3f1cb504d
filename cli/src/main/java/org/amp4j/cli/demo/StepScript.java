package org.amp4j.cli.demo;

import java.util.List;

/**
 * What a simulated step writes: its log lines, numbered from 1, and the pause before each. The text
 * and pauses depend only on the step and the seed, so a run can be repeated.
 *
 * <p>Immutable and thread-safe.
 */
final class StepScript {
  private static final List<String> CLASSES =
      List.of(
          "Peer",
          "Codec",
          "Frame",
          "Session",
          "Limits",
          "Schema",
          "Decoder",
          "Encoder",
          "Values",
          "Handshake",
          "Answers",
          "Registry");

  private final String stepId;
  private final String module;
  private final String phase;
  private final String command;
  private final int lines;
  private final long seed;

  StepScript(String stepId, String module, String phase, String command, int lines, long seed) {
    this.stepId = stepId;
    this.module = module;
    this.phase = phase;
    this.command = command;
    this.lines = lines;
    this.seed = seed;
  }

  /** How many lines the step writes. */
  int lines() {
    return lines;
  }

  /** The pause before line {@code n}, in milliseconds: 5 to 24. */
  long pauseMillis(int n) {
    return 5 + Math.floorMod(mix(n, 1), 20);
  }

  /** The text of line {@code n} (1..{@link #lines()}). */
  String line(int n) {
    if (n == 1) {
      return "$ " + command;
    }
    String name = CLASSES.get(Math.floorMod(mix(n, 2), CLASSES.size()));
    if (n == lines) {
      return switch (phase) {
        case "compile" -> "compiled " + (lines - 2) + " source files of " + module;
        case "test" -> "tests run: " + (lines - 2) + ", failures: 0, errors: 0, skipped: 0";
        default -> "wrote " + module + ".jar (" + (lines - 2) + " entries)";
      };
    }
    return switch (phase) {
      case "compile" -> "compiling " + path() + "/" + name + n + ".java";
      case "test" -> name + "Test." + "case" + n + " ... ok (" + (1 + mix(n, 3) % 40) + " ms)";
      default -> "adding " + path() + "/" + name + n + ".class";
    };
  }

  private String path() {
    return "org/amp4j/" + module.replace('-', '/');
  }

  /** A well-spread non-negative number from the seed, the step, the line and a purpose. */
  private long mix(int n, int purpose) {
    long x = seed * 0x9E3779B97F4A7C15L + stepId.hashCode() * 31L + n * 1_000_003L + purpose;
    x = (x ^ (x >>> 33)) * 0xFF51AFD7ED558CCDL;
    x = (x ^ (x >>> 33)) * 0xC4CEB9FE1A85EC53L;
    return (x ^ (x >>> 33)) & Long.MAX_VALUE;
  }
}
