package org.amp4j.bench.loopback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A few seconds of the loopback harness, so that it keeps working: every system the harness knows
 * serves in-process on 127.0.0.1 and an OS-chosen port, and the harness's own client runs every
 * workload against it briefly. Checks correctness and liveness only, never speed: some calls were
 * answered, every answer was right, heap bytes and CPU time per call were measured on both sides,
 * the result JSON is well-formed, and the server closes.
 *
 * <p>The server's {@link MeterChannel} runs in-process too, so here its figures are this whole
 * JVM's (client and server together): only their presence is checked, never their size.
 */
class HarnessSmokeTest {
  private static final Duration WARMUP = Duration.ofMillis(100);
  private static final Duration MEASURE = Duration.ofMillis(300);

  /**
   * A bounded wait, not a timing assertion: {@link LoadRun} itself waits up to 10 s for the calls
   * still in flight when it stops and counts those that never come back as errors; this only keeps
   * a hung run from hanging the build.
   */
  private static final Duration RUN_LIMIT = Duration.ofSeconds(60);

  private static final Duration CLOSE_LIMIT = Duration.ofSeconds(5);

  private static final JsonFactory JSON = new JsonFactory();

  static Stream<String> systems() {
    return LoopbackSystem.NAMES.stream();
  }

  @Test
  void systemNames_areUniqueResolveAndIncludeTheBaseline() {
    assertThat(LoopbackSystem.NAMES).doesNotHaveDuplicates().contains(LoopbackSystem.BASELINE);
    for (String name : LoopbackSystem.NAMES) {
      assertThat(LoopbackSystem.named(name)).as(name).isNotNull();
    }
  }

  @Test
  void meterChannel_answersAllThreeMetersInOneRoundTrip_andTheyOnlyGrow() throws IOException {
    try (MeterChannel.Server server = MeterChannel.serve();
        MeterChannel.Client client = MeterChannel.connect(server.port())) {
      MeterChannel.Reading first = client.ask();
      MeterChannel.Reading second = client.ask();
      assertThat(first.bytes()).as("bytes").isPositive();
      assertThat(first.cpuNanos()).as("CPU ns").isPositive();
      assertThat(second.bytes()).as("bytes").isGreaterThanOrEqualTo(first.bytes());
      assertThat(second.cpuNanos()).as("CPU ns").isGreaterThanOrEqualTo(first.cpuNanos());
      assertThat(first.compileMillis()).as("compile ms").isNotNegative();
      assertThat(second.compileMillis())
          .as("compile ms")
          .isGreaterThanOrEqualTo(first.compileMillis());
    }
  }

