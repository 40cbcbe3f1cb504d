package org.amp4j.bench.loopback;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the loopback comparison: starts, for each system, a server JVM and a client JVM, all at
 * once, and keeps them all; has each client in turn warm up its two JVMs (JIT); then, round by
 * round and workload by workload, has each system in turn run one measured window (the order
 * rotated each round), so that every system is measured in every phase of a machine whose speed
 * drifts; reports medians over the rounds as text tables (calls/s and latency; heap bytes per call;
 * CPU time per call), {@code results.json} and {@code chart.svg}, and as the last line of standard
 * output one JSON object of calls/s by workload and system.
 *
 * <pre>
 * Bench [--quick] [--rounds N] [--jit-warmup-ms MS] [--warmup-ms MS] [--duration-ms MS]
 *       [--systems a,b,...] [--out DIR]
 * </pre>
 *
 * <p>Defaults (the full run): per system 4 s of JIT warm-up and on until the JIT compilers are
 * quiet (up to {@link LoopbackClient#SETTLE_LIMIT} more); then 7 rounds of, per workload and
 * system, 0.5 s warm-up and 2 s measured; every system; {@code benchmarks/results}. {@code
 * --quick}: the {@link #QUICK_SYSTEMS}, the same JIT warm-up, then 5 rounds of 0.2 s warm-up and
 * 0.4 s measured.
 *
 * <p>Every server and client JVM, whatever the system, runs with the same fixed heap, touched in
 * full at start ({@link #JVM_OPTIONS}): a heap that grows during a run of a few seconds makes the
 * first use of each new page a page fault in the measured window, a cost of the start of a JVM's
 * life that a long-running process no longer pays, and one that grows with what a system allocates.
 * All of them live for the whole run (two per system, 16 GiB of heap for all eight systems), idle
 * but for the system being measured. (A heap of 512 MiB, tried to halve that, made {@code
 * netty-raw} 2.5 times slower on workload c, for no reason its few collections explain.)
 */
public final class Bench {
  /**
   * The systems of a {@code --quick} run: those of the summary line the benchmarks issue asks for
   * (amp4j with each codec, with sessions, gRPC and the baseline), without {@code amp4j-amp-pool}
   * and {@code amp4j-cbor}, which the full run measures too.
   */
  static final List<String> QUICK_SYSTEMS =
      List.of(
          "amp4j-amp",
          "amp4j-amp-session",
          "amp4j-json",
          "amp4j-msgpack",
          GrpcSystem.NAME,
          RawNettySystem.NAME);

  /**
   * The options of every server and client JVM: the heap (see the class comment), in transparent
   * huge pages where the kernel has them (touching 1 GiB of 4 KiB pages took about 2 s per JVM at
   * start on the 2-core machine, of 2 MiB pages 0.2 to 1 s), and no performance-data file, whose
   * sampler wakes every 50 ms in each of the idle JVMs.
   */
  static final List<String> JVM_OPTIONS =
      List.of(
          "-Xms1g",
          "-Xmx1g",
          "-XX:+AlwaysPreTouch",
          "-XX:+UseTransparentHugePages",
          "-XX:-UsePerfData");

  private final Options options;
  private final String java;
  private final String classpath;

  private Bench(Options options) {
    this.options = options;
    this.java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    this.classpath = System.getProperty("java.class.path");
  }

  /** Runs the rounds; see the class comment for the options. */
  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    List<RunResult> results = new Bench(options).runAll();
    Report report = new Report(options, results);
    Files.createDirectories(options.out);
    Files.writeString(options.out.resolve("results.json"), report.json());
    Files.writeString(options.out.resolve("chart.svg"), SvgChart.render(report));
    System.out.println();
    System.out.print(report.table());
    System.out.println("wrote " + options.out.resolve("results.json") + " and chart.svg");
    System.out.println(report.summaryLine());
  }

  private List<RunResult> runAll() throws IOException, InterruptedException {
    List<Pair> pairs = new ArrayList<>();
    try {
      // every JVM starts (and touches its heap) at once; then each system is warmed up alone
      for (String system : options.systems) {
        pairs.add(Pair.launch(this, system));
      }
      for (Pair pair : pairs) {
        pair.startClient(this);
      }
      for (Pair pair : pairs) {
        pair.warmUp();
      }
      List<RunResult> all = new ArrayList<>();
      for (int round = 1; round <= options.rounds; round++) {
        for (Workload w : Workload.values()) {
          // rotate the order each round, so that no system always runs a workload first or last
          List<Pair> order = new ArrayList<>(pairs);
          Collections.rotate(order, -(round - 1));
          LoopbackClient.Window window =
              new LoopbackClient.Window(
                  w, Duration.ofMillis(options.warmupMs), Duration.ofMillis(options.durationMs));
          for (Pair pair : order) {
            RunResult r = pair.run(window);
            print(round, r);
            all.add(r);
          }
        }
      }
      return all;
    } finally {
      for (Pair pair : pairs) {
        pair.close();
      }
    }
  }

  private static void print(int round, RunResult r) {
    System.err.printf(
        "round %d %-18s %s: %,12.0f calls/s%s  B/call client %.0f server %.0f"
            + "  CPU µs/call client %.2f server %.2f  JIT ms client %d server %d%s%n",
        round,
        r.system(),
        r.workload(),
        r.callsPerSecond(),
        r.p50Micros() >= 0
            ? String.format("  p50 %.0f µs  p99 %.0f µs", r.p50Micros(), r.p99Micros())
            : "",
        r.clientBytesPerCall(),
        r.serverBytesPerCall(),
        r.clientCpuMicrosPerCall(),
        r.serverCpuMicrosPerCall(),
        r.clientCompileMillis(),
        r.serverCompileMillis(),
        r.errors() > 0 ? "  ERRORS " + r.errors() : "");
  }

  /**
   * One system's server JVM and client JVM, started once and kept for the whole run: the client
   * warms both up when asked, then runs one {@link LoopbackClient.Window} at a time.
   */
  private static final class Pair implements AutoCloseable {
    private final String system;
    private final Process server;
    private Process client;
    private BufferedReader clientOut;
    private Writer clientIn;

    private Pair(String system, Process server) {
      this.system = system;
      this.server = server;
    }

    /** Starts the server JVM. */
    static Pair launch(Bench bench, String system) throws IOException {
      Process server =
          new ProcessBuilder(bench.command(LoopbackServer.class, List.of(system)))
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      return new Pair(system, server);
    }

    /** Waits for the server's ports, then starts the client JVM. */
    void startClient(Bench bench) throws IOException {
      Ports ports = awaitPorts(server, system);
      client =
          new ProcessBuilder(
                  bench.command(
                      LoopbackClient.class,
                      List.of(
                          system,
                          Integer.toString(ports.system()),
                          Integer.toString(ports.meter()),
                          Long.toString(bench.options.jitWarmupMs))))
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      clientOut = reader(client);
      clientIn = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8);
    }

    /** Has the client warm up both JVMs, and waits until it has. */
    void warmUp() throws IOException {
      String line = ask(LoopbackClient.WARM);
      if (!LoopbackClient.READY.equals(line)) {
        throw new IOException(
            "client " + system + " answered " + LoopbackClient.WARM + " with " + line);
      }
    }

    /** Sends the client one line; its answer, null if it ended. */
    private String ask(String line) throws IOException {
      clientIn.write(line + "\n");
      clientIn.flush();
      return clientOut.readLine();
    }

    /** Runs one window; its result. */
    RunResult run(LoopbackClient.Window window) throws IOException {
      String line = ask(window.line());
      if (line == null || !line.startsWith("{")) {
        throw new IOException("client " + system + " answered " + window.line() + " with " + line);
      }
      RunResult r = RunResult.parse(line);
      if (!r.system().equals(system) || !r.workload().equals(window.workload().key())) {
        throw new IOException("client " + system + " answered " + window.line() + " with " + line);
      }
      return r;
    }

    /** Ends the client (its input closes), then the server. */
    @Override
    public void close() throws InterruptedException {
      stop(client);
      stop(server);
    }

    /** Closes a process's input, which ends it; waits a while, then kills it. */
    private static void stop(Process p) throws InterruptedException {
      if (p == null) {
        return;
      }
      try {
        p.getOutputStream().close();
      } catch (IOException e) {
        // already gone
      }
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
      }
    }
  }

  /** A server's two ports: the system's and its {@link MeterChannel}'s. */
  private record Ports(int system, int meter) {}

  private static Ports awaitPorts(Process server, String system) throws IOException {
    BufferedReader out = reader(server);
    int meter = -1;
    String line;
    while ((line = out.readLine()) != null) {
      if (line.startsWith(LoopbackServer.METER)) {
        meter = port(line, LoopbackServer.METER);
      } else if (line.startsWith(LoopbackServer.LISTENING)) {
        if (meter < 0) {
          throw new IOException("server for " + system + " printed no meter channel port");
        }
        return new Ports(port(line, LoopbackServer.LISTENING), meter);
      }
    }
    throw new IOException("server for " + system + " exited without printing its ports");
  }

  private static BufferedReader reader(Process p) {
    return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
  }

  private static int port(String line, String prefix) {
    return Integer.parseInt(line.substring(prefix.length()).trim());
  }

  /** The command line of a JVM running a main class of this harness. */
  private List<String> command(Class<?> main, List<String> args) {
    List<String> command = new ArrayList<>(List.of(java));
    command.addAll(JVM_OPTIONS);
    command.addAll(List.of("-cp", classpath, main.getName()));
    command.addAll(args);
    return command;
  }

  /** The command line. */
  record Options(
      int rounds,
      long jitWarmupMs,
      long warmupMs,
      long durationMs,
      List<String> systems,
      Path out) {
    static Options parse(String[] args) {
      int rounds = 7;
      long jitWarmup = 4000;
      long warmup = 500;
      long duration = 2000;
      List<String> systems = LoopbackSystem.NAMES;
      Path out = Path.of("benchmarks", "results");
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--quick" -> {
            rounds = 5;
            jitWarmup = 4000;
            warmup = 200;
            duration = 400;
            systems = QUICK_SYSTEMS;
          }
          case "--rounds" -> rounds = Integer.parseInt(value(args, ++i));
          case "--jit-warmup-ms" -> jitWarmup = Long.parseLong(value(args, ++i));
          case "--warmup-ms" -> warmup = Long.parseLong(value(args, ++i));
          case "--duration-ms" -> duration = Long.parseLong(value(args, ++i));
          case "--systems" -> systems = Arrays.asList(value(args, ++i).split(","));
          case "--out" -> out = Path.of(value(args, ++i));
          default ->
              throw new IllegalArgumentException(
                  "unknown option "
                      + args[i]
                      + "; expected --quick, --rounds, --jit-warmup-ms, --warmup-ms,"
                      + " --duration-ms, --systems, --out");
        }
      }
      for (String s : systems) {
        LoopbackSystem.named(s); // fails with the known names
      }
      return new Options(rounds, jitWarmup, warmup, duration, List.copyOf(systems), out);
    }

    private static String value(String[] args, int i) {
      if (i >= args.length) {
        throw new IllegalArgumentException(args[i - 1] + " needs a value");
      }
      return args[i];
    }
  }
}
