package org.amp4j.cli.demo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.amp4j.Amp;
import org.amp4j.AmpServer;
import org.amp4j.Peer;
import org.amp4j.PeerConfig;
import org.amp4j.Responders;
import org.amp4j.cli.demo.BuildCommands.LogLine;
import org.amp4j.cli.demo.BuildCommands.Register;
import org.amp4j.cli.demo.BuildCommands.RunStep;
import org.amp4j.cli.demo.BuildCommands.StepDone;
import org.amp4j.cli.demo.Dispatcher.Assignment;

/**
 * The build master: serves the workers, sends them steps over their sessions as the {@link
 * Dispatcher} decides, accounts for every log line in a {@link LineLedger}, and cuts one worker's
 * connection once, mid-step, through a {@link Relay}. Thread-safe.
 */
final class Master implements AutoCloseable {
  /** A read of at least this many bytes holds a data frame, not just a session control frame. */
  static final int MIN_MESSAGE = 24;

  /** How long the cut waits for a message in flight before it cuts anyway. */
  static final Duration CUT_FALLBACK = Duration.ofMillis(500);

  private final Map<String, BuildStep> steps;
  private final LineLedger ledger;
  private final Progress progress;
  private final long seed;
  private final Dispatcher dispatcher;
  private final Map<String, Peer> workers = new ConcurrentHashMap<>();
  private final AtomicBoolean cutArmed = new AtomicBoolean();
  private volatile CompletableFuture<Relay.Cut> cut;
  private volatile String cutWorker;
  private volatile Relay relay;
  private AmpServer server;

  private Master(BuildPlan plan, LineLedger ledger, Progress progress, long seed) {
    this.steps =
        plan.steps().stream().collect(Collectors.toMap(BuildStep::id, Function.identity()));
    this.ledger = ledger;
    this.progress = progress;
    this.seed = seed;
    this.dispatcher = new Dispatcher(plan);
  }

  /** Starts serving on an OS-chosen port of 127.0.0.1. */
  static Master start(
      PeerConfig config, BuildPlan plan, LineLedger ledger, Progress progress, long seed) {
    Master m = new Master(plan, ledger, progress, seed);
    m.server = Amp.serve("127.0.0.1", 0, config, m::responders);
    return m;
  }

  int port() {
    return server.port();
  }

  /** Plans the cut: {@code worker}'s connection, which goes through {@code relay}, mid-step. */
  void cutOnce(String worker, Relay relay) {
    this.cutWorker = worker;
    this.relay = relay;
  }

  /** The planned cut, once the master has asked for it (it completes when done); else null. */
  CompletableFuture<Relay.Cut> cut() {
    return cut;
  }

  /** How many workers have registered. */
  int registered() {
    return dispatcher.workers();
  }

  /** The master's end of each registered worker's connection, by worker name. */
  Map<String, Peer> workers() {
    return Map.copyOf(workers);
  }

  /** Starts the build; completes when no step runs and none can start. */
  CompletableFuture<Dispatcher.Outcome> build() {
    launch(dispatcher.start());
    return dispatcher.done();
  }

  /** How the steps have ended so far. */
  Dispatcher.Outcome outcome() {
    return dispatcher.outcome();
  }

  /** Stops serving and closes the workers' connections. */
  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
  }

  private Responders responders(Peer peer) {
    AtomicReference<String> who = new AtomicReference<>("?");
    return Responders.builder()
        .on(Register.class, r -> register(peer, who, r.worker()))
        .onVoid(LogLine.class, l -> line(who.get(), l))
        .onVoid(StepDone.class, d -> stepDone(who.get(), d))
        .build();
  }

  private Register.Welcome register(Peer peer, AtomicReference<String> who, String name) {
    if (workers.putIfAbsent(name, peer) != null) {
      throw new IllegalArgumentException("a worker named " + name + " is already registered");
    }
    who.set(name);
    String session = peer.session() == null ? "no session" : "session " + shortId(peer);
    String via =
        name.equals(cutWorker)
            ? "through the relay on port " + relay.port() + " (it will be cut once, mid-step)"
            : "directly";
    progress.workerJoined(name, "codec " + peer.codec() + ", " + session + ", " + via);
    dispatcher.join(name);
    return new Register.Welcome("amp4j-demo-" + seed);
  }

  private void line(String worker, LogLine l) {
    BuildStep step = step(l.stepId());
    if (ledger.record(l.stepId(), l.lineNo())) {
      progress.line(worker, step, l.lineNo(), l.text());
    } else {
      progress.event(worker, "line " + l.lineNo() + " of " + step.id() + " arrived twice");
    }
    if (worker.equals(cutWorker)
        && l.lineNo() == Math.max(1, step.lines() / 2)
        && cutArmed.compareAndSet(false, true)) {
      cut(worker, step, l.lineNo());
    }
  }

  /**
   * Cuts the worker's connection in the middle of its next message (a log line: data frames are
   * over {@value #MIN_MESSAGE} bytes, acknowledgements under), so that something is in flight.
   */
  private void cut(String worker, BuildStep step, int lineNo) {
    cut = relay.cutInNextMessage(MIN_MESSAGE, CUT_FALLBACK);
    cut.thenAccept(
        c ->
            progress.event(
                worker,
                String.format(
                    "connection cut after line %d of %d of %s%s (the relay reset %d"
                        + " connection%s)",
                    lineNo,
                    step.lines(),
                    step.id(),
                    c.midMessage() ? ", mid-message" : "",
                    c.connections(),
                    c.connections() == 1 ? "" : "s")));
  }

  private void stepDone(String worker, StepDone d) {
    BuildStep step = step(d.stepId());
    ledger.finish(d.stepId(), d.lines());
    int received = ledger.received(d.stepId());
    String status = d.status();
    if (status.equals("ok") && received != d.lines()) {
      status = "received " + received + " of " + d.lines() + " lines";
    }
    progress.stepFinished(worker, step, d.lines(), status);
    launch(dispatcher.finished(d.stepId(), status.equals("ok"), false));
  }

  /** Sends each step to its worker; a step the worker does not take fails and retires it. */
  private void launch(List<Assignment> assignments) {
    for (Assignment a : assignments) {
      BuildStep s = a.step();
      ledger.expect(s.id(), s.lines());
      progress.stepStarted(a.worker(), s);
      RunStep run = new RunStep(s.id(), s.module(), s.phase(), s.command(), s.lines(), seed);
      workers
          .get(a.worker())
          .call(run)
          .whenComplete(
              (v, failure) -> {
                if (failure != null) {
                  Throwable cause =
                      failure instanceof CompletionException && failure.getCause() != null
                          ? failure.getCause()
                          : failure;
                  progress.stepFinished(a.worker(), s, 0, "not started: " + cause.getMessage());
                  launch(dispatcher.finished(s.id(), false, true));
                }
              });
    }
  }

  private BuildStep step(String id) {
    BuildStep step = steps.get(id);
    if (step == null) {
      throw new IllegalArgumentException("no step " + id + " in this build");
    }
    return step;
  }

  private static String shortId(Peer peer) {
    String id = peer.session().id();
    return id.length() > 8 ? id.substring(0, 8) : id;
  }
}
