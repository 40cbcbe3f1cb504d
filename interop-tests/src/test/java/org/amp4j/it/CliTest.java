package org.amp4j.it;

import static org.amp4j.it.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.amp4j.Amp;
import org.amp4j.AmpServer;
import org.amp4j.PeerConfig;
import org.amp4j.cli.InteropResponders;
import org.amp4j.it.CliRun.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code amp4j} command line: tour, call (against amp4j and Twisted), load and serve; {@code
 * demo} has its own {@link DemoTest}.
 */
class CliTest {

  @Test
  void tour_runsTheScriptedConversation() {
    Run r = run("tour");
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out())
        .contains("Sum(13, 81) -> total=94")
        .contains("ZeroDivision: division by zero (code ZERO_DIVISION)")
        .contains("answers arrived: fast, slow")
        .contains("GetNotifications -> [first, second]")
        .contains("AskBack(20, 22) -> total=42")
        .contains("tour finished");
  }

  @Test
  void call_printsAnswerAsJson_againstAmp4jServer() throws Exception {
    try (AmpServer server =
        Amp.serve("127.0.0.1", 0, PeerConfig.DEFAULTS, InteropResponders::forPeer)) {
      String target = "127.0.0.1:" + server.port();
      Run r = run("call", "--verbose", "--connect", target, "Sum", "a:integer=1", "b:integer=2");
      assertThat(r.exit()).as(r.err()).isZero();
      // JSON by default between amp4j peers: the untyped answer prints as a JSON number
      assertThat(r.out().strip()).isEqualTo("{\"total\":3}");
      assertThat(r.err()).contains("codec json");

      Run typed =
          run(
              "call",
              "--connect",
              target,
              "--response",
              "int_list:list-integer,float:float",
              "Echo",
              "int_list:list-integer=1,-2,18446744073709551617",
              "float:float=-0.0");
      assertThat(typed.exit()).as(typed.err()).isZero();
      assertThat(typed.out().strip())
          .isEqualTo("{\"float\":-0.0,\"int_list\":[1,-2,18446744073709551617]}");

      assertDeclaredErrorExits3(target);

      Run unknown = run("call", "--connect", target, "Nope");
      assertThat(unknown.exit()).isEqualTo(3);
      assertThat(unknown.err().strip()).isEqualTo("ERROR UNHANDLED: Unhandled Command: b'Nope'");

      Run bad = run("call", "--connect", target, "Sum", "a:int=1");
      assertThat(bad.exit()).isEqualTo(64);
      assertThat(bad.err()).contains("unknown type 'int'");
    }
  }

  @Test
  void load_countsEveryCall_andTheSharedCounterAgrees() throws Exception {
    try (AmpServer server =
        Amp.serve("127.0.0.1", 0, PeerConfig.DEFAULTS, InteropResponders.sharingCounters())) {
      String target = "127.0.0.1:" + server.port();
      Run r =
          run(
              "load",
              "--connect",
              target,
              "--calls",
              "500",
              "--concurrency",
              "16",
              "Increment",
              "counter:unicode=c",
              "by:integer=1");
      assertThat(r.exit()).as(r.err()).isZero();
      JsonNode tally = r.lastLine();
      assertThat(tally.get("calls").asInt()).isEqualTo(500);
      assertThat(tally.get("ok").asInt()).isEqualTo(500);
      assertThat(tally.get("failed").asInt()).isZero();
      assertThat(tally.get("errors").size()).isZero();
      assertThat(tally.get("p99_us").asLong()).isGreaterThanOrEqualTo(tally.get("p50_us").asLong());
      assertThat(tally.has("calls_per_second")).isTrue();
      assertThat(tally.has("reconnects")).isTrue();
      // a second connection sees the same counter
      Run get = run("call", "--connect", target, "GetCounter", "counter:unicode=c");
      assertThat(get.out().strip()).isEqualTo("{\"value\":500}");
    }
  }

  @Test
  void load_tallysErrorsByCode_andExits1() throws Exception {
    try (AmpServer server =
        Amp.serve("127.0.0.1", 0, PeerConfig.DEFAULTS, InteropResponders::forPeer)) {
      Run r =
          run(
              "load",
              "--connect",
              "127.0.0.1:" + server.port(),
              "--calls",
              "20",
              "--concurrency",
              "4",
              "Divide",
              "numerator:integer=1",
              "denominator:integer=0");
      assertThat(r.exit()).isEqualTo(1);
      JsonNode tally = new ObjectMapper().readTree(r.out().strip());
      assertThat(tally.get("failed").asInt()).isEqualTo(20);
      assertThat(tally.get("errors").get("ZERO_DIVISION").asInt()).isEqualTo(20);
    }
  }

  @Test
  void unknownCodec_failsAtStart_withTheAvailableOnes() {
    Run r = run("call", "--codec", "nope", "--connect", "127.0.0.1:1", "Noop");
    assertThat(r.exit()).isEqualTo(64);
    assertThat(r.err()).contains("unknown codec 'nope'; available: amp, cbor, json, msgpack");
    Run demo = run("demo", "--codec", "xml");
    assertThat(demo.exit()).isEqualTo(64);
    assertThat(demo.err()).contains("unknown codec 'xml'");
  }

  @Test
  void call_takesCodecAndEndpointFromAConfigFile(@TempDir Path dir) throws Exception {
    // a server with the default configuration accepts every codec on the class path
    try (AmpServer server =
        Amp.serve("127.0.0.1", 0, PeerConfig.DEFAULTS, InteropResponders::forPeer)) {
      Path yaml = dir.resolve("amp4j.yaml");
      Files.writeString(
          yaml, "codecs: [msgpack]\nendpoints: [\"127.0.0.1:" + server.port() + "\"]\n");
      Run r =
          run(
              "call",
              "--config",
              yaml.toString(),
              "--verbose",
              "Sum",
              "a:integer=4",
              "b:integer=5");
      assertThat(r.exit()).as(r.err()).isZero();
      assertThat(r.out().strip()).isEqualTo("{\"total\":9}");
      assertThat(r.err()).contains("codec msgpack");
      Run overridden =
          run("call", "--config", yaml.toString(), "--codec", "cbor", "--verbose", "Noop");
      assertThat(overridden.exit()).as(overridden.err()).isZero();
      assertThat(overridden.err()).contains("codec cbor");
    }
  }

  /**
   * The check: {@code serve --codec X} and {@code call --codec X} agree, for each codec.
   */
  @ParameterizedTest
  @ValueSource(strings = {"amp", "json", "msgpack", "cbor"})
  void serveScript_andCall_agreeOnEachCodec(String codec) throws Exception {
    Process serve = startServeScript("--codec", codec);
    try {
      int port = listeningPort(serve);
      Run r =
          run(
              "call",
              "--codec",
              codec,
              "--verbose",
              "--connect",
              "127.0.0.1:" + port,
              "Sum",
              "a:integer=1",
              "b:integer=2");
      assertThat(r.exit()).as(r.err()).isZero();
      // AMP carries no types, so an untyped answer prints as text there
      assertThat(r.out().strip())
          .isEqualTo(codec.equals("amp") ? "{\"total\":\"3\"}" : "{\"total\":3}");
      assertThat(r.err()).contains("codec " + codec);
    } finally {
      stop(serve);
    }
  }

  private static void assertDeclaredErrorExits3(String target) {
    Run error =
        run("call", "--connect", target, "Divide", "numerator:integer=1", "denominator:integer=0");
    assertThat(error.exit()).isEqualTo(3);
    assertThat(error.err().strip()).isEqualTo("ERROR ZERO_DIVISION: division by zero");
  }

  @Test
  void call_connectionRefused_exits2() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Run r = run("call", "--connect", "127.0.0.1:" + port, "Noop");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("cannot connect");
  }

  @Test
  void call_againstTwistedServer_printsAnswers() throws Exception {
    try (Twisted.Server twisted = Twisted.serve()) {
      String target = "127.0.0.1:" + twisted.port;
      Run r =
          run(
              "call",
              "--codec",
              "json",
              "--verbose",
              "--connect",
              target,
              "Sum",
              "a:integer=18446744073709551617",
              "b:integer=1");
      assertThat(r.exit()).as(r.err()).isZero();
      assertThat(r.out().strip()).isEqualTo("{\"total\":\"18446744073709551618\"}");
      // Twisted answers the hello UNHANDLED: the connection stays plain AMP
      assertThat(r.err()).contains("codec amp");
      Run echo =
          run(
              "call",
              "--connect",
              target,
              "Echo",
              "unicode:unicode=é😀",
              "decimal:decimal=-0.00",
              "datetime:datetime=2012-01-23T12:34:56.054321+05:30",
              "string:string=00ff",
              "boolean:boolean=true",
              "text_list:list-unicode=a,b");
      assertThat(echo.exit()).as(echo.err()).isZero();
      JsonNode j = new ObjectMapper().readTree(echo.out());
      assertThat(j.get("unicode").asText()).isEqualTo("é😀");
      assertThat(j.get("decimal").asText()).isEqualTo("-0.00");
      assertThat(j.get("datetime").asText()).isEqualTo("2012-01-23T12:34:56.054321+05:30");
      assertThat(j.get("boolean").asText()).isEqualTo("True");
      assertDeclaredErrorExits3(target);
    }
  }

  /** A server configured for JSON still serves a plain AMP client that sends no hello. */
  @Test
  void serveScriptWithJson_answersTwistedClient() throws Exception {
    Twisted.require();
    Process serve = startServeScript("--codec", "json");
    try {
      Twisted.Result r = Twisted.client(listeningPort(serve));
      assertThat(r.stdout()).contains("\"failed\": 0");
      assertThat(r.exitCode()).isZero();
    } finally {
      stop(serve);
    }
  }

  private static Process startServeScript(String... options) throws Exception {
    File root = new File(System.getProperty("user.dir")).getParentFile();
    java.util.List<String> cmd =
        new java.util.ArrayList<>(
            java.util.List.of(new File(root, "amp4j").getPath(), "serve", "--port", "0"));
    cmd.addAll(java.util.List.of(options));
    return new ProcessBuilder(cmd)
        .directory(root)
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
  }

  private static int listeningPort(Process serve) throws Exception {
    String line = Twisted.firstLine(serve, 120);
    assertThat(line).startsWith("listening on 127.0.0.1:");
    return Integer.parseInt(line.substring(line.lastIndexOf(':') + 1));
  }

  private static void stop(Process serve) throws InterruptedException {
    serve.destroy();
    assertThat(serve.waitFor(20, TimeUnit.SECONDS)).isTrue();
  }
}
