package org.amp4j.it.session;

import static org.amp4j.it.session.Events.WAIT_SECONDS;
import static org.amp4j.it.session.ServerRestartTest.sum;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.amp4j.Amp;
import org.amp4j.AmpServer;
import org.amp4j.Peer;
import org.amp4j.PeerConfig;
import org.amp4j.SessionStats;
import org.amp4j.cli.Interop.Total;
import org.junit.jupiter.api.Test;

/**
 * A session resumed on a new connection while the server still holds the old one open (the client
 * saw the old one go half-open; the server, without heartbeats, did not): the new connection wins,
 * the server closes the old one, and calls go on.
 */
class DuplicateReattachTest {

  @Test
  void resumeWhileTheOldConnectionIsOpen_newConnectionWins_andTheOldOneIsClosed() throws Exception {
    Events events = new Events();
    Events serverEvents = new Events();
    // the server never probes, so it keeps the half-open connection until the client is back
    PeerConfig serverConfig =
        Events.peer(Events.fast(serverEvents).heartbeatInterval(Duration.ZERO).build());
    PeerConfig clientConfig =
        Events.peer(
            Events.fast(events)
                .heartbeatInterval(Duration.ofMillis(50))
                .heartbeatTimeout(Duration.ofMillis(200))
                .build());
    List<Peer> serverPeers = new CopyOnWriteArrayList<>();
    try (AmpServer server = SessionExpiryTest.serveSumOnly(serverConfig, serverPeers);
        Relay relay = Relay.start(server.port());
        Peer client = Amp.connect("127.0.0.1", relay.port(), clientConfig)) {
      assertThat(sum(client, 1, 2).get(WAIT_SECONDS, TimeUnit.SECONDS).total()).isEqualTo(3);
      String id = client.session().id();
      Peer serverPeer = serverPeers.get(0);
      Relay.Link old = relay.links().get(0);

      old.freeze();
      CompletableFuture<Total> acrossTheSwitch = sum(client, 40, 2);
      Events.Resume resume = events.awaitResume();
      assertThat(resume.sessionId()).isEqualTo(id);

      // the server put the session on the new connection and closed the old one itself
      assertThat(serverEvents.awaitResume().sessionId()).isEqualTo(id);
      old.closedByTarget.get(WAIT_SECONDS, TimeUnit.SECONDS);
      assertThat(relay.links()).hasSize(2);
      assertThat(relay.links().get(1).closedByTarget).isNotDone();
      SessionStats onServer = serverPeer.session();
      assertThat(onServer.id()).isEqualTo(id);
      assertThat(onServer.resumes()).isEqualTo(1);
      assertThat(onServer.disconnects()).isZero(); // it never saw the old connection drop
      assertThat(serverEvents.disconnects).isEmpty();
      assertThat(onServer.connected()).isTrue();
      assertThat(serverPeer.isOpen()).isTrue();

      assertThat(acrossTheSwitch.get(WAIT_SECONDS, TimeUnit.SECONDS).total()).isEqualTo(42);
      assertThat(sum(client, 5, 5).get(WAIT_SECONDS, TimeUnit.SECONDS).total()).isEqualTo(10);
      assertThat(client.session().heartbeatTimeouts()).isEqualTo(1);
      assertThat(client.session().resumes()).isEqualTo(1);
      assertThat(events.losses).isEmpty();
    }
  }
}
