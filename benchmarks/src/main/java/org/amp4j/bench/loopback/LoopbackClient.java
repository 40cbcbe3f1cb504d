package org.amp4j.bench.loopback;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Runs workloads against one running server, one after another in this JVM, and prints one JSON
 * line of results per workload (see {@link RunResult}). Before the first, it runs the workloads in
 * turn for {@code JIT_WARMUP_MS} in all and discards the results ({@link #warmUpTheJit}), so that
 * the code of every workload is compiled before any is measured. Exits with status 1 if a run
 * fails, whatever threads the system left running.
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
  /** How many times the JIT warm-up runs through the workloads. */
  static final int JIT_PASSES = 2;

  private LoopbackClient() {}

  /**
   * Runs the workloads in turn, {@link #JIT_PASSES} times, for {@code total} in all, and discards
   * the results: the code that only one workload runs (such as one call per read, in a) is compiled
   * too, and with what the others run in its profile, before any workload is measured.
   */
  static void warmUpTheJit(
      String system, int port, int meterPort, List<Workload> workloads, Duration total)
      throws Exception {
    if (total.isZero()) {
      return;
    }
    Duration slice = total.dividedBy((long) JIT_PASSES * workloads.size());
    for (int pass = 0; pass < JIT_PASSES; pass++) {
      for (Workload w : workloads) {
        LoadRun.run(system, port, meterPort, w, slice, Duration.ZERO);
      }
    }
  }

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
      List<Workload> workloads = Arrays.stream(args[3].split(",")).map(Workload::of).toList();
      warmUpTheJit(system, port, meterPort, workloads, jitWarmup);
      for (Workload w : workloads) {
        RunResult result = LoadRun.run(system, port, meterPort, w, warmup, measure);
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
