package org.amp4j.cli.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.amp4j.Amp;
import org.amp4j.Endpoint;
import org.amp4j.Peer;
import org.amp4j.PeerConfig;
import org.amp4j.Responders;
import org.amp4j.SessionListener;
import org.amp4j.SessionStats;
import org.amp4j.cli.demo.BuildCommands.LogLine;
import org.amp4j.cli.demo.BuildCommands.Register;
import org.amp4j.cli.demo.BuildCommands.RunStep;
import org.amp4j.cli.demo.BuildCommands.StepDone;
import org.amp4j.cli.demo.BuildCommands.WorkerBusy;

/**
 * A simulated build worker: connects to the master in a session, registers, and runs the steps the
 * master sends one at a time, streaming each log line back as a call. Lines are paced by a shared
 * scheduler, never by sleeping on an amp4j thread. Thread-safe.
 */
final class Worker implements AutoCloseable {
  private final String name;
  private final ScheduledExecutorService timer;
  private final Progress progress;
  private final AtomicBoolean busy = new AtomicBoolean();
  private final CompletableFuture<Void> resumed = new CompletableFuture<>();
  private volatile long disconnectedAt;
  private volatile Peer peer;

  private Worker(String name, ScheduledExecutorService timer, Progress progress) {
    this.name = name;
    this.timer = timer;
    this.progress = progress;
  }

  /**
   * Connects to the master at {@code 127.0.0.1:port} and registers.
   *
   * @throws org.amp4j.AmpException if it cannot connect
   * @throws java.util.concurrent.CompletionException if it cannot register
   */
  static Worker start(
      String name,
      int port,
      PeerConfig base,
      ScheduledExecutorService timer,
      Progress progress,
      Duration timeout) {
    Worker w = new Worker(name, timer, progress);
    // only the master's address: no failover endpoints a configuration file may name
    PeerConfig config =
        base.toBuilder()
            .endpoints(List.of())
            .session(base.session().toBuilder().listener(w.listener()).build())
            .build();
    w.peer = Amp.connect("127.0.0.1", port, config, w::responders);
    try {
      w.peer
          .call(new Register(name))
          .toCompletableFuture()
          .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
          .join();
    } catch (RuntimeException e) {
      w.close();
      throw e;
    }
    return w;
  }

  String name() {
    return name;
  }

  /** The session's counts now; null without a session. */
  SessionStats stats() {
    return peer.session();
  }

  /** Completes when the session has resumed on a new connection for the first time. */
  CompletableFuture<Void> resumed() {
    return resumed;
  }

  /** Ends the session and closes the connection. */
  @Override
  public void close() {
    if (peer != null) {
      peer.close();
    }
  }

  private Responders responders(Peer self) {
    return Responders.builder().onAsync(RunStep.class, r -> run(self, r)).build();
  }

  /** Starts a step and answers at once; the lines follow as calls. */
  private CompletionStage<Void> run(Peer self, RunStep r) {
    if (!busy.compareAndSet(false, true)) {
      throw new WorkerBusy(name + " is running another step; not starting " + r.stepId());
    }
    StepScript script =
        new StepScript(r.stepId(), r.module(), r.phase(), r.command(), r.lines(), r.seed());
    emit(self, r.stepId(), script, 1, new ArrayList<>());
    return CompletableFuture.completedFuture(null);
  }

  /** Sends line {@code n} after its pause, then the next; after the last, reports the step. */
  private void emit(
      Peer self, String stepId, StepScript script, int n, List<CompletableFuture<Void>> sent) {
    timer.schedule(
        () -> {
          sent.add(self.call(new LogLine(stepId, n, script.line(n))).toCompletableFuture());
          if (n < script.lines()) {
            emit(self, stepId, script, n + 1, sent);
          } else {
            finish(self, stepId, script.lines(), sent);
          }
        },
        script.pauseMillis(n),
        TimeUnit.MILLISECONDS);
  }

  /** Once every line is answered, frees the worker and tells the master. */
  private void finish(Peer self, String stepId, int lines, List<CompletableFuture<Void>> sent) {
    CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
        .handle((v, failure) -> failure == null ? "ok" : "lines not delivered: " + failure)
        .thenCompose(
            status -> {
              busy.set(false);
              return self.call(new StepDone(stepId, lines, status));
            })
        .whenComplete(
            (v, failure) -> {
              if (failure != null) {
                progress.event(name, "could not report " + stepId + ": " + failure);
              }
            });
  }

  private SessionListener listener() {
    return new SessionListener() {
      @Override
      public void disconnected(String sessionId, Throwable cause) {
        disconnectedAt = System.nanoTime();
        progress.status(name, "reconnecting");
      }

      @Override
      public void reconnecting(String sessionId, int attempt, Endpoint endpoint) {
        progress.status(name, "reconnecting, attempt " + attempt);
      }

      @Override
      public void resumed(String sessionId, int replayed) {
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - disconnectedAt);
        progress.status(name, null);
        progress.event(
            name,
            "session resumed after "
                + ms
                + " ms, replayed "
                + replayed
                + (replayed == 1 ? " message" : " messages"));
        resumed.complete(null);
      }

      @Override
      public void lost(String sessionId, String replacement, Throwable cause) {
        progress.status(name, "session lost");
        progress.event(name, "session lost: " + cause);
      }
    };
  }
}
