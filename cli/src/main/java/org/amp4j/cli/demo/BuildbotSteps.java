package org.amp4j.cli.demo;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.amp4j.buildbot.CommandListener;
import org.amp4j.buildbot.CommandResult;
import org.amp4j.buildbot.RunningCommand;
import org.amp4j.buildbot.ShellCommand;
import org.amp4j.buildbot.Worker;
import org.amp4j.cli.demo.Dispatcher.Assignment;

/**
 * The steps of a demo build run as shell commands on real Buildbot workers: hands out steps as the
 * {@link Dispatcher} decides, reads the number of every line of their standard output ({@link
 * StepLines}) into the {@link LineLedger}, and counts a step as succeeded only if it exited with 0
 * after writing each of its lines. Thread-safe.
 */
final class BuildbotSteps {
  /** The directory the steps run in, under each worker's base directory. */
  static final String WORKDIR = "build";

  private final Map<String, Worker> workers;
  private final LineLedger ledger;
  private final Progress progress;
  private final long seed;
  private final Dispatcher dispatcher;

  /** Runs the plan's steps on these workers, by name, all of which take part. */
  BuildbotSteps(
      BuildPlan plan,
      Map<String, Worker> workers,
      LineLedger ledger,
      Progress progress,
      long seed) {
    this.workers = Map.copyOf(workers);
    this.ledger = ledger;
    this.progress = progress;
    this.seed = seed;
    this.dispatcher = new Dispatcher(plan);
    workers.keySet().stream().sorted().forEach(dispatcher::join);
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

  /** Starts each step on its worker; a step that cannot start fails and retires its worker. */
  private void launch(List<Assignment> assignments) {
    for (Assignment a : assignments) {
      BuildStep step = a.step();
      Worker worker = workers.get(a.worker());
      ledger.expect(step.id(), step.lines());
      progress.stepStarted(a.worker(), step);
      Output output = new Output(a.worker(), step);
      ShellCommand shell =
          ShellCommand.builder(worker.info().resolve(WORKDIR))
              .command(StepLines.script(step, seed))
              .logEnviron(false)
              .build();
      CompletableFuture<CommandResult> done;
      try {
        RunningCommand command = worker.shell(shell, output);
        done = command.completion().toCompletableFuture();
      } catch (RuntimeException e) {
        done = CompletableFuture.failedFuture(e);
      }
      done.whenComplete((result, failure) -> ended(a, output, result, failure));
    }
  }

  /** A step's command ended, or never ran, or its connection was lost. */
  private void ended(Assignment a, Output output, CommandResult result, Throwable failure) {
    output.flush();
    BuildStep step = a.step();
    int received = ledger.received(step.id());
    String status;
    if (failure != null) {
      Throwable cause =
          failure instanceof CompletionException && failure.getCause() != null
              ? failure.getCause()
              : failure;
      status = "lost: " + cause.getMessage();
    } else if (result.failure() != null) {
      status = "failed: " + result.failure().strip().lines().findFirst().orElse("");
    } else if (result.rc() == null || result.rc() != 0) {
      status = "exited with " + result.rc();
    } else if (received != step.lines()) {
      status = "received " + received + " of " + step.lines() + " lines";
    } else {
      status = "ok";
    }
    progress.stepFinished(a.worker(), step, received, status);
    launch(dispatcher.finished(step.id(), status.equals("ok"), failure != null));
  }

  /**
   * A step's output: whole lines, split on {@code \n}, their numbers read into the ledger. A chunk
   * that ends inside a line (which a worker should not send) is held until the rest arrives.
   */
  private final class Output implements CommandListener {
    private final String worker;
    private final BuildStep step;
    private final StringBuilder partial = new StringBuilder();

    Output(String worker, BuildStep step) {
      this.worker = worker;
      this.step = step;
    }

    @Override
    public synchronized void stdout(String text) {
      partial.append(text);
      for (int nl; (nl = partial.indexOf("\n")) >= 0; ) {
        line(partial.substring(0, nl));
        partial.delete(0, nl + 1);
      }
    }

    @Override
    public void stderr(String text) {
      text.lines().forEach(l -> progress.event(worker, step.id() + " (stderr): " + l));
    }

    /** Takes what is left after the last {@code \n} as a line. */
    synchronized void flush() {
      if (partial.length() > 0) {
        line(partial.toString());
        partial.setLength(0);
      }
    }

    private void line(String raw) {
      Optional<StepLines.Line> line = StepLines.parse(raw);
      if (line.isEmpty()) {
        ledger.record(step.id(), 0); // counted as unexpected
        progress.event(worker, step.id() + " wrote a line without a number: " + raw);
      } else if (ledger.record(step.id(), line.get().number())) {
        progress.line(worker, step, line.get().number(), line.get().text());
      } else {
        progress.event(
            worker, "line " + line.get().number() + " of " + step.id() + " arrived twice");
      }
    }
  }
}
