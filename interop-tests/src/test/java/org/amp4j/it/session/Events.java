package org.amp4j.it.session;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.amp4j.Endpoint;
import org.amp4j.PeerConfig;
import org.amp4j.SessionConfig;
import org.amp4j.SessionListener;

/**
 * A {@link SessionListener} that records what a session went through, with futures of the first
 * event of each kind to wait on (bounded), and the session settings the tests share.
 */
final class Events implements SessionListener {
  /** How long a test waits for something that should happen in a few hundred milliseconds. */
  static final long WAIT_SECONDS = 20;

  /** A disconnect: the session's id then, and when it was heard. */
  record Disconnect(String sessionId, Throwable cause, long nanos) {}

  /** A loss: the lost session's id, its replacement's (or null), the cause, and when. */
  record Loss(String sessionId, String replacement, Throwable cause, long nanos) {}

  /** A resume: the session's id and how many messages were sent again. */
  record Resume(String sessionId, int replayed, long nanos) {}

  final List<Disconnect> disconnects = new CopyOnWriteArrayList<>();
  final List<Endpoint> reconnectTargets = new CopyOnWriteArrayList<>();
  final List<Resume> resumes = new CopyOnWriteArrayList<>();
  final List<Loss> losses = new CopyOnWriteArrayList<>();
  final CompletableFuture<Disconnect> firstDisconnect = new CompletableFuture<>();
  final CompletableFuture<Resume> firstResume = new CompletableFuture<>();
  final CompletableFuture<Loss> firstLoss = new CompletableFuture<>();

  @Override
  public void disconnected(String sessionId, Throwable cause) {
    Disconnect d = new Disconnect(sessionId, cause, System.nanoTime());
    disconnects.add(d);
    firstDisconnect.complete(d);
  }

  @Override
  public void reconnecting(String sessionId, int attempt, Endpoint endpoint) {
    reconnectTargets.add(endpoint);
  }

  @Override
  public void resumed(String sessionId, int replayed) {
    Resume r = new Resume(sessionId, replayed, System.nanoTime());
    resumes.add(r);
    firstResume.complete(r);
  }

  @Override
  public void lost(String sessionId, String replacement, Throwable cause) {
    Loss l = new Loss(sessionId, replacement, cause, System.nanoTime());
    losses.add(l);
    firstLoss.complete(l);
  }

  Disconnect awaitDisconnect() throws Exception {
    return firstDisconnect.get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  Resume awaitResume() throws Exception {
    return firstResume.get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  Loss awaitLoss() throws Exception {
    return firstLoss.get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  /**
   * Waits until a condition holds, checking every few milliseconds, for state that no callback
   * reports; fails after {@link #WAIT_SECONDS}.
   */
  static void until(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + WAIT_SECONDS + " s: " + what);
      }
      Thread.sleep(5); // polling interval only
    }
  }

  /**
   * Sessions on, with fast reconnects (5..50 ms), and everything that would end a session by itself
   * (heartbeats, expiry, giving up, failover) far away, for each test to bring near. A null
   * listener hears nothing.
   */
  static SessionConfig.Builder fast(SessionListener listener) {
    return SessionConfig.builder()
        .enabled(true)
        .listener(listener == null ? SessionListener.NONE : listener)
        .reconnectInitial(Duration.ofMillis(5))
        .reconnectMax(Duration.ofMillis(50))
        .heartbeatInterval(Duration.ofSeconds(30))
        .heartbeatTimeout(Duration.ofSeconds(60))
        .expiry(Duration.ofSeconds(60))
        .giveUpAfter(Duration.ofSeconds(60))
        .failoverAfter(Duration.ofSeconds(60));
  }

  /** A peer's settings with these session settings and a call timeout that never fires first. */
  static PeerConfig peer(SessionConfig session) {
    return PeerConfig.builder().session(session).callTimeout(Duration.ofSeconds(60)).build();
  }
}
