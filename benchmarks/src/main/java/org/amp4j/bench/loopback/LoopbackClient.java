package org.amp4j.bench.loopback;

import java.time.Duration;

/**
 * Runs one workload against one running server and prints one JSON line of results (see {@link
 * RunResult}). Exits with status 1 if the run fails, whatever threads the system left running.
 *
 * <pre>
 * java -cp ... org.amp4j.bench.loopback.LoopbackClient SYSTEM PORT ALLOCATION_PORT WORKLOAD \
 *     WARMUP_MS DURATION_MS
 * </pre>
 *
 * <p>{@code ALLOCATION_PORT} is the server's {@link AllocationChannel}.
 */
public final class LoopbackClient {
  private LoopbackClient() {}

  /** Runs the workload; see the class comment for the arguments. */
  public static void main(String[] args) {
    if (args.length != 6) {
      System.err.println(
          "usage: LoopbackClient SYSTEM PORT ALLOCATION_PORT WORKLOAD(a|b|c) WARMUP_MS"
              + " DURATION_MS");
      System.exit(64);
    }
    try {
      RunResult result =
          LoadRun.run(
              args[0],
              Integer.parseInt(args[1]),
              Integer.parseInt(args[2]),
              Workload.of(args[3]),
              Duration.ofMillis(Long.parseLong(args[4])),
              Duration.ofMillis(Long.parseLong(args[5])));
      System.out.println(result.toJson());
      System.out.flush();
      System.exit(0);
    } catch (Exception e) {
      e.printStackTrace();
      System.exit(1);
    }
  }
}
