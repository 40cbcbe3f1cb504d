package org.amp4j.bench.loopback;

import java.time.Duration;

/**
 * Runs workloads against one running server, one after another in this JVM, and prints one JSON
 * line of results per workload (see {@link RunResult}). Before the first, it runs workload c for
 * {@code JIT_WARMUP_MS} and discards the result, so that the code all workloads share is compiled
 * before any is measured. Exits with status 1 if a run fails, whatever threads the system left
 * running.
 *
 * <pre>
 * java -cp ... org.amp4j.bench.loopback.LoopbackClient SYSTEM PORT METER_PORT WORKLOADS \
 *     JIT_WARMUP_MS WARMUP_MS DURATION_MS
 * </pre>
 *
 * <p>{@code WORKLOADS} is a comma-separated list such as {@code a,b,c}; {@code METER_PORT} is the
 * server's {@link MeterChannel}.
 */
public final class LoopbackClient {
  private LoopbackClient() {}

  /** Runs the workloads; see the class comment for the arguments. */
  public static void main(String[] args) {
    if (args.length != 7) {
      System.err.println(
          "usage: LoopbackClient SYSTEM PORT METER_PORT WORKLOADS(a,b,c) JIT_WARMUP_MS"
              + " WARMUP_MS DURATION_MS");
      System.exit(64);
    }
    try {
      String system = args[0];
      int port = Integer.parseInt(args[1]);
      int meterPort = Integer.parseInt(args[2]);
      Duration jitWarmup = Duration.ofMillis(Long.parseLong(args[4]));
      Duration warmup = Duration.ofMillis(Long.parseLong(args[5]));
      Duration measure = Duration.ofMillis(Long.parseLong(args[6]));
      if (!jitWarmup.isZero()) {
        LoadRun.run(system, port, meterPort, Workload.C, jitWarmup, Duration.ZERO);
      }
      for (String w : args[3].split(",")) {
        RunResult result = LoadRun.run(system, port, meterPort, Workload.of(w), warmup, measure);
        System.out.println(result.toJson());
        System.out.flush();
      }
      System.exit(0);
    } catch (Exception e) {
      e.printStackTrace();
      System.exit(1);
    }
  }
}
