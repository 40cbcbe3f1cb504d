package org.amp4j.it.session;

import static org.amp4j.it.session.Events.WAIT_SECONDS;
import static org.amp4j.it.session.ServerRestartTest.sum;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.amp4j.Amp;
import org.amp4j.AmpServer;
import org.amp4j.Peer;
import org.amp4j.PeerConfig;
import org.amp4j.SessionConfig;
import org.amp4j.cli.Interop.Total;
import org.junit.jupiter.api.Test;

/**
 * A connection that goes half-open (nothing gets through, nothing is closed) is found dead by the
 * heartbeats within about {@link SessionConfig#heartbeatTimeout()}, and the session resumes on a
 * new one.
 */
class HeartbeatTest {
  static final Duration INTERVAL = Duration.ofMillis(50);
  static final Duration TIMEOUT = Duration.ofMillis(200);

  @Test
  void halfOpenConnection_isDetectedByHeartbeats_andTheSessionResumes() throws Exception {
    Events events = new Events();
    SessionConfig heartbeats =
        Events.fast(null).heartbeatInterval(INTERVAL).heartbeatTimeout(TIMEOUT).build();
    PeerConfig serverConfig = Events.peer(heartbeats);
    PeerConfig clientConfig = Events.peer(heartbeats.toBuilder().listener(events).build());
    List<Peer> serverPeers = new CopyOnWriteArrayList<>();
    try (AmpServer server = SessionExpiryTest.serveSumOnly(serverConfig, serverPeers);
        Relay relay = Relay.start(server.port());
        Peer client = Amp.connect("127.0.0.1", relay.port(), clientConfig)) {
      assertThat(sum(client, 1, 2).get(WAIT_SECONDS, TimeUnit.SECONDS).total()).isEqualTo(3);
      String id = client.session().id();

      long frozenAt = System.nanoTime();
      relay.freezeAll();
      // written into the dead connection: it must be sent again after the resume
      var lostInTheVoid = sum(client, 40, 2);

      Events.Disconnect dead = events.awaitDisconnect();
      long detection = dead.nanos() - frozenAt;
      // silence is noticed only after about a timeout (the last byte heard may predate the
      // freeze by up to a beat); how soon after is not asserted, a loaded machine may be slow
      assertThat(detection).isGreaterThanOrEqualTo(TIMEOUT.dividedBy(2).toNanos());
      assertThat(client.session().heartbeatTimeouts()).isGreaterThanOrEqualTo(1);
      assertThat(relay.links().get(0).frozen()).isTrue();

      Events.Resume resume = events.awaitResume();
      assertThat(resume.sessionId()).isEqualTo(id);
      assertThat(resume.replayed()).isGreaterThanOrEqualTo(1);
      Total answer = lostInTheVoid.get(WAIT_SECONDS, TimeUnit.SECONDS);
      assertThat(answer.total()).isEqualTo(42);
      assertThat(sum(client, 5, 5).get(WAIT_SECONDS, TimeUnit.SECONDS).total()).isEqualTo(10);
      assertThat(client.session().id()).isEqualTo(id);
      assertThat(client.session().losses()).isZero();
      assertThat(client.session().resumes()).isEqualTo(1);
      assertThat(events.losses).isEmpty();
      assertThat(relay.links()).hasSize(2);
      // the server's side of the dead connection timed out too, or was taken over by the new one
      assertThat(serverPeers.get(0).session().resumes()).isEqualTo(1);
    }
  }
}
