package org.amp4j.it.session;

import static org.amp4j.it.session.Events.WAIT_SECONDS;
import static org.amp4j.it.session.ServerRestartTest.sum;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.amp4j.Amp;
import org.amp4j.AmpServer;
import org.amp4j.Peer;
import org.amp4j.PeerConfig;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Sessions need both sides: with a peer that does not grant or ask for one (an amp4j peer with
 * sessions off, or Twisted), the connection is a plain one and calls work as without sessions.
 */
class PlainPeersTest {
  static final String PYTHON = System.getProperty("amp4j.python", "/usr/bin/python3");
  static final String SCRIPT =
      System.getProperty("amp4j.twistedPeer", "src/test/python/twisted_peer.py");

  /** Every session timer short, to show that none of them runs on a plain connection. */
  static PeerConfig withSessions(Events events) {
    return Events.peer(
        Events.fast(events)
            .heartbeatInterval(Duration.ofMillis(20))
            .heartbeatTimeout(Duration.ofMillis(50))
            .build());
  }

  @Test
  void sessionClient_againstServerWithoutSessions_hasNoSession_andCallsWork() throws Exception {
    Events events = new Events();
    try (AmpServer server =
            Amp.serve("127.0.0.1", 0, PeerConfig.DEFAULTS, p -> SessionExpiryTest.sumOnly());
        Peer client = Amp.connect("127.0.0.1", server.port(), withSessions(events))) {
      assertThat(client.session()).isNull();
      assertThat(sum(client, 1, 2).get(WAIT_SECONDS, TimeUnit.SECONDS).total()).isEqualTo(3);
      assertThat(server.peers()).singleElement().satisfies(p -> assertThat(p.session()).isNull());
      assertThat(events.disconnects).isEmpty();
    }
  }

  @Test
  void clientWithoutSessions_againstSessionServer_hasNoSession_andCallsWork() throws Exception {
    try (AmpServer server =
            Amp.serve("127.0.0.1", 0, withSessions(null), p -> SessionExpiryTest.sumOnly());
        Peer client = Amp.connect("127.0.0.1", server.port(), PeerConfig.DEFAULTS)) {
      assertThat(client.session()).isNull();
      assertThat(sum(client, 1, 2).get(WAIT_SECONDS, TimeUnit.SECONDS).total()).isEqualTo(3);
      assertThat(server.peers()).singleElement().satisfies(p -> assertThat(p.session()).isNull());
    }
  }

  @Test
  void sessionClient_againstTwisted_speaksPlainAmp() throws Exception {
    Process twisted = startTwisted();
    try {
      int port = listeningPort(twisted);
      Events events = new Events();
      try (Peer client = Amp.connect("127.0.0.1", port, withSessions(events))) {
        assertThat(client.session()).isNull();
        assertThat(client.codec()).isEqualTo("amp");
        assertThat(sum(client, 40, 2).get(WAIT_SECONDS, TimeUnit.SECONDS).total()).isEqualTo(42);
        assertThat(sum(client, 1, 1).get(WAIT_SECONDS, TimeUnit.SECONDS).total()).isEqualTo(2);
        assertThat(client.isOpen()).isTrue();
        assertThat(events.disconnects).isEmpty();
      }
    } finally {
      twisted.getOutputStream().close(); // the peer exits at end of input
      if (!twisted.waitFor(10, TimeUnit.SECONDS)) {
        twisted.destroyForcibly();
      }
    }
  }

  /**
   * Starts twisted_peer.py serve, as org.amp4j.it.Twisted does: skipped without Twisted, except
   * under CI, where that fails.
   */
  static Process startTwisted() throws Exception {
    boolean available = false;
    if (new File(PYTHON).canExecute()) {
      Process probe = new ProcessBuilder(PYTHON, "-c", "import twisted.protocols.amp").start();
      available = probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0;
    }
    if (!available) {
      String msg = "Twisted session interop SKIPPED: " + PYTHON + " cannot import twisted";
      if (System.getenv("CI") != null) {
        throw new AssertionError("Twisted is required in CI: " + msg);
      }
      Assumptions.abort(msg);
    }
    return new ProcessBuilder(PYTHON, SCRIPT, "serve", "--port", "0", "--host", "127.0.0.1")
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
  }

  static int listeningPort(Process p) throws Exception {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String first =
        CompletableFuture.supplyAsync(
                () -> {
                  try {
                    return out.readLine();
                  } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                  }
                })
            .get(60, TimeUnit.SECONDS);
    assertThat(first).as("first line of the Twisted server").startsWith("listening on ");
    return Integer.parseInt(first.substring(first.lastIndexOf(':') + 1).trim());
  }
}
