package org.amp4j.bench.loopback;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Runs workloads against one running server, one window at a time in this JVM, for as long as its
 * parent asks, one line on its standard input for each:
 *
 * <ul>
 *   <li>{@value #WARM}: runs every workload in turn for {@code JIT_WARMUP_MS} in all, and on until
 *       the JIT compilers of both JVMs are quiet, and discards the results ({@link #warmUpTheJit}),
 *       so that the code of every workload is compiled before any is measured; then prints {@value
 *       #READY}. (Nothing but {@value #READY} when {@code JIT_WARMUP_MS} is 0.)
 *   <li>a {@link Window} (a workload, its warm-up and its measured time, such as {@code b 200
 *       500}): runs that workload on new connections and prints one JSON line of results (see
 *       {@link RunResult}).
 * </ul>
 *
 * <p>It exits when its input ends. So a parent can start the JVMs of several systems at once (each
 * touches its heap at start), warm them up one by one, and measure them in turn, window by window.
 * Exits with status 1 if a run fails or a line is neither, whatever threads the system left
 * running.
 *
 * <pre>
 * java -cp ... org.amp4j.bench.loopback.LoopbackClient SYSTEM PORT METER_PORT JIT_WARMUP_MS
 * </pre>
 *
 * <p>{@code METER_PORT} is the server's {@link MeterChannel}.
 */
public final class LoopbackClient {
  /** The line that asks for the JIT warm-up. */
  static final String WARM = "warm";

  /** The line printed when the JIT warm-up is over. */
  static final String READY = "ready";

  /** How many times the JIT warm-up runs through the workloads in its planned time. */
  static final int JIT_PASSES = 2;

  /** How long each run of a workload takes once the planned time is over. */
  static final Duration SETTLE_SLICE = Duration.ofMillis(500);

  /**
   * The compile time, both JVMs together, below which a {@link #SETTLE_SLICE} counts as quiet: 4 %
   * of one core.
   */
  static final Duration QUIET_COMPILE = Duration.ofMillis(20);

  /** The longest the warm-up goes on past its planned time while a compiler is still busy. */
  static final Duration SETTLE_LIMIT = Duration.ofSeconds(5);

  private LoopbackClient() {}

  /**
   * How a JIT warm-up went.
   *
   * @param millis how long it took
   * @param lastSliceCompileMillis compile time of both JVMs in its last slice (it runs one at
   *     least)
   */
  record JitWarmup(long millis, long lastSliceCompileMillis) {
    /** Whether it ended on a quiet slice, rather than at its limit. */
    boolean quiet() {
      return lastSliceCompileMillis < QUIET_COMPILE.toMillis();
    }

    @Override
    public String toString() {
      return "JIT warm-up "
          + millis
          + " ms, "
          + (quiet()
              ? "then the compilers were quiet"
              : "compilers still busy (" + lastSliceCompileMillis + " ms in its last slice)");
    }
  }

  /**
   * Runs the workloads in turn, {@link #JIT_PASSES} times, for {@code planned} in all, then on in
   * turn, a {@link #SETTLE_SLICE} each, until one passes with the JIT compilers of both JVMs quiet
   * (under {@link #QUIET_COMPILE} together) or for {@code settleLimit} at most; the results are
   * discarded. So the code that only one workload runs (such as one call per read, in a) is
   * compiled too, with what the others run in its profile, and a system with more code to compile
   * gets the time its compilers need (they share the machine's cores with it) before any workload
   * is measured.
   */
  static JitWarmup warmUpTheJit(
      String system,
      int port,
      int meterPort,
      List<Workload> workloads,
      Duration planned,
      Duration settleLimit)
      throws Exception {
    long start = System.nanoTime();
    Duration slice = planned.dividedBy((long) JIT_PASSES * workloads.size());
    for (int pass = 0; pass < JIT_PASSES; pass++) {
      for (Workload w : workloads) {
        LoadRun.run(system, port, meterPort, w, slice, Duration.ZERO);
      }
    }
    long settleEnd = System.nanoTime() + settleLimit.toNanos();
    JitWarmup last;
    try (MeterChannel.Client server = MeterChannel.connect(meterPort)) {
      // one reading of both JVMs ends a slice and starts the next
      long compiled = CompileTime.millis() + server.ask().compileMillis();
      int i = 0;
      do {
        LoadRun.run(
            system,
            port,
            meterPort,
            workloads.get(i++ % workloads.size()),
            SETTLE_SLICE,
            Duration.ZERO);
        long now = CompileTime.millis() + server.ask().compileMillis();
        last =
            new JitWarmup(Duration.ofNanos(System.nanoTime() - start).toMillis(), now - compiled);
        compiled = now;
      } while (!last.quiet() && System.nanoTime() < settleEnd);
    }
    return last;
  }

  /** Warms up and runs the windows asked for; see the class comment for the arguments. */
  public static void main(String[] args) {
    if (args.length != 4) {
      System.err.println("usage: LoopbackClient SYSTEM PORT METER_PORT JIT_WARMUP_MS");
      System.exit(64);
    }
    try {
      String system = args[0];
      int port = Integer.parseInt(args[1]);
      int meterPort = Integer.parseInt(args[2]);
      Duration jitWarmup = Duration.ofMillis(Long.parseLong(args[3]));
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String line;
      while ((line = in.readLine()) != null) {
        if (line.trim().equals(WARM)) {
          if (!jitWarmup.isZero()) {
            List<Workload> all = List.of(Workload.values());
            JitWarmup jit = warmUpTheJit(system, port, meterPort, all, jitWarmup, SETTLE_LIMIT);
            System.err.println(system + ": " + jit);
          }
          System.out.println(READY);
        } else {
          Window window = Window.parse(line);
          RunResult result =
              LoadRun.run(system, port, meterPort, window.workload, window.warmup, window.measure);
          System.out.println(result.toJson());
        }
        System.out.flush();
      }
      System.exit(0);
    } catch (Exception e) {
      e.printStackTrace();
      System.exit(1);
    }
  }

  /**
   * One measured run asked for on standard input: {@code WORKLOAD WARMUP_MS DURATION_MS}, such as
   * {@code b 200 500}.
   */
  record Window(Workload workload, Duration warmup, Duration measure) {
    /** The line that asks for this window. */
    String line() {
      return workload.key() + " " + warmup.toMillis() + " " + measure.toMillis();
    }

    static Window parse(String line) {
      String[] words = line.trim().split(" +");
      try {
        if (words.length == 3) {
          return new Window(
              Workload.of(words[0]),
              Duration.ofMillis(Long.parseLong(words[1])),
              Duration.ofMillis(Long.parseLong(words[2])));
        }
      } catch (NumberFormatException e) {
        // refused below
      }
      throw new IllegalArgumentException(
          "expected WORKLOAD WARMUP_MS DURATION_MS, such as \"b 200 500\", not \"" + line + "\"");
    }
  }
}
