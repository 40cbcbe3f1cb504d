package org.amp4j.bench.loopback;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Medians over the rounds, as text tables (calls/s and latency; ratios within each round; heap
 * bytes allocated per call; CPU time per call), {@code results.json} and the summary line.
 */
final class Report {
  /** The systems whose ratio is the cost of sessions: amp with sessions on, and off. */
  static final String SESSIONS_ON = "amp4j-amp-session";

  static final String SESSIONS_OFF = "amp4j-amp";

  private final Bench.Options options;
  private final List<RunResult> runs;
  private final Map<String, Map<Workload, Median>> medians = new LinkedHashMap<>();

  /**
   * Medians of one system on one workload, and every round's calls/s. {@code cpuMicrosPerCall} is
   * the median of each round's client and server CPU together, not the sum of the two medians.
   */
  record Median(
      double callsPerSecond,
      double p50Micros,
      double p99Micros,
      double clientBytesPerCall,
      double serverBytesPerCall,
      double clientCpuMicrosPerCall,
      double serverCpuMicrosPerCall,
      double cpuMicrosPerCall,
      long errors,
      List<Double> rounds) {}

  Report(Bench.Options options, List<RunResult> runs) {
    this.options = options;
    this.runs = List.copyOf(runs);
    for (String system : LoopbackSystem.NAMES) {
      if (!options.systems().contains(system)) {
        continue;
      }
      Map<Workload, Median> bySystem = new LinkedHashMap<>();
      for (Workload w : Workload.values()) {
        List<RunResult> rs =
            runs.stream()
                .filter(r -> r.system().equals(system) && r.workload().equals(w.key()))
                .toList();
        if (!rs.isEmpty()) {
          bySystem.put(
              w,
              new Median(
                  median(rs, RunResult::callsPerSecond),
                  median(rs, RunResult::p50Micros),
                  median(rs, RunResult::p99Micros),
                  median(rs, RunResult::clientBytesPerCall),
                  median(rs, RunResult::serverBytesPerCall),
                  median(rs, RunResult::clientCpuMicrosPerCall),
                  median(rs, RunResult::serverCpuMicrosPerCall),
                  median(rs, RunResult::cpuMicrosPerCall),
                  rs.stream().mapToLong(RunResult::errors).sum(),
                  rs.stream().map(RunResult::callsPerSecond).toList()));
        }
      }
      medians.put(system, bySystem);
    }
  }

  Map<String, Map<Workload, Median>> medians() {
    return medians;
  }

  /** This system's calls/s over the baseline's on a workload; NaN without a baseline. */
  double ratio(String system, Workload w) {
    Median base = medians.getOrDefault(LoopbackSystem.BASELINE, Map.of()).get(w);
    Median m = medians.get(system).get(w);
    return base == null || m == null ? Double.NaN : m.callsPerSecond() / base.callsPerSecond();
  }

  /**
   * The median over the rounds of this system's calls/s over another's in the same round: a paired
   * comparison, in which what the machine did in one round (its speed drifts over minutes) weighs
   * on both sides; NaN unless both ran every round.
   */
  double pairedRatio(String system, Workload w, String against) {
    Median m = medians.getOrDefault(system, Map.of()).get(w);
    Median base = medians.getOrDefault(against, Map.of()).get(w);
    if (m == null || base == null || m.rounds().size() != base.rounds().size()) {
      return Double.NaN;
    }
    double[] ratios = new double[m.rounds().size()];
    for (int i = 0; i < ratios.length; i++) {
      ratios[i] = m.rounds().get(i) / base.rounds().get(i);
    }
    return median(ratios);
  }

