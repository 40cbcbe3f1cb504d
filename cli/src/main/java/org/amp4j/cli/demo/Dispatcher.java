package org.amp4j.cli.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Which step runs where: hands each step whose needs have succeeded to an idle worker (the one that
 * has run the fewest steps, then by name), and knows when the build is over. Pure bookkeeping; the
 * master does the sending. Thread-safe.
 */
final class Dispatcher {

  /** A step given to a worker. */
  record Assignment(String worker, BuildStep step) {}

  /** How the steps ended: succeeded, failed, never started (a step they needed failed). */
  record Outcome(int ok, int failed, int skipped) {}

  private final BuildPlan plan;
  private final Set<String> succeeded = new HashSet<>();
  private final Set<String> failed = new HashSet<>();
  private final Map<String, String> running = new LinkedHashMap<>(); // step id -> worker
  private final Map<String, Integer> workers = new HashMap<>(); // worker -> steps given
  private final Set<String> idle = new HashSet<>();
  private final CompletableFuture<Outcome> done = new CompletableFuture<>();
  private boolean started;

  Dispatcher(BuildPlan plan) {
    this.plan = plan;
  }

  /** A worker is ready for steps. */
  synchronized void join(String worker) {
    workers.putIfAbsent(worker, 0);
    idle.add(worker);
  }

  /** How many workers have joined. */
  synchronized int workers() {
    return workers.size();
  }

  /** Starts handing out steps; returns the first ones. */
  synchronized List<Assignment> start() {
    started = true;
    return assign();
  }

  /**
   * A step ended; {@code retire} takes its worker out of the build (its connection failed).
   *
   * @return the steps to send next
   */
  synchronized List<Assignment> finished(String stepId, boolean ok, boolean retire) {
    String worker = running.remove(stepId);
    if (worker == null) {
      return List.of(); // already ended
    }
    (ok ? succeeded : failed).add(stepId);
    if (!retire) {
      idle.add(worker);
    }
    return assign();
  }

  /** Completes when no step runs and none can start. */
  CompletableFuture<Outcome> done() {
    return done;
  }

  /** How the steps have ended so far. */
  synchronized Outcome outcome() {
    int total = plan.steps().size();
    return new Outcome(succeeded.size(), failed.size(), total - succeeded.size() - failed.size());
  }

  private List<Assignment> assign() {
    List<Assignment> out = new ArrayList<>();
    if (!started) {
      return out;
    }
    for (BuildStep step : plan.steps()) {
      if (idle.isEmpty()) {
        break;
      }
      if (ready(step)) {
        String worker =
            idle.stream()
                .min(Comparator.comparing((String w) -> workers.get(w)).thenComparing(w -> w))
                .orElseThrow();
        idle.remove(worker);
        workers.merge(worker, 1, Integer::sum);
        running.put(step.id(), worker);
        out.add(new Assignment(worker, step));
      }
    }
    if (out.isEmpty() && running.isEmpty()) {
      done.complete(outcome());
    }
    return out;
  }

  private boolean ready(BuildStep step) {
    String id = step.id();
    return !succeeded.contains(id)
        && !failed.contains(id)
        && !running.containsKey(id)
        && succeeded.containsAll(step.needs());
  }
}