  @Test
  void meterChannel_closedWithoutAnAnswer_failsTheAskSayingWhich() throws IOException {
    try (ServerSocket mute = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      answerOnce(mute, null);
      try (MeterChannel.Client client = MeterChannel.connect(mute.getLocalPort())) {
        assertThatThrownBy(client::ask)
            .isInstanceOf(IOException.class)
            .hasMessageContaining("meter channel on port " + mute.getLocalPort())
            .hasMessageContaining("closed without answering");
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"123456", "123456 4710000000", "1 2 3 4", "1 2 x"})
  void meterChannel_answerNotOfThreeNumbers_failsTheAskSayingWhatWasExpected(String answer)
      throws IOException {
    try (ServerSocket old = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      answerOnce(old, answer);
      try (MeterChannel.Client client = MeterChannel.connect(old.getLocalPort())) {
        assertThatThrownBy(client::ask)
            .isInstanceOf(IOException.class)
            .hasMessageContaining("meter channel on port " + old.getLocalPort())
            .hasMessageContaining(
                "answered \""
                    + answer
                    + "\"; expected BYTES CPU_NANOS COMPILE_MILLIS, three decimal numbers");
      }
    }
  }

  /** Accepts one connection, reads its request, writes this line (none if null) and closes. */
  private static void answerOnce(ServerSocket listener, String answer) {
    new Thread(
            () -> {
              try (Socket s = listener.accept()) {
                // read the request, so that closing sends an orderly end of stream, not a reset
                new BufferedReader(
                        new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
                if (answer != null) {
                  s.getOutputStream().write((answer + "\n").getBytes(StandardCharsets.US_ASCII));
                  s.getOutputStream().flush();
                }
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            })
        .start();
  }

  @Test
  void jitWarmUp_runsItsPlannedTime_thenSlicesUntilTheCompilersAreQuietOrItsLimit()
      throws Exception {
    Duration planned = Duration.ofMillis(300);
    Duration settleLimit = Duration.ofSeconds(1);
    LoopbackSystem.Server server = LoopbackSystem.named(LoopbackSystem.BASELINE).serve();
    LoopbackClient.JitWarmup jit;
    try (MeterChannel.Server meter = MeterChannel.serve()) {
      jit =
          LoopbackClient.warmUpTheJit(
              LoopbackSystem.BASELINE,
              server.port(),
              meter.port(),
              List.of(Workload.values()),
              planned,
              settleLimit);
    } finally {
      server.close();
    }

    assertThat(jit.lastSliceCompileMillis()).as("a slice ran and was measured").isNotNegative();
    assertThat(jit.millis())
        .as(jit.toString())
        .isGreaterThanOrEqualTo(planned.plus(LoopbackClient.SETTLE_SLICE).toMillis());
    if (jit.quiet()) {
      assertThat(jit.lastSliceCompileMillis()).isLessThan(LoopbackClient.QUIET_COMPILE.toMillis());
      assertThat(jit.toString()).endsWith("then the compilers were quiet");
    } else {
      // busy to the end: it went on for its whole limit
      assertThat(jit.millis())
          .as(jit.toString())
          .isGreaterThanOrEqualTo(planned.plus(settleLimit).toMillis());
      assertThat(jit.toString()).contains("compilers still busy");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("systems")
  void everySystem_answersEveryWorkloadCorrectly_andItsServerClosesCleanly(String system)
      throws Throwable {
    LoopbackSystem.Server server = LoopbackSystem.named(system).serve();
    int port = server.port();
    List<RunResult> results = new ArrayList<>();
    try (MeterChannel.Server meter = MeterChannel.serve()) {
      assertThat(port).as("port").isBetween(1, 65535);
      for (Workload w : Workload.values()) {
        results.add(runAndCheck(system, port, meter.port(), w));
      }
    } catch (Throwable t) {
      try {
        server.close();
      } catch (RuntimeException e) {
        t.addSuppressed(e);
      }
      throw t;
    }

    assertTimeoutPreemptively(CLOSE_LIMIT, server::close, system + " server did not close");
    assertNotListening(system, port);

    checkReport(system, results);
  }

  /**
   * Checks that nothing accepts connections on a port of 127.0.0.1 any more. The connecting socket
   * is bound first, to a port other than that one: a socket whose own port is the one it connects
   * to connects to itself (TCP simultaneous open), which a closed port on Linux allows.
   */
  private static void assertNotListening(String system, int port) throws IOException {
    for (int attempt = 0; attempt < 10; attempt++) {
      try (Socket s = new Socket()) {
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        if (s.getLocalPort() == port) {
          continue;
        }
        assertThatThrownBy(() -> s.connect(new InetSocketAddress("127.0.0.1", port)))
            .as("%s still accepts connections on %d after close", system, port)
            .isInstanceOf(ConnectException.class);
        return;
      }
    }
    throw new AssertionError("no local port other than " + port + " in 10 tries");
  }

  /** One workload with the harness's client code, as {@code LoopbackClient} runs it. */
  private static RunResult runAndCheck(String system, int port, int meterPort, Workload w)
      throws IOException {
    RunResult r =
        assertTimeoutPreemptively(
            RUN_LIMIT,
            () -> LoadRun.run(system, port, meterPort, w, WARMUP, MEASURE),
            () -> system + " " + w.key() + " did not finish; calls lost in flight?");
    String where = system + " " + w.key();
    assertThat(r.system()).as(where).isEqualTo(system);
    assertThat(r.workload()).as(where).isEqualTo(w.key());
    assertThat(r.calls()).as(where + ": calls answered").isPositive();
    assertThat(r.errors()).as(where + ": calls failed or answered wrongly").isZero();
    assertThat(r.seconds()).as(where).isPositive();
    if (w == Workload.A) {
      assertThat(r.p50Micros()).as(where + ": p50").isNotNegative();
      assertThat(r.p99Micros()).as(where + ": p99").isGreaterThanOrEqualTo(r.p50Micros());
    } else {
      assertThat(r.p50Micros()).as(where + ": latency is measured on workload a only").isNegative();
    }
    assertThat(r.clientBytesPerCall()).as(where + ": client bytes per call").isPositive();
    assertThat(r.serverBytesPerCall()).as(where + ": server bytes per call").isPositive();
    assertThat(r.clientCpuMicrosPerCall()).as(where + ": client CPU µs per call").isPositive();
    assertThat(r.serverCpuMicrosPerCall()).as(where + ": server CPU µs per call").isPositive();

    String line = r.toJson();
    Map<String, Object> json = object(parse(line));
    assertThat(json)
        .as(line)
        .containsOnlyKeys(
            "system",
            "workload",
            "calls",
            "seconds",
            "callsPerSecond",
            "errors",
            "p50Micros",
            "p99Micros",
            "clientBytes",
            "serverBytes",
            "clientBytesPerCall",
            "serverBytesPerCall",
            "clientCpuNanos",
            "serverCpuNanos",
            "clientCpuMicrosPerCall",
            "serverCpuMicrosPerCall",
            "clientCompileMillis",
            "serverCompileMillis")
        .containsEntry("system", system)
        .containsEntry("workload", w.key())
        .containsEntry("calls", r.calls())
        .containsEntry("errors", 0L)
        .containsEntry("clientBytes", r.clientBytes())
        .containsEntry("serverBytes", r.serverBytes())
        .containsEntry("clientCpuNanos", r.clientCpuNanos())
        .containsEntry("serverCpuNanos", r.serverCpuNanos())
        .containsEntry("clientCompileMillis", r.clientCompileMillis())
        .containsEntry("serverCompileMillis", r.serverCompileMillis());
    for (String key :
        List.of(
            "clientBytesPerCall",
            "serverBytesPerCall",
            "clientCpuMicrosPerCall",
            "serverCpuMicrosPerCall")) {
      assertThat(positive(json, key)).as(key + " in " + line).isTrue();
    }
    RunResult back = RunResult.parse(line);
    assertThat(back.system()).isEqualTo(system);
    assertThat(back.workload()).isEqualTo(w.key());
    assertThat(back.calls()).isEqualTo(r.calls());
    assertThat(back.errors()).isZero();
    assertThat(back.clientBytes()).isEqualTo(r.clientBytes());
    assertThat(back.serverBytes()).isEqualTo(r.serverBytes());
    assertThat(back.clientCpuNanos()).isEqualTo(r.clientCpuNanos());
    assertThat(back.serverCpuNanos()).isEqualTo(r.serverCpuNanos());
    assertThat(r.clientCompileMillis()).isNotNegative();
    assertThat(r.serverCompileMillis()).isNotNegative();
    assertThat(back.clientCompileMillis()).isEqualTo(r.clientCompileMillis());
    assertThat(back.serverCompileMillis()).isEqualTo(r.serverCompileMillis());
    return r;
  }

  /** What {@code Bench} writes from these runs: {@code results.json} and the summary line. */
  private static void checkReport(String system, List<RunResult> results) throws IOException {
    Bench.Options options =
        new Bench.Options(
            1, 0, WARMUP.toMillis(), MEASURE.toMillis(), List.of(system), Path.of("unused"));
    Report report = new Report(options, results);

    String text = report.json();
    Map<String, Object> json = object(parse(text));
    assertThat(json)
        .as(text)
        .containsOnlyKeys("generated", "machine", "method", "workloads", "systems");
    assertThat(object(json.get("workloads"))).containsOnlyKeys("a", "b", "c");
    Map<String, Object> systems = object(json.get("systems"));
    assertThat(systems).as(text).containsOnlyKeys(system);
    Map<String, Object> bySystem = object(systems.get(system));
    assertThat(bySystem).as(text).containsOnlyKeys("a", "b", "c");
    for (Object workload : bySystem.values()) {
      assertThat(object(workload))
          .as(text)
          .containsKeys(
              "callsPerSecond",
              "ratioToBaseline",
              "clientBytesPerCall",
              "serverBytesPerCall",
              "clientCpuMicrosPerCall",
              "serverCpuMicrosPerCall",
              "cpuMicrosPerCall",
              "errors",
              "rounds")
          .containsEntry("errors", 0L);
      for (String key :
          List.of(
              "clientBytesPerCall",
              "serverBytesPerCall",
              "clientCpuMicrosPerCall",
              "serverCpuMicrosPerCall",
              "cpuMicrosPerCall")) {
        assertThat(positive(object(workload), key)).as(key + " in " + text).isTrue();
      }
      assertThat(object(workload).get("rounds")).asInstanceOf(LIST).hasSize(1);
    }

    String table = report.table();
    assertThat(table)
        .contains("heap bytes allocated per call")
        .contains("CPU µs per call in the measured window, client and server JVM; medians")
        .contains(" c: total |");

    String summary = report.summaryLine();
    Map<String, Object> bySummary = object(parse(summary));
    assertThat(bySummary).as(summary).containsOnlyKeys("a", "b", "c");
    for (Object workload : bySummary.values()) {
      assertThat(object(workload)).as(summary).containsOnlyKeys(system);
    }
  }

  @Test
  void bench_keepsEachSystemsJvms_andMeasuresEveryRound_windowByWindow(@TempDir Path out)
      throws Throwable {
    List<String> systems = List.of("amp4j-amp", RawNettySystem.NAME);
    int rounds = 2;
    assertTimeoutPreemptively(
        Duration.ofSeconds(120),
        () ->
            Bench.main(
                new String[] {
                  "--systems",
                  String.join(",", systems),
                  "--rounds",
                  Integer.toString(rounds),
                  "--jit-warmup-ms",
                  "0",
                  "--warmup-ms",
                  "50",
                  "--duration-ms",
                  "100",
                  "--out",
                  out.toString()
                }),
        "Bench did not finish");

    String text = Files.readString(out.resolve("results.json"));
    Map<String, Object> bySystem = object(object(parse(text)).get("systems"));
    assertThat(bySystem).as(text).containsOnlyKeys(systems);
    for (String system : systems) {
      Map<String, Object> byWorkload = object(bySystem.get(system));
      assertThat(byWorkload).as(text).containsOnlyKeys("a", "b", "c");
      for (Object workload : byWorkload.values()) {
        assertThat(object(workload)).as(text).containsEntry("errors", 0L);
        assertThat(object(workload).get("rounds")).asInstanceOf(LIST).hasSize(rounds);
        assertThat(positive(object(workload), "callsPerSecond")).as(text).isTrue();
      }
    }
    assertThat(Files.readString(out.resolve("chart.svg"))).startsWith("<svg");
  }

  @Test
  void pairedRatios_areMediansOfTheRoundsRatios_notRatiosOfTheMedians() throws IOException {
    // calls per second by round: the machine is slow in round 2 for every system
    double[] raw = {1000, 400, 1000};
    double[] amp = {800, 360, 800};
    double[] session = {760, 300, 720};
    List<RunResult> runs = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      runs.add(calls(LoopbackSystem.BASELINE, raw[round]));
      runs.add(calls(Report.SESSIONS_OFF, amp[round]));
      runs.add(calls(Report.SESSIONS_ON, session[round]));
    }
    Bench.Options options =
        new Bench.Options(
            3,
            0,
            1,
            1,
            List.of(LoopbackSystem.BASELINE, Report.SESSIONS_OFF, Report.SESSIONS_ON),
            Path.of("unused"));
    Report report = new Report(options, runs);

    // per round 0.8, 0.9, 0.8 and 0.95, 0.833, 0.9: medians 0.8 and 0.9
    assertThat(report.pairedRatio(Report.SESSIONS_OFF, Workload.B, LoopbackSystem.BASELINE))
        .isCloseTo(0.8, within(1e-9));
    assertThat(report.pairedRatio(Report.SESSIONS_ON, Workload.B, Report.SESSIONS_OFF))
        .isCloseTo(0.9, within(1e-9));
    assertThat(report.ratio(Report.SESSIONS_OFF, Workload.B)).isCloseTo(0.8, within(1e-9));
    assertThat(report.pairedRatio(Report.SESSIONS_OFF, Workload.A, LoopbackSystem.BASELINE))
        .as("a workload no system ran")
        .isNaN();
    assertThat(report.table())
        .contains("| amp4j-amp         |        |   0.80 |        |")
        .contains("| sessions on / off |        |   0.90 |        |");
    Map<String, Object> json = object(parse(report.json()));
    assertThat(object(json.get("sessionsOnOverOff"))).containsEntry("b", 0.9);
    assertThat(object(object(object(json.get("systems")).get(Report.SESSIONS_OFF)).get("b")))
        .containsEntry("pairedRatioToBaseline", 0.8);
  }

  /** One round of workload b in which a system answered this many calls in one second. */
  private static RunResult calls(String system, double perSecond) {
    return new RunResult(system, "b", (long) perSecond, 1.0, 0, -1, -1, 1, 1, 1, 1, 0, 0);
  }

  @Test
  void window_isOneLineOfWorkloadWarmupAndDuration() {
    LoopbackClient.Window w =
        new LoopbackClient.Window(Workload.B, Duration.ofMillis(200), Duration.ofMillis(400));
    assertThat(w.line()).isEqualTo("b 200 400");
    assertThat(LoopbackClient.Window.parse(w.line())).isEqualTo(w);
    assertThat(LoopbackClient.Window.parse("  c   5 7 "))
        .isEqualTo(
            new LoopbackClient.Window(Workload.C, Duration.ofMillis(5), Duration.ofMillis(7)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "b 200", "b 200 400 9", "b two 400"})
  void window_notThreeWords_orNotNumbers_isRefusedSayingWhatWasExpected(String line) {
    assertThatThrownBy(() -> LoopbackClient.Window.parse(line))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected WORKLOAD WARMUP_MS DURATION_MS");
  }

  @Test
  void window_ofAnUnknownWorkload_isRefused() {
    assertThatThrownBy(() -> LoopbackClient.Window.parse("d 200 400"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown workload d");
  }

  /** Whether a JSON object has a number under this key, and it is above zero. */
  private static boolean positive(Map<String, Object> json, String key) {
    return json.get(key) instanceof Number n && n.doubleValue() > 0;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object value) {
    assertThat(value).isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }

  /** Strict JSON to maps, lists, strings, longs and doubles; fails on anything malformed. */
  private static Object parse(String text) throws IOException {
    try (JsonParser p = JSON.createParser(text)) {
      p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
      Object value = read(p, p.nextToken());
      assertThat(p.nextToken()).as("after the value in " + text).isNull();
      return value;
    }
  }

  private static Object read(JsonParser p, JsonToken token) throws IOException {
    if (token == null) {
      throw new IOException("no JSON value");
    }
    return switch (token) {
      case START_OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          map.put(key, read(p, p.nextToken()));
        }
        yield map;
      }
      case START_ARRAY -> {
        List<Object> list = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
          list.add(read(p, t));
        }
        yield list;
      }
      case VALUE_STRING -> p.getText();
      case VALUE_NUMBER_INT -> p.getLongValue();
      case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
      case VALUE_TRUE, VALUE_FALSE -> p.getBooleanValue();
      case VALUE_NULL -> null;
      default -> throw new IOException("unexpected " + token);
    };
  }
}
