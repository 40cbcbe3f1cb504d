package org.amp4j.it.session;

import static org.amp4j.it.session.Events.WAIT_SECONDS;
import static org.amp4j.it.session.ServerRestartTest.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.amp4j.Amp;
import org.amp4j.AmpServer;
import org.amp4j.Peer;
import org.amp4j.PeerConfig;
import org.amp4j.Responders;
import org.amp4j.SessionLostException;
import org.amp4j.cli.Interop.Delay;
import org.amp4j.cli.Interop.Sum;
import org.amp4j.cli.Interop.Total;
import org.amp4j.it.chaos.FaultProxy;
import org.amp4j.it.chaos.Faults;
import org.junit.jupiter.api.Test;

/**
 * A session whose client stays away: the server drops it after {@link
 * org.amp4j.SessionConfig#expiry()}, and the client that comes back gets a new one; a client that
 * cannot come back gives up after {@link org.amp4j.SessionConfig#giveUpAfter()}.
 */
class SessionExpiryTest {

  @Test
  void clientAwayLongerThanExpiry_serverEndsTheSession_andTheClientGetsAReplacement()
      throws Exception {
    Events serverEvents = new Events();
    PeerConfig serverConfig =
        Events.peer(Events.fast(serverEvents).expiry(Duration.ofMillis(300)).build());
    List<Peer> serverPeers = new CopyOnWriteArrayList<>();
    CompletableFuture<String> delayReceived = new CompletableFuture<>();
    Events events = new Events();
    try (AmpServer server =
            Amp.serve(
                "127.0.0.1",
                0,
                serverConfig,
                peer -> {
                  serverPeers.add(peer);
                  return ServerRestartTest.responders(delayReceived).apply(peer);
                });
        Relay relay = Relay.start(server.port());
        Peer client =
            Amp.connect(
                "127.0.0.1",
                relay.port(),
                Events.peer(Events.fast(events).build()),
                peer -> sumOnly())) {
      assertThat(sum(client, 1, 2).get(WAIT_SECONDS, TimeUnit.SECONDS).total()).isEqualTo(3);
      String firstId = client.session().id();
      Peer serverPeer = serverPeers.get(0);
      CompletableFuture<Delay.Token> inFlight =
          client.call(new Delay(BigInteger.valueOf(60_000), "stuck")).toCompletableFuture();
      assertThat(delayReceived.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("stuck");

      relay.accepting(false);
      relay.cutAll();
      Events.Disconnect away = events.awaitDisconnect();
      CompletableFuture<Total> queued = sum(client, 40, 2);
      CompletableFuture<Total> serverCall =
          serverPeer.call(new Sum(BigInteger.ONE, BigInteger.TWO)).toCompletableFuture();

      // the server ends the session: its own call fails, its peer closes and is forgotten
      Events.Loss expired = serverEvents.awaitLoss();
      assertThat(expired.sessionId()).isEqualTo(firstId);
      assertThat(expired.replacement()).isNull();
      assertThat(expired.nanos() - away.nanos())
          .isGreaterThanOrEqualTo(Duration.ofMillis(250).toNanos());
      serverPeer.closeFuture().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
      assertThatThrownBy(() -> serverCall.get(WAIT_SECONDS, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(SessionLostException.class);
      Events.until(() -> !server.peers().contains(serverPeer), "the server forgets the peer");
      assertThat(events.losses).isEmpty();

      // the client comes back to a server that no longer knows its session
      relay.accepting(true);
      Events.Loss replaced = events.awaitLoss();
      assertThat(replaced.sessionId()).isEqualTo(firstId);
      assertThat(replaced.replacement()).isNotNull().isNotEqualTo(firstId);
      assertThat(queued.get(WAIT_SECONDS, TimeUnit.SECONDS).total()).isEqualTo(42);
      assertThatThrownBy(() -> inFlight.get(WAIT_SECONDS, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(SessionLostException.class);
      assertThat(client.session().id()).isEqualTo(replaced.replacement());
      assertThat(client.isOpen()).isTrue();
    }
  }

  @Test
  void noServerWithinGiveUpAfter_failsEveryOutstandingCall_andClosesThePeer() throws Exception {
    CompletableFuture<String> delayReceived = new CompletableFuture<>();
    Events events = new Events();
    PeerConfig clientConfig =
        Events.peer(Events.fast(events).giveUpAfter(Duration.ofMillis(300)).build());
    try (AmpServer server =
            Amp.serve(
                "127.0.0.1",
                0,
                Events.peer(Events.fast(null).build()),
                ServerRestartTest.responders(delayReceived));
        FaultProxy proxy = FaultProxy.start("127.0.0.1", server.port(), Faults.none());
        Peer client = Amp.connect("127.0.0.1", proxy.port(), clientConfig)) {
      assertThat(sum(client, 1, 2).get(WAIT_SECONDS, TimeUnit.SECONDS).total()).isEqualTo(3);
      String id = client.session().id();
      CompletableFuture<Delay.Token> inFlight =
          client.call(new Delay(BigInteger.valueOf(60_000), "stuck")).toCompletableFuture();
      assertThat(delayReceived.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("stuck");

      proxy.close(); // nothing listens on the client's only endpoint any more
      Events.Disconnect away = events.awaitDisconnect();
      CompletableFuture<Total> queued = sum(client, 40, 2);

      Events.Loss loss = events.awaitLoss();
      assertThat(loss.sessionId()).isEqualTo(id);
      assertThat(loss.replacement()).isNull();
      assertThat(loss.cause()).isInstanceOf(SessionLostException.class);
      assertThat(loss.nanos() - away.nanos())
          .isGreaterThanOrEqualTo(Duration.ofMillis(250).toNanos());
      for (CompletableFuture<?> call : List.of(inFlight, queued)) {
        assertThatThrownBy(() -> call.get(WAIT_SECONDS, TimeUnit.SECONDS))
            .isInstanceOf(ExecutionException.class)
            .cause()
            .isInstanceOf(SessionLostException.class);
      }
      client.closeFuture().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
      assertThat(client.isOpen()).isFalse();
      assertThat(client.session().losses()).isEqualTo(1);
      assertThatThrownBy(() -> sum(client, 1, 1).get(WAIT_SECONDS, TimeUnit.SECONDS))
          .cause()
          .isInstanceOf(SessionLostException.class);
      assertThat(events.resumes).isEmpty();
    }
  }

  static Responders sumOnly() {
    return Responders.builder().on(Sum.class, s -> new Total(s.a().add(s.b()))).build();
  }

  /**
   * A server on 127.0.0.1 answering {@link #sumOnly()}, adding each peer it makes to {@code peers}.
   */
  static AmpServer serveSumOnly(PeerConfig config, List<Peer> peers) {
    return Amp.serve(
        "127.0.0.1",
        0,
        config,
        peer -> {
          peers.add(peer);
          return sumOnly();
        });
  }
}
