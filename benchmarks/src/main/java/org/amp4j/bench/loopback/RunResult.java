package org.amp4j.bench.loopback;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one client run measured, as one flat JSON line.
 *
 * @param system the system's name
 * @param workload the workload's key
 * @param calls calls answered in the measured window
 * @param seconds the measured window
 * @param errors calls failed or answered wrongly (whole run)
 * @param p50Micros median latency, µs; negative when not measured (workloads b and c)
 * @param p99Micros 99th percentile latency, µs; negative when not measured
 * @param clientBytes heap bytes the client JVM allocated in the measured window ({@link
 *     AllocatedBytes})
 * @param serverBytes heap bytes the server JVM allocated in the measured window, as the client
 *     asked it over its {@link MeterChannel}
 * @param clientCpuNanos CPU time the client JVM process used in the measured window, all its
 *     threads, JIT compiler and GC threads included ({@link ProcessCpuTime})
 * @param serverCpuNanos CPU time the server JVM process used in the measured window, as the client
 *     asked it over its {@link MeterChannel}
 * @param clientCompileMillis time the client JVM's JIT compilers spent in the measured window
 *     ({@link CompileTime}): more than a few ms means the window measured compilation too
 * @param serverCompileMillis the same for the server JVM, asked over its {@link MeterChannel}
 */
record RunResult(
    String system,
    String workload,
    long calls,
    double seconds,
    long errors,
    double p50Micros,
    double p99Micros,
    long clientBytes,
    long serverBytes,
    long clientCpuNanos,
    long serverCpuNanos,
    long clientCompileMillis,
    long serverCompileMillis) {

  private static final Pattern FIELD =
      Pattern.compile("\"(\\w+)\"\\s*:\\s*(\"([^\"]*)\"|[-+0-9.eE]+)");

  double callsPerSecond() {
    return calls / seconds;
  }

  /** Client heap bytes per call answered in the window; negative when no call was. */
  double clientBytesPerCall() {
    return perCall(clientBytes);
  }

  /** Server heap bytes per call answered in the window; negative when no call was. */
  double serverBytesPerCall() {
    return perCall(serverBytes);
  }

  /** Client CPU µs per call answered in the window; negative when no call was. */
  double clientCpuMicrosPerCall() {
    return perCall(clientCpuNanos) / 1000;
  }

  /** Server CPU µs per call answered in the window; negative when no call was. */
  double serverCpuMicrosPerCall() {
    return perCall(serverCpuNanos) / 1000;
  }

  /** Client and server CPU µs per call together; negative when no call was answered. */
  double cpuMicrosPerCall() {
    return perCall(clientCpuNanos + serverCpuNanos) / 1000;
  }

  private double perCall(long total) {
    return calls == 0 ? -1 : (double) total / calls;
  }

  String toJson() {
    return String.format(
        Locale.ROOT,
        "{\"system\":\"%s\",\"workload\":\"%s\",\"calls\":%d,\"seconds\":%.3f,"
            + "\"callsPerSecond\":%.1f,\"errors\":%d,\"p50Micros\":%.1f,\"p99Micros\":%.1f,"
            + "\"clientBytes\":%d,\"serverBytes\":%d,"
            + "\"clientBytesPerCall\":%.1f,\"serverBytesPerCall\":%.1f,"
            + "\"clientCpuNanos\":%d,\"serverCpuNanos\":%d,"
            + "\"clientCpuMicrosPerCall\":%.3f,\"serverCpuMicrosPerCall\":%.3f,"
            + "\"clientCompileMillis\":%d,\"serverCompileMillis\":%d}",
        system,
        workload,
        calls,
        seconds,
        callsPerSecond(),
        errors,
        p50Micros,
        p99Micros,
        clientBytes,
        serverBytes,
        clientBytesPerCall(),
        serverBytesPerCall(),
        clientCpuNanos,
        serverCpuNanos,
        clientCpuMicrosPerCall(),
        serverCpuMicrosPerCall(),
        clientCompileMillis,
        serverCompileMillis);
  }

  /** Parses a line written by {@link #toJson()}. */
  static RunResult parse(String line) {
    String system = null;
    String workload = null;
    long calls = -1;
    double seconds = -1;
    long errors = 0;
    double p50 = -1;
    double p99 = -1;
    long clientBytes = -1;
    long serverBytes = -1;
    long clientCpuNanos = -1;
    long serverCpuNanos = -1;
    long clientCompileMillis = -1;
    long serverCompileMillis = -1;
    Matcher m = FIELD.matcher(line);
    while (m.find()) {
      String v = m.group(3) != null ? m.group(3) : m.group(2);
      switch (m.group(1)) {
        case "system" -> system = v;
        case "workload" -> workload = v;
        case "calls" -> calls = Long.parseLong(v);
        case "seconds" -> seconds = Double.parseDouble(v);
        case "errors" -> errors = Long.parseLong(v);
        case "p50Micros" -> p50 = Double.parseDouble(v);
        case "p99Micros" -> p99 = Double.parseDouble(v);
        case "clientBytes" -> clientBytes = Long.parseLong(v);
        case "serverBytes" -> serverBytes = Long.parseLong(v);
        case "clientCpuNanos" -> clientCpuNanos = Long.parseLong(v);
        case "serverCpuNanos" -> serverCpuNanos = Long.parseLong(v);
        case "clientCompileMillis" -> clientCompileMillis = Long.parseLong(v);
        case "serverCompileMillis" -> serverCompileMillis = Long.parseLong(v);
        default -> {}
      }
    }
    if (system == null
        || workload == null
        || calls < 0
        || seconds <= 0
        || clientBytes < 0
        || serverBytes < 0
        || clientCpuNanos < 0
        || serverCpuNanos < 0
        || clientCompileMillis < 0
        || serverCompileMillis < 0) {
      throw new IllegalArgumentException("not a client result line: " + line);
    }
    return new RunResult(
        system,
        workload,
        calls,
        seconds,
        errors,
        p50,
        p99,
        clientBytes,
        serverBytes,
        clientCpuNanos,
        serverCpuNanos,
        clientCompileMillis,
        serverCompileMillis);
  }
}
