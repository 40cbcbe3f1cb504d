package org.amp4j.bench.loopback;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the loopback comparison: for each round, for each system, a server JVM and one client JVM
 * that warms both up (JIT) and then runs every workload; reports medians over the rounds as text
 * tables (calls/s and latency; heap bytes per call; CPU time per call), {@code results.json} and
 * {@code chart.svg}, and as the last line of standard output one JSON object of calls/s by workload
 * and system.
 *
 * <pre>
 * Bench [--quick] [--rounds N] [--jit-warmup-ms MS] [--warmup-ms MS] [--duration-ms MS]
 *       [--systems a,b,...] [--out DIR]
 * </pre>
 *
 * <p>Defaults (the full run): 3 rounds; per system 4 s of JIT warm-up and on until the JIT
 * compilers are quiet (up to {@link LoopbackClient#SETTLE_LIMIT} more), then per workload 1.5 s
 * warm-up and 5 s measured; every system; {@code benchmarks/results}. {@code --quick}: 1 round, the
 * same JIT warm-up, 0.5 s warm-up and 1.75 s measured per workload.
 *
 * <p>Every server and client JVM, whatever the system, runs with the same fixed heap, touched in
 * full at start ({@link #HEAP_OPTIONS}): a heap that grows during a run of a few seconds makes the
 * first use of each new page a page fault in the measured window, a cost of the start of a JVM's
 * life that a long-running process no longer pays, and one that grows with what a system allocates.
 */
public final class Bench {
  /** The heap options of every server and client JVM. */
  static final List<String> HEAP_OPTIONS = List.of("-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch");

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
    List<RunResult> all = new ArrayList<>();
    for (int round = 1; round <= options.rounds; round++) {
      // rotate the order each round so that no system always runs first (or last) on a warm box
      List<String> order = new ArrayList<>(options.systems);
      Collections.rotate(order, -(round - 1));
      for (String system : order) {
        all.addAll(runSystem(round, system));
      }
    }
    return all;
  }

  private List<RunResult> runSystem(int round, String system)
      throws IOException, InterruptedException {
    Process server =
        new ProcessBuilder(command(LoopbackServer.class, List.of(system)))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    List<RunResult> results = new ArrayList<>();
    try {
      Ports ports = awaitPorts(server, system);
      for (RunResult r : runClient(system, ports)) {
        System.err.printf(
            "round %d %-18s %s: %,12.0f calls/s%s  B/call client %.0f server %.0f"
                + "  CPU µs/call client %.2f server %.2f  JIT ms client %d server %d%s%n",
            round,
            system,
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
        results.add(r);
      }
    } finally {
      server.getOutputStream().close();
      if (!server.waitFor(10, TimeUnit.SECONDS)) {
        server.destroyForcibly().waitFor();
      }
    }
    return results;
  }

  /** A server's two ports: the system's and its {@link MeterChannel}'s. */
  private record Ports(int system, int meter) {}

  private static Ports awaitPorts(Process server, String system) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
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

  private static int port(String line, String prefix) {
    return Integer.parseInt(line.substring(prefix.length()).trim());
  }

  /** One client JVM runs every workload, after its JIT warm-up; one result per workload. */
  /** The command line of a JVM running a main class of this harness. */
  private List<String> command(Class<?> main, List<String> args) {
    List<String> command = new ArrayList<>(List.of(java));
    command.addAll(HEAP_OPTIONS);
    command.addAll(List.of("-cp", classpath, main.getName()));
    command.addAll(args);
    return command;
  }

  private List<RunResult> runClient(String system, Ports ports)
      throws IOException, InterruptedException {
    List<String> workloads = new ArrayList<>();
    for (Workload w : Workload.values()) {
      workloads.add(w.key());
    }
    Process client =
        new ProcessBuilder(
                command(
                    LoopbackClient.class,
                    List.of(
                        system,
                        Integer.toString(ports.system()),
                        Integer.toString(ports.meter()),
                        String.join(",", workloads),
                        Long.toString(options.jitWarmupMs),
                        Long.toString(options.warmupMs),
                        Long.toString(options.durationMs))))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    client.getOutputStream().close();
    String out = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int status = client.waitFor();
    List<RunResult> results = new ArrayList<>();
    for (String line : out.strip().lines().toList()) {
      if (line.startsWith("{")) {
        results.add(RunResult.parse(line));
      }
    }
    if (status != 0 || results.size() != workloads.size()) {
      throw new IOException("client " + system + " exited with " + status + ": " + out);
    }
    return results;
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
      int rounds = 3;
      long jitWarmup = 4000;
      long warmup = 1500;
      long duration = 5000;
      List<String> systems = LoopbackSystem.NAMES;
      Path out = Path.of("benchmarks", "results");
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--quick" -> {
            rounds = 1;
            jitWarmup = 4000;
            warmup = 500;
            duration = 1750;
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
