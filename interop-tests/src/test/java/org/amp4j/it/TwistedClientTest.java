package org.amp4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.amp4j.Amp;
import org.amp4j.AmpServer;
import org.amp4j.PeerConfig;
import org.amp4j.cli.InteropResponders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A real Twisted AMP client (twisted_peer.py client) runs its whole conformance conversation
 * against the amp4j server: every type, errors, pipelining, out-of-order answers, server-initiated
 * calls and malformed input on raw sockets.
 */
class TwistedClientTest {

  /**
   * The server prefers a non-AMP codec; a plain AMP client sends no hello, so the server stays AMP
   * with it.
   */
  @ParameterizedTest
  @ValueSource(strings = {"json", "msgpack"})
  void twistedClient_passesEveryCheck_againstAmp4jServer(String codec) throws Exception {
    Twisted.require();
    PeerConfig config = PeerConfig.builder().codec(codec).build();
    try (AmpServer server = Amp.serve("127.0.0.1", 0, config, InteropResponders::forPeer)) {
      Twisted.Result r = Twisted.client(server.port());
      String[] lines = r.stdout().strip().split("\n");
      JsonNode summary = new ObjectMapper().readTree(lines[lines.length - 1]);
      assertThat(summary.get("failures").toString()).isEqualTo("[]");
      assertThat(summary.get("failed").asInt()).isZero();
      assertThat(summary.get("passed").asInt()).isGreaterThan(50);
      assertThat(r.exitCode()).isZero();
    }
  }

  /** The peer's checks hold against Twisted itself (its client against its own server). */
  @Test
  void twistedClient_passesEveryCheck_againstTwistedServer() throws Exception {
    Twisted.require();
    java.io.File script = new java.io.File(Twisted.SCRIPT);
    Process p =
        new ProcessBuilder(Twisted.PYTHON, "selftest.py")
            .directory(script.getAbsoluteFile().getParentFile())
            .redirectErrorStream(true)
            .start();
    java.util.concurrent.CompletableFuture<String> out =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> {
              try {
                return new String(
                    p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    assertThat(p.waitFor(180, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    String text = out.get(10, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(text).contains("SELFTEST PASSED");
    assertThat(p.exitValue()).as(text).isZero();
  }
}
