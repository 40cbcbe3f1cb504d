package org.amp4j.buildbot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The workers of one master by name: the connection that holds each name (handshaking or ready),
 * the ready ones, the ids of commands orphaned when a connection was lost, and those waiting for
 * workers to be ready. Thread-safe; all state is guarded by this object.
 */
final class WorkerRegistry {

  /** Someone waiting for workers: done when {@code pick} gives a list. */
  private record Waiter(
      Function<Map<String, Worker>, List<Worker>> pick, CompletableFuture<List<Worker>> future) {}

  private final Map<String, RealWorker> holders = new HashMap<>();
  private final Map<String, RealWorker> ready = new LinkedHashMap<>();
  private final Map<String, Set<String>> orphans = new HashMap<>();
  private final List<Waiter> waiters = new ArrayList<>();
  private boolean closed;

  /** Makes a connection the holder of its name, unless one holds it: that one is returned. */
  synchronized RealWorker claim(RealWorker worker) {
    return holders.putIfAbsent(worker.name(), worker);
  }

  synchronized boolean isClosed() {
    return closed;
  }

  /** Makes a connection the holder of its name in place of another; false if that one is gone. */
  synchronized boolean replace(RealWorker old, RealWorker worker) {
    return holders.replace(worker.name(), old, worker);
  }

  /**
   * Publishes a worker that finished its handshake, if it still holds its name and is open.
   *
   * @return the waiters it satisfied, to complete outside the lock; null if not published
   */
  List<Runnable> publish(RealWorker worker) {
    List<Runnable> done = new ArrayList<>();
    synchronized (this) {
      if (closed || holders.get(worker.name()) != worker || !worker.isOpen()) {
        return null;
      }
      ready.put(worker.name(), worker);
      Map<String, Worker> view = open();
      waiters.removeIf(
          w -> {
            List<Worker> picked = w.pick().apply(view);
            if (picked != null) {
              done.add(() -> w.future().complete(picked));
            }
            return picked != null || w.future().isDone();
          });
    }
    return done;
  }

  /**
   * Forgets a connection that was lost, remembering the ids of its commands.
   *
   * @return whether it had been published
   */
  synchronized boolean remove(RealWorker worker, List<String> orphaned) {
    holders.remove(worker.name(), worker);
    if (!orphaned.isEmpty()) {
      orphans.computeIfAbsent(worker.name(), n -> new LinkedHashSet<>()).addAll(orphaned);
    }
    return ready.remove(worker.name(), worker);
  }

  /** Remembers one command that may still run on a worker whose connection was lost. */
  synchronized void orphan(String name, String commandId) {
    orphans.computeIfAbsent(name, n -> new LinkedHashSet<>()).add(commandId);
  }

  /** The ids of commands orphaned on the worker's earlier connections. */
  synchronized List<String> orphans(String name) {
    return List.copyOf(orphans.getOrDefault(name, Set.of()));
  }

  /** An orphan was interrupted: forget it. */
  synchronized void interrupted(String name, String commandId) {
    Set<String> ids = orphans.get(name);
    if (ids != null && ids.remove(commandId) && ids.isEmpty()) {
      orphans.remove(name);
    }
  }

  /** The ready workers whose connection is open (a closed one is removed soon after). */
  synchronized List<Worker> ready() {
    return List.copyOf(open().values());
  }

  synchronized Optional<Worker> ready(String name) {
    return Optional.ofNullable(open().get(name));
  }

  private Map<String, Worker> open() {
    Map<String, Worker> open = new LinkedHashMap<>();
    ready.forEach(
        (name, w) -> {
          if (w.isOpen()) {
            open.put(name, w);
          }
        });
    return open;
  }

  /** Every connection, ready or not. */
  synchronized List<RealWorker> all() {
    return List.copyOf(holders.values());
  }

  /**
   * Completes when {@code pick} gives a list for the ready workers, or fails with a {@link
   * TimeoutException} naming {@code what} after the timeout.
   */
  CompletionStage<List<Worker>> await(
      Function<Map<String, Worker>, List<Worker>> pick, String what, Duration timeout) {
    CompletableFuture<List<Worker>> future = new CompletableFuture<>();
    synchronized (this) {
      if (closed) {
        return CompletableFuture.failedFuture(new IllegalStateException("the master is closed"));
      }
      List<Worker> now = pick.apply(open());
      if (now != null) {
        return CompletableFuture.completedFuture(now);
      }
      waiters.add(new Waiter(pick, future));
    }
    CompletableFuture.delayedExecutor(timeout.toNanos(), TimeUnit.NANOSECONDS)
        .execute(
            () -> {
              String connected;
              synchronized (this) {
                connected = open().keySet().toString();
              }
              future.completeExceptionally(
                  new TimeoutException(
                      what + " not connected within " + timeout + "; connected: " + connected));
            });
    return future.minimalCompletionStage();
  }

  /** Refuses new claims and fails the waiters. */
  void close() {
    List<Waiter> failed;
    synchronized (this) {
      closed = true;
      failed = List.copyOf(waiters);
      waiters.clear();
    }
    failed.forEach(
        w -> w.future().completeExceptionally(new IllegalStateException("the master closed")));
  }
}
