package org.amp4j.buildbot;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.amp4j.RemoteException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker connection's life in the master: claiming its name (probing a connection that already
 * holds it), the handshake, publication, keepalives, and the loss, which fails its running
 * commands, remembers their ids and tells the listeners. Every step runs on the master's executor.
 */
final class WorkerLifecycle {
  private static final Logger log = LoggerFactory.getLogger(WorkerLifecycle.class);

  private final BuildbotMasterConfig config;
  private final WorkerRegistry registry;
  private final WorkerHandshake handshake;
  private final Executor executor;
  private final ScheduledExecutorService timer;
  private final List<WorkerListener> listeners;
  private final Map<RealWorker, ScheduledFuture<?>> keepalives = new ConcurrentHashMap<>();

  WorkerLifecycle(
      BuildbotMasterConfig config,
      WorkerRegistry registry,
      WorkerHandshake handshake,
      Executor executor,
      ScheduledExecutorService timer,
      List<WorkerListener> listeners) {
    this.config = config;
    this.registry = registry;
    this.handshake = handshake;
    this.executor = executor;
    this.timer = timer;
    this.listeners = listeners;
  }

  /** A new, authenticated connection. */
  void accepted(RealWorker worker) {
    worker.closeFuture().whenCompleteAsync((v, t) -> lost(worker), executor);
    executor.execute(() -> claim(worker));
  }

  /** Completes once a connection's loss has been dealt with. */
  CompletionStage<Void> closed(RealWorker worker) {
    return worker.ended();
  }

  /**
   * Makes the connection the holder of its name, probing the connection that holds it: a live one
   * keeps it and the new one is closed, a dead one is replaced.
   */
  private void claim(RealWorker worker) {
    if (registry.isClosed()) {
      worker.close();
      return;
    }
    RealWorker old = registry.claim(worker);
    if (old == null) {
      start(worker);
      return;
    }
    CompletionStage<Void> probe =
        old.isOpen()
            ? old.keepalive(config.probeTimeout())
            : CompletableFuture.failedFuture(old.lost(null));
    probe.whenCompleteAsync(
        (v, failure) -> {
          Throwable t = failure == null ? null : RealWorker.unwrap(failure);
          if (t == null || t instanceof RemoteException) {
            log.warn(
                "worker {}: refusing the connection from {}: the connection from {} is alive",
                worker.name(),
                worker.remoteAddress(),
                old.remoteAddress());
            worker.close();
          } else if (registry.replace(old, worker)) {
            log.warn(
                "worker {}: replacing the connection from {}, which did not answer ({}), by the"
                    + " one from {}",
                worker.name(),
                old.remoteAddress(),
                t.toString(),
                worker.remoteAddress());
            lost(old);
            old.close();
            start(worker);
          } else {
            claim(worker); // the old one is gone meanwhile, or someone else holds the name
          }
        },
        executor);
  }

  private void start(RealWorker worker) {
    handshake
        .run(worker)
        .whenCompleteAsync(
            (v, failure) -> {
              if (failure != null) {
                log.warn(
                    "worker {}: handshake with {} failed, closing: {}",
                    worker.name(),
                    worker.remoteAddress(),
                    RealWorker.unwrap(failure).toString());
                worker.close();
                lost(worker);
                return;
              }
              publish(worker);
            },
            executor);
  }

  private void publish(RealWorker worker) {
    List<Runnable> satisfied = registry.publish(worker);
    if (satisfied == null) {
      worker.close(); // replaced or closed meanwhile, or the master is closing
      return;
    }
    log.info(
        "worker {} connected from {} (basedir {})",
        worker.name(),
        worker.remoteAddress(),
        worker.info().basedir());
    long every = config.keepaliveInterval().toNanos();
    if (every > 0) {
      keepalives.put(
          worker,
          timer.scheduleWithFixedDelay(
              () -> keepalive(worker), every, every, TimeUnit.NANOSECONDS));
    }
    satisfied.forEach(Runnable::run);
    tell(l -> l.connected(worker));
  }

  private void keepalive(RealWorker worker) {
    worker
        .keepalive()
        .whenComplete(
            (v, failure) -> {
              if (RealWorker.unwrap(failure) instanceof org.amp4j.CallTimeoutException) {
                log.warn("worker {}: keepalive unanswered, closing the connection", worker.name());
                worker.close();
              }
            });
  }

  /** The connection is gone, or replaced: fail its commands and forget it. Idempotent. */
  void lost(RealWorker worker) {
    if (!worker.markLost()) {
      return;
    }
    ScheduledFuture<?> k = keepalives.remove(worker);
    if (k != null) {
      k.cancel(false);
    }
    List<String> orphaned = worker.commands().failAll(worker.lost(null));
    boolean wasReady = registry.remove(worker, orphaned);
    if (!orphaned.isEmpty()) {
      log.warn(
          "worker {}: connection lost with {} commands running: {}",
          worker.name(),
          orphaned.size(),
          orphaned);
    }
    if (wasReady) {
      log.info("worker {} disconnected", worker.name());
      tell(l -> l.disconnected(worker));
    }
    worker.ended().complete(null);
  }

  private void tell(Consumer<WorkerListener> event) {
    for (WorkerListener l : listeners) {
      try {
        event.accept(l);
      } catch (RuntimeException e) {
        log.warn("a worker listener failed", e);
      }
    }
  }
}
