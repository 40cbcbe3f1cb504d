package org.amp4j.it.session;

import static org.amp4j.it.session.Events.WAIT_SECONDS;
import static org.amp4j.it.session.ServerRestartTest.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.amp4j.Amp;
import org.amp4j.AmpServer;
import org.amp4j.CallTimeoutException;
import org.amp4j.LimitExceededException;
import org.amp4j.Peer;
import org.amp4j.SessionConfig;
import org.amp4j.SessionConfig.Overflow;
import org.amp4j.cli.Interop.Sum;
import org.amp4j.cli.Interop.Total;
import org.junit.jupiter.api.Test;

/**
 * Calls made while the session has no connection queue up to {@link
 * SessionConfig#maxQueuedCalls()}; past it, {@link Overflow#FAIL} fails the call at once and {@link
 * Overflow#WAIT} waits for room, which comes when the connection is back and the queued calls are
 * acknowledged.
 */
class OverflowTest {
  static final int MAX = 2;

  /** A server behind a relay, and a client through it whose session queue holds {@link #MAX}. */
  static final class Setup implements AutoCloseable {
    final Events events = new Events();
    final AmpServer server;
    final Relay relay;
    final Peer client;

    Setup(Overflow overflow, Duration overflowWait) throws Exception {
      server =
          Amp.serve(
              "127.0.0.1",
              0,
              Events.peer(Events.fast(null).build()),
              p -> SessionExpiryTest.sumOnly());
      relay = Relay.start(server.port());
      SessionConfig session =
          Events.fast(events)
              .maxQueuedCalls(MAX)
              .overflow(overflow)
              .overflowWait(overflowWait)
              .build();
      client = Amp.connect("127.0.0.1", relay.port(), Events.peer(session));
    }

    /** Takes the connection away and keeps it away; returns {@link #MAX} calls queued after. */
    List<CompletableFuture<Total>> disconnectAndFill() throws Exception {
      assertThat(sum(client, 1, 2).get(WAIT_SECONDS, TimeUnit.SECONDS).total()).isEqualTo(3);
      relay.accepting(false);
      relay.cutAll();
      events.awaitDisconnect();
      return List.of(sum(client, 10, 1), sum(client, 10, 2));
    }

    void reconnectAndCheck(List<CompletableFuture<Total>> queued) throws Exception {
      relay.accepting(true);
      assertThat(queued.get(0).get(WAIT_SECONDS, TimeUnit.SECONDS).total()).isEqualTo(11);
      assertThat(queued.get(1).get(WAIT_SECONDS, TimeUnit.SECONDS).total()).isEqualTo(12);
      assertThat(client.session().resumes()).isEqualTo(1);
      assertThat(events.losses).isEmpty();
    }

    @Override
    public void close() {
      client.close();
      relay.close();
      server.close();
    }
  }

  @Test
  void fail_queueFullWhileDisconnected_failsTheCallAtOnce() throws Exception {
    try (Setup s = new Setup(Overflow.FAIL, Duration.ofSeconds(30))) {
      List<CompletableFuture<Total>> queued = s.disconnectAndFill();
      CompletableFuture<Total> over = sum(s.client, 10, 3);
      // failed before the call returned: no waiting
      assertThat(over).isCompletedExceptionally();
      assertThatThrownBy(over::get).cause().isInstanceOf(LimitExceededException.class);
      assertThat(queued).noneMatch(CompletableFuture::isDone);

      s.reconnectAndCheck(queued);
      assertThat(sum(s.client, 10, 4).get(WAIT_SECONDS, TimeUnit.SECONDS).total()).isEqualTo(14);
    }
  }

  @Test
  void callTimeout_stillAppliesWhileTheCallIsQueued() throws Exception {
    try (Setup s = new Setup(Overflow.FAIL, Duration.ofSeconds(30))) {
      assertThat(sum(s.client, 1, 2).get(WAIT_SECONDS, TimeUnit.SECONDS).total()).isEqualTo(3);
      s.relay.accepting(false);
      s.relay.cutAll();
      s.events.awaitDisconnect();
      CompletableFuture<Total> timed =
          s.client
              .call(new Sum(BigInteger.ONE, BigInteger.ONE), Duration.ofMillis(100))
              .toCompletableFuture();
      assertThatThrownBy(() -> timed.get(WAIT_SECONDS, TimeUnit.SECONDS))
          .cause()
          .isInstanceOf(CallTimeoutException.class);
      CompletableFuture<Total> later = sum(s.client, 10, 1);
      s.relay.accepting(true);
      assertThat(later.get(WAIT_SECONDS, TimeUnit.SECONDS).total()).isEqualTo(11);
    }
  }

  @Test
  void wait_queueStaysFull_failsTheCallAfterOverflowWait() throws Exception {
    Duration wait = Duration.ofMillis(300);
    try (Setup s = new Setup(Overflow.WAIT, wait)) {
      List<CompletableFuture<Total>> queued = s.disconnectAndFill();
      long before = System.nanoTime();
      CompletableFuture<Total> over = sum(s.client, 10, 3);
      assertThat(System.nanoTime() - before).isGreaterThanOrEqualTo(wait.toNanos());
      assertThatThrownBy(() -> over.get(WAIT_SECONDS, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(LimitExceededException.class);

      s.reconnectAndCheck(queued);
    }
  }

  @Test
  void wait_roomFreedByTheReconnect_letsTheWaitingCallThrough() throws Exception {
    try (Setup s = new Setup(Overflow.WAIT, Duration.ofSeconds(WAIT_SECONDS))) {
      List<CompletableFuture<Total>> queued = s.disconnectAndFill();
      CompletableFuture<CompletableFuture<Total>> over = new CompletableFuture<>();
      Thread caller = new Thread(() -> over.complete(sum(s.client, 10, 3)), "overflow-caller");
      caller.start();
      Events.until(
          () -> caller.getState() == Thread.State.TIMED_WAITING, "the caller waits for room");
      assertThat(over).isNotDone();

      s.reconnectAndCheck(queued);
      CompletableFuture<Total> third = over.get(WAIT_SECONDS, TimeUnit.SECONDS);
      assertThat(third.get(WAIT_SECONDS, TimeUnit.SECONDS).total()).isEqualTo(13);
      caller.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
    }
  }
}
