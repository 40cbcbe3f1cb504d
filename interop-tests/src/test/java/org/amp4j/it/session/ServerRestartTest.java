package org.amp4j.it.session;

import static org.amp4j.it.session.Events.WAIT_SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.amp4j.Amp;
import org.amp4j.AmpException;
import org.amp4j.AmpServer;
import org.amp4j.Peer;
import org.amp4j.PeerConfig;
import org.amp4j.Responders;
import org.amp4j.SessionLostException;
import org.amp4j.SessionStats;
import org.amp4j.cli.Interop.Delay;
import org.amp4j.cli.Interop.Sum;
import org.amp4j.cli.Interop.Total;
import org.junit.jupiter.api.Test;

/**
 * A server closes and a new one binds the same port: the client's session is unknown there, so it
 * is replaced. A call the old server had received fails with {@link SessionLostException}; a call
 * made while no server was there goes out on the new session and is answered.
 */
class ServerRestartTest {
  static final PeerConfig SERVER = Events.peer(Events.fast(null).build());

  @Test
  void restartedServer_failsTheCallInFlight_andAnswersTheCallQueuedMeanwhile() throws Exception {
    Events events = new Events();
    CompletableFuture<String> delayReceived = new CompletableFuture<>();
    AmpServer first = Amp.serve("127.0.0.1", 0, SERVER, responders(delayReceived));
    int port = first.port();
    AmpServer second = null;
    try (Peer client = Amp.connect("127.0.0.1", port, Events.peer(Events.fast(events).build()))) {
      assertThat(sum(client, 1, 2).get(WAIT_SECONDS, TimeUnit.SECONDS).total()).isEqualTo(3);
      String firstId = client.session().id();
      CompletableFuture<Delay.Token> inFlight =
          client.call(new Delay(BigInteger.valueOf(2000), "slow")).toCompletableFuture();
      assertThat(delayReceived.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("slow");

      first.close();
      events.awaitDisconnect();
      CompletableFuture<Total> queued = sum(client, 40, 2);
      second = serveWithRetry(port, responders(new CompletableFuture<>()));

      Events.Loss loss = events.awaitLoss();
      assertThat(loss.sessionId()).isEqualTo(firstId);
      assertThat(loss.replacement()).isNotNull().isNotEqualTo(firstId);
      assertThat(loss.cause()).isInstanceOf(SessionLostException.class);
      assertThat(queued.get(WAIT_SECONDS, TimeUnit.SECONDS).total()).isEqualTo(42);
      assertThatThrownBy(() -> inFlight.get(WAIT_SECONDS, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(SessionLostException.class);
      assertThat(sum(client, 5, 5).get(WAIT_SECONDS, TimeUnit.SECONDS).total()).isEqualTo(10);
      SessionStats stats = client.session();
      assertThat(stats.id()).isEqualTo(loss.replacement());
      assertThat(stats.losses()).isEqualTo(1);
      assertThat(client.isOpen()).isTrue();
    } finally {
      first.close();
      if (second != null) {
        second.close();
      }
    }
  }

  /** Sum, and a Delay that reports each token it receives before answering after its delay. */
  static Function<Peer, Responders> responders(CompletableFuture<String> delayReceived) {
    return peer ->
        Responders.builder()
            .on(Sum.class, s -> new Total(s.a().add(s.b())))
            .onAsync(
                Delay.class,
                d -> {
                  delayReceived.complete(d.token());
                  return CompletableFuture.supplyAsync(
                      () -> new Delay.Token(d.token()),
                      CompletableFuture.delayedExecutor(
                          d.millis().longValue(), TimeUnit.MILLISECONDS));
                })
            .build();
  }

  /** Serves on a port just freed, trying again for a while if it is still taken. */
  static AmpServer serveWithRetry(int port, Function<Peer, Responders> responders)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (true) {
      try {
        return Amp.serve("127.0.0.1", port, SERVER, responders);
      } catch (AmpException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(20); // back off between bind attempts; not synchronising with anything
      }
    }
  }

  static CompletableFuture<Total> sum(Peer peer, long a, long b) {
    return peer.call(new Sum(BigInteger.valueOf(a), BigInteger.valueOf(b))).toCompletableFuture();
  }
}
