package org.amp4j.it.session;

import static org.amp4j.it.session.Events.WAIT_SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.amp4j.Amp;
import org.amp4j.AmpCommand;
import org.amp4j.AmpServer;
import org.amp4j.Command;
import org.amp4j.Endpoint;
import org.amp4j.Peer;
import org.amp4j.PeerConfig;
import org.amp4j.Responders;
import org.amp4j.SessionLostException;
import org.amp4j.it.chaos.FaultProxy;
import org.amp4j.it.chaos.Faults;
import org.junit.jupiter.api.Test;

/**
 * Two servers, A (reached through a proxy) and B: when A's proxy goes away for longer than {@link
 * org.amp4j.SessionConfig#failoverAfter()}, the client moves to B, where its session is new. Calls
 * A never got are answered by B; a call A got but never answered fails, unless its command is
 * idempotent, in which case B answers it.
 */
class FailoverTest {

  /** Safe to run twice. */
  @AmpCommand(idempotent = true)
  record Lookup(String key) implements Command<Answer> {}

  /** Not safe to run twice. */
  record Charge(String key) implements Command<Answer> {}

  /** Which server answered. */
  record Answer(String server) {}

  /** One server's responders and the calls its handlers received, by command and key. */
  static final class Server {
    final String name;
    final boolean answers;
    final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
    final CountDownLatch gotBoth = new CountDownLatch(2);

    Server(String name, boolean answers) {
      this.name = name;
      this.answers = answers;
    }

    int count(String what) {
      AtomicInteger n = received.get(what);
      return n == null ? 0 : n.get();
    }

    Function<Peer, Responders> responders() {
      return peer ->
          Responders.builder()
              .onAsync(Lookup.class, l -> handle("Lookup " + l.key()))
              .onAsync(Charge.class, c -> handle("Charge " + c.key()))
              .build();
    }

    private CompletableFuture<Answer> handle(String what) {
      received.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
      gotBoth.countDown();
      // A takes the calls and never answers them: they are delivered but unanswered when it goes
      return answers
          ? CompletableFuture.completedFuture(new Answer(name))
          : new CompletableFuture<>();
    }
  }

  /** Two servers, A behind a proxy, and a client on A with endpoints [proxy of A, B]. */
  static final class Setup implements AutoCloseable {
    final Server a = new Server("A", false);
    final Server b = new Server("B", true);
    final Events events = new Events();
    final AmpServer serverA;
    final AmpServer serverB;
    final FaultProxy proxyA;
    final Endpoint viaProxy;
    final Endpoint toB;
    final Peer client;

    Setup() throws Exception {
      PeerConfig serverConfig = Events.peer(Events.fast(null).build());
      serverA = Amp.serve("127.0.0.1", 0, serverConfig, a.responders());
      serverB = Amp.serve("127.0.0.1", 0, serverConfig, b.responders());
      proxyA = FaultProxy.start("127.0.0.1", serverA.port(), Faults.none());
      viaProxy = new Endpoint("127.0.0.1", proxyA.port());
      toB = new Endpoint("127.0.0.1", serverB.port());
      PeerConfig clientConfig =
          Events.peer(Events.fast(events).failoverAfter(Duration.ofMillis(200)).build()).toBuilder()
              .endpoints(List.of(viaProxy, toB))
              .build();
      client = Amp.connect("127.0.0.1", proxyA.port(), clientConfig);
    }

    /**
     * Waits until A's handlers got both calls, takes A away, makes a call while the client has no
     * connection, and waits for the failover; returns that call.
     */
    CompletableFuture<Answer> failOver() throws Exception {
      assertThat(a.gotBoth.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
      String firstId = client.session().id();
      proxyA.close();
      Events.Disconnect away = events.awaitDisconnect();
      CompletableFuture<Answer> neverSent = call(client, new Charge("queued"));
      Events.Loss loss = events.awaitLoss();
      assertThat(loss.sessionId()).isEqualTo(firstId);
      assertThat(loss.replacement()).isNotNull().isNotEqualTo(firstId);
      assertThat(loss.nanos() - away.nanos())
          .isGreaterThanOrEqualTo(Duration.ofMillis(150).toNanos());
      assertThat(events.reconnectTargets).startsWith(viaProxy).endsWith(toB);
      return neverSent;
    }

    @Override
    public void close() {
      client.close();
      proxyA.close();
      serverA.close();
      serverB.close();
    }
  }

  @Test
  void endpointGone_clientFailsOverToTheNext_whereNeverSentCallsAreAnswered_andDeliveredOnesFail()
      throws Exception {
    try (Setup s = new Setup()) {
      CompletableFuture<Answer> first = call(s.client, new Charge("first"));
      CompletableFuture<Answer> second = call(s.client, new Charge("second"));
      CompletableFuture<Answer> neverSent = s.failOver();

      assertThat(neverSent.get(WAIT_SECONDS, TimeUnit.SECONDS).server()).isEqualTo("B");
      for (CompletableFuture<Answer> delivered : List.of(first, second)) {
        assertThatThrownBy(() -> delivered.get(WAIT_SECONDS, TimeUnit.SECONDS))
            .isInstanceOf(ExecutionException.class)
            .cause()
            .isInstanceOf(SessionLostException.class);
      }
      assertThat(call(s.client, new Charge("after")).get(WAIT_SECONDS, TimeUnit.SECONDS).server())
          .isEqualTo("B");
      assertThat(s.a.count("Charge first") + s.a.count("Charge second")).isEqualTo(2);
      assertThat(s.b.count("Charge first") + s.b.count("Charge second")).isZero();
      assertThat(s.b.count("Charge queued")).isEqualTo(1);
      assertThat(s.a.count("Charge queued")).isZero();
      assertThat(s.client.session().losses()).isEqualTo(1);
    }
  }

  @Test
  void endpointGone_deliveredButUnansweredIdempotentCall_isSentAgainToTheNext() throws Exception {
    try (Setup s = new Setup()) {
      CompletableFuture<Answer> idempotent = call(s.client, new Lookup("delivered"));
      CompletableFuture<Answer> notIdempotent = call(s.client, new Charge("delivered"));
      CompletableFuture<Answer> neverSent = s.failOver();

      assertThat(neverSent.get(WAIT_SECONDS, TimeUnit.SECONDS).server()).isEqualTo("B");
      assertThatThrownBy(() -> notIdempotent.get(WAIT_SECONDS, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(SessionLostException.class);
      assertThat(idempotent.get(WAIT_SECONDS, TimeUnit.SECONDS).server()).isEqualTo("B");
      assertThat(s.a.count("Lookup delivered")).isEqualTo(1);
      assertThat(s.b.count("Lookup delivered")).isEqualTo(1);
      assertThat(s.b.count("Charge delivered")).isZero();
    }
  }

  static <R> CompletableFuture<R> call(Peer peer, Command<R> command) {
    return peer.call(command).toCompletableFuture();
  }
}
