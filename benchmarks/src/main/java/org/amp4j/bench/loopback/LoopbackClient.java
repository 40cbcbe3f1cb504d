package org.amp4j.bench.loopback;

import java.time.Duration;

/**
 * Runs one workload against one running server and prints one JSON line of results (see {@link
 * RunResult}).
 *
 * <pre>
 * java -cp ... org.amp4j.bench.loopback.LoopbackClient SYSTEM PORT WORKLOAD WARMUP_MS DURATION_MS
 * </pre>
 */
public final class LoopbackClient {
  private LoopbackClient() {}

  /** Runs the workload; see the class comment for the arguments. */
  public static void main(String[] args) throws Exception {
    if (args.length != 5) {
      System.err.println("usage: LoopbackClient SYSTEM PORT WORKLOAD(a|b|c) WARMUP_MS DURATION_MS");
      System.exit(64);
    }
    RunResult result =
        LoadRun.run(
            args[0],
            Integer.parseInt(args[1]),
            Workload.of(args[2]),
            Duration.ofMillis(Long.parseLong(args[3])),
            Duration.ofMillis(Long.parseLong(args[4])));
    System.out.println(result.toJson());
    System.out.flush();
    System.exit(0);
  }
}