  private static double median(List<RunResult> runs, ToDoubleFunction<RunResult> value) {
    return median(runs.stream().mapToDouble(value).toArray());
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  String table() {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "per system %d ms JIT warm-up and on until the compilers are quiet; then %d"
                + " round(s), the systems in turn on each workload, %d ms warm-up + %d ms"
                + " measured each; medians; (x) = ratio to %s%n",
            options.jitWarmupMs(),
            options.rounds(),
            options.warmupMs(),
            options.durationMs(),
            LoopbackSystem.BASELINE));
    sb.append(
        String.format(
            Locale.ROOT,
            "| %-17s | %-19s | %8s | %8s | %-19s | %-19s |%n",
            "system",
            "a: calls/s (x)",
            "a: p50 µs",
            "a: p99 µs",
            "b: calls/s (x)",
            "c: calls/s (x)"));
    sb.append("|-------------------|---------------------|-----------|-----------|")
        .append("---------------------|---------------------|\n");
    for (Map.Entry<String, Map<Workload, Median>> e : medians.entrySet()) {
      String s = e.getKey();
      Median a = e.getValue().get(Workload.A);
      sb.append(
          String.format(
              Locale.ROOT,
              "| %-17s | %-19s | %9s | %9s | %-19s | %-19s |%n",
              s,
              cell(s, Workload.A),
              a == null ? "" : String.format(Locale.ROOT, "%.0f", a.p50Micros()),
              a == null ? "" : String.format(Locale.ROOT, "%.0f", a.p99Micros()),
              cell(s, Workload.B),
              cell(s, Workload.C)));
    }
    appendPaired(sb);
    appendAllocation(sb);
    appendCpu(sb);
    long errors = runs.stream().mapToLong(RunResult::errors).sum();
    if (errors > 0) {
      sb.append("failed or wrong calls in all runs: ").append(errors).append('\n');
    }
    return sb.toString();
  }

  /**
   * The second table: each system's calls/s over the baseline's in the same round, and sessions on
   * over off, as medians of the rounds' ratios.
   */
  private void appendPaired(StringBuilder sb) {
    sb.append("\nratios in the same round, medians over the rounds: calls/s over ")
        .append(LoopbackSystem.BASELINE)
        .append("'s; sessions: ")
        .append(SESSIONS_ON)
        .append(" over ")
        .append(SESSIONS_OFF)
        .append("'s\n");
    sb.append(String.format(Locale.ROOT, "| %-17s | %6s | %6s | %6s |%n", "system", "a", "b", "c"));
    sb.append("|-------------------|--------|--------|--------|\n");
    for (String system : medians.keySet()) {
      appendRatios(sb, system, system, LoopbackSystem.BASELINE);
    }
    if (medians.containsKey(SESSIONS_ON) && medians.containsKey(SESSIONS_OFF)) {
      appendRatios(sb, "sessions on / off", SESSIONS_ON, SESSIONS_OFF);
    }
  }

  private void appendRatios(StringBuilder sb, String label, String system, String against) {
    sb.append(String.format(Locale.ROOT, "| %-17s |", label));
    for (Workload w : Workload.values()) {
      double r = pairedRatio(system, w, against);
      sb.append(
          String.format(
              Locale.ROOT, " %6s |", Double.isNaN(r) ? "" : String.format(Locale.ROOT, "%.2f", r)));
    }
    sb.append('\n');
  }

  /** The third table: client and server heap bytes per call by workload. */
  private void appendAllocation(StringBuilder sb) {
    sb.append("\nheap bytes allocated per call in the measured window, client and server JVM;")
        .append(" medians\n");
    sb.append(
        String.format(
            Locale.ROOT,
            "| %-17s | %9s | %9s | %9s | %9s | %9s | %9s |%n",
            "system",
            "a: client",
            "a: server",
            "b: client",
            "b: server",
            "c: client",
            "c: server"));
    sb.append("|-------------------|-----------|-----------|-----------|-----------|")
        .append("-----------|-----------|\n");
    for (Map.Entry<String, Map<Workload, Median>> e : medians.entrySet()) {
      sb.append(String.format(Locale.ROOT, "| %-17s |", e.getKey()));
      for (Workload w : Workload.values()) {
        Median m = e.getValue().get(w);
        sb.append(numberCell(m, Median::clientBytesPerCall, "%,.0f"))
            .append(numberCell(m, Median::serverBytesPerCall, "%,.0f"));
      }
      sb.append('\n');
    }
  }

  /**
   * The fourth table: client and server CPU µs per call by workload, and the two together. Less
   * sensitive than calls/s to what else the machine runs at the time.
   */
  private void appendCpu(StringBuilder sb) {
    sb.append("\nCPU µs per call in the measured window, client and server JVM; medians")
        .append(" (total: client + server)\n");
    sb.append(String.format(Locale.ROOT, "| %-17s |", "system"));
    for (Workload w : Workload.values()) {
      for (String side : List.of("client", "server", "total")) {
        sb.append(String.format(Locale.ROOT, " %9s |", w.key() + ": " + side));
      }
    }
    sb.append("\n|-------------------|");
    sb.append("-----------|".repeat(3 * Workload.values().length)).append('\n');
    for (Map.Entry<String, Map<Workload, Median>> e : medians.entrySet()) {
      sb.append(String.format(Locale.ROOT, "| %-17s |", e.getKey()));
      for (Workload w : Workload.values()) {
        Median m = e.getValue().get(w);
        sb.append(numberCell(m, Median::clientCpuMicrosPerCall, "%.2f"))
            .append(numberCell(m, Median::serverCpuMicrosPerCall, "%.2f"))
            .append(numberCell(m, Median::cpuMicrosPerCall, "%.2f"));
      }
      sb.append('\n');
    }
  }

  private String cell(String system, Workload w) {
    Median m = medians.get(system).get(w);
    if (m == null) {
      return "";
    }
    return String.format(Locale.ROOT, "%,.0f (%.2f)", m.callsPerSecond(), ratio(system, w));
  }

  private static String numberCell(Median m, ToDoubleFunction<Median> perCall, String format) {
    return String.format(
        Locale.ROOT,
        " %9s |",
        m == null ? "" : String.format(Locale.ROOT, format, perCall.applyAsDouble(m)));
  }

  /** The last stdout line: calls/s by workload, then system. */
  String summaryLine() {
    StringBuilder sb = new StringBuilder("{");
    for (Workload w : Workload.values()) {
      if (w != Workload.A) {
        sb.append(',');
      }
      sb.append('"').append(w.key()).append("\":{");
      sb.append(
          medians.entrySet().stream()
              .filter(e -> e.getValue().containsKey(w))
              .map(
                  e ->
                      String.format(
                          Locale.ROOT,
                          "\"%s\":%.0f",
                          e.getKey(),
                          e.getValue().get(w).callsPerSecond()))
              .collect(Collectors.joining(",")));
      sb.append('}');
    }
    return sb.append('}').toString();
  }

  String json() {
    StringBuilder sb = new StringBuilder("{\n");
    sb.append("  \"generated\": \"").append(Instant.now()).append("\",\n");
    sb.append("  \"machine\": {")
        .append(String.format(Locale.ROOT, "\"processors\": %d, ", cpus()))
        .append("\"java\": \"")
        .append(System.getProperty("java.vm.name"))
        .append(' ')
        .append(System.getProperty("java.runtime.version"))
        .append("\", \"os\": \"")
        .append(System.getProperty("os.name"))
        .append(' ')
        .append(System.getProperty("os.arch"))
        .append("\"},\n");
    sb.append(
        String.format(
            Locale.ROOT,
            "  \"method\": {\"rounds\": %d, \"jitWarmupMs\": %d, \"warmupMs\": %d,"
                + " \"durationMs\": %d, \"baseline\": \"%s\","
                + " \"statistic\": \"median over rounds\"},%n",
            options.rounds(),
            options.jitWarmupMs(),
            options.warmupMs(),
            options.durationMs(),
            LoopbackSystem.BASELINE));
    sb.append("  \"workloads\": {");
    sb.append(
        Arrays.stream(Workload.values())
            .map(w -> "\"" + w.key() + "\": \"" + w.description + "\"")
            .collect(Collectors.joining(", ")));
    sb.append("},\n  \"systems\": {\n");
    List<String> systems = new ArrayList<>();
    for (Map.Entry<String, Map<Workload, Median>> e : medians.entrySet()) {
      List<String> ws = new ArrayList<>();
      for (Map.Entry<Workload, Median> we : e.getValue().entrySet()) {
        Median m = we.getValue();
        String latency =
            m.p50Micros() >= 0
                ? String.format(
                    Locale.ROOT,
                    ", \"p50Micros\": %.1f, \"p99Micros\": %.1f",
                    m.p50Micros(),
                    m.p99Micros())
                : "";
        ws.add(
            String.format(
                Locale.ROOT,
                "      \"%s\": {\"callsPerSecond\": %.1f, \"ratioToBaseline\": %s,"
                    + " \"pairedRatioToBaseline\": %s%s, "
                    + "\"clientBytesPerCall\": %.1f, \"serverBytesPerCall\": %.1f, "
                    + "\"clientCpuMicrosPerCall\": %.3f, \"serverCpuMicrosPerCall\": %.3f, "
                    + "\"cpuMicrosPerCall\": %.3f, \"errors\": %d, \"rounds\": %s}",
                we.getKey().key(),
                m.callsPerSecond(),
                number(ratio(e.getKey(), we.getKey())),
                number(pairedRatio(e.getKey(), we.getKey(), LoopbackSystem.BASELINE)),
                latency,
                m.clientBytesPerCall(),
                m.serverBytesPerCall(),
                m.clientCpuMicrosPerCall(),
                m.serverCpuMicrosPerCall(),
                m.cpuMicrosPerCall(),
                m.errors(),
                m.rounds().stream()
                    .map(r -> String.format(Locale.ROOT, "%.1f", r))
                    .collect(Collectors.joining(", ", "[", "]"))));
      }
      systems.add("    \"" + e.getKey() + "\": {\n" + String.join(",\n", ws) + "\n    }");
    }
    sb.append(String.join(",\n", systems)).append("\n  }");
    if (medians.containsKey(SESSIONS_ON) && medians.containsKey(SESSIONS_OFF)) {
      sb.append(",\n  \"sessionsOnOverOff\": {")
          .append(
              Arrays.stream(Workload.values())
                  .map(
                      w ->
                          "\""
                              + w.key()
                              + "\": "
                              + number(pairedRatio(SESSIONS_ON, w, SESSIONS_OFF)))
                  .collect(Collectors.joining(", ")))
          .append('}');
    }
    sb.append("\n}\n");
    return sb.toString();
  }

  private static String number(double d) {
    return Double.isNaN(d) ? "null" : String.format(Locale.ROOT, "%.3f", d);
  }

  private static int cpus() {
    return Runtime.getRuntime().availableProcessors();
  }
}
