package org.amp4j.it.session;

import static org.amp4j.it.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.amp4j.Amp;
import org.amp4j.AmpServer;
import org.amp4j.PeerConfig;
import org.amp4j.SessionConfig;
import org.amp4j.cli.InteropResponders;
import org.amp4j.it.CliRun.Run;
import org.amp4j.it.chaos.FaultProxy;
import org.amp4j.it.chaos.Faults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line through a proxy that cuts every connection 50–300 ms after it opens: with its
 * default session, {@code amp4j load} has every call answered exactly once and counts the resumes;
 * with {@code --no-session} the calls after a cut fail. Also which configurations turn the command
 * line's session off.
 *
 * <p>The size of the first run is set with {@code -Damp4j.it.chaosCalls} (default 20,000) and
 * {@code -Damp4j.it.chaosConcurrency} (default 32); {@code scripts/chaos} runs it at scale. It
 * prints lines starting with {@code chaos } on stdout: the tally, the final counter and the proxy's
 * counts.
 */
class LoadThroughProxyTest {
  static final int CALLS = Integer.getInteger("amp4j.it.chaosCalls", 20_000);
  static final int CONCURRENCY = Integer.getInteger("amp4j.it.chaosConcurrency", 32);
  static final PeerConfig SESSIONS =
      PeerConfig.builder().session(SessionConfig.builder().enabled(true).build()).build();

  @Test
  void load_throughCuts_answersEveryCallOnce_andCountsTheReconnects() throws Exception {
    Faults faults = Faults.builder().seed(42).cuts(50, 300).midChunkCuts(0.5).build();
    try (AmpServer server =
            Amp.serve("127.0.0.1", 0, SESSIONS, InteropResponders.sharingCounters());
        FaultProxy proxy = FaultProxy.start("127.0.0.1", server.port(), faults)) {
      String target = "127.0.0.1:" + proxy.port();
      Run load = load(target, CALLS, CONCURRENCY);
      System.out.println("chaos tally: " + load.out().strip());
      JsonNode tally = load.lastLine();
      assertThat(load.exit()).as(load.out() + load.err()).isZero();
      assertThat(tally.get("calls").asLong()).isEqualTo(CALLS);
      assertThat(tally.get("ok").asLong()).isEqualTo(CALLS);
      assertThat(tally.get("failed").asLong()).isZero();
      assertThat(tally.get("reconnects").asLong()).isPositive();

      // through the same cuts: a call with a session of its own
      Run get = run("call", "--connect", target, "GetCounter", "counter:unicode=c");
      System.out.println("chaos counter: " + get.out().strip());
      System.out.println("chaos proxy: " + proxy.stats());
      assertThat(get.exit()).as(get.err()).isZero();
      assertThat(get.out().strip()).isEqualTo("{\"value\":" + CALLS + "}");
      assertThat(proxy.stats().cuts()).isPositive();
    }
  }

  @Test
  void load_withNoSession_throughCuts_failsTheCallsAfterACut_andExits1() throws Exception {
    // without a session nothing retries the handshake: give it 200 ms, and warm up first
    Faults faults = Faults.builder().seed(42).cuts(200, 300).build();
    try (AmpServer server =
            Amp.serve("127.0.0.1", 0, SESSIONS, InteropResponders.sharingCounters());
        FaultProxy proxy = FaultProxy.start("127.0.0.1", server.port(), faults)) {
      String direct = "127.0.0.1:" + server.port();
      assertThat(run("call", "--no-session", "--connect", direct, "Noop").exit()).isZero();
      // far more calls than fit in the first connection's 200–300 ms
      Run load = run(loadArgs("127.0.0.1:" + proxy.port(), 200_000, 32, "--no-session"));
      JsonNode tally = load.lastLine();
      assertThat(load.exit()).as(load.out() + load.err()).isEqualTo(1);
      assertThat(tally.get("failed").asLong()).isPositive();
      assertThat(tally.get("ok").asLong() + tally.get("failed").asLong()).isEqualTo(200_000);
      assertThat(tally.get("errors").get("ConnectionLostException").asLong()).isPositive();
      assertThat(tally.get("reconnects").asLong()).isZero();
    }
  }

  @Test
  void commandLine_usesASession_unlessTheConfigurationOrNoSessionSaysNot(@TempDir Path dir)
      throws Exception {
    Path off = Files.writeString(dir.resolve("off.yaml"), "session:\n  enabled: false\n");
    Path other = Files.writeString(dir.resolve("other.yaml"), "callTimeout: 5s\n");
    Path on = Files.writeString(dir.resolve("on.properties"), "session.enabled=true\n");
    try (AmpServer server =
        Amp.serve("127.0.0.1", 0, SESSIONS, InteropResponders.sharingCounters())) {
      String target = "127.0.0.1:" + server.port();
      assertThat(verboseCall(target).err()).contains(", session ");
      assertThat(verboseCall(target, "--config", other.toString()).err()).contains(", session ");
      assertThat(verboseCall(target, "--config", off.toString()).err()).contains(", no session");
      assertThat(verboseCall(target, "--config", on.toString(), "--no-session").err())
          .contains(", no session");
    }
  }

  private static Run verboseCall(String target, String... options) {
    List<String> args = new ArrayList<>(List.of("call", "--verbose", "--connect", target));
    args.addAll(List.of(options));
    args.add("Noop");
    Run r = run(args.toArray(String[]::new));
    assertThat(r.exit()).as(r.err()).isZero();
    return r;
  }

  private static Run load(String target, int calls, int concurrency) {
    return run(loadArgs(target, calls, concurrency));
  }

  private static String[] loadArgs(String target, int calls, int concurrency, String... more) {
    List<String> args = new ArrayList<>(List.of("load"));
    args.addAll(List.of(more));
    args.addAll(
        List.of(
            "--connect",
            target,
            "--calls",
            Integer.toString(calls),
            "--concurrency",
            Integer.toString(concurrency),
            "Increment",
            "counter:unicode=c",
            "by:integer=1"));
    return args.toArray(String[]::new);
  }
}
