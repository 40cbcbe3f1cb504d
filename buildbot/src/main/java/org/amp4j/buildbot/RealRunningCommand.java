package org.amp4j.buildbot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A command on one connection: its listener, its transfer if any, what its updates reported, and
 * the future of its result, which completes once (by {@code complete}, or by a failure to start or
 * the loss of the connection). Thread-safe.
 */
final class RealRunningCommand implements RunningCommand {

  private final String id;
  private final String commandName;
  private final RealWorker worker;
  private final CommandListener listener;
  private final Transfer transfer;
  private final CompletableFuture<CommandResult> result = new CompletableFuture<>();
  private volatile boolean interrupted;
  private Integer rc;
  private Duration elapsed;
  private List<String> files = List.of();
  private List<Number> stat = List.of();

  RealRunningCommand(
      String id,
      String commandName,
      RealWorker worker,
      CommandListener listener,
      Transfer transfer) {
    this.id = id;
    this.commandName = commandName;
    this.worker = worker;
    this.listener = listener;
    this.transfer = transfer;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String commandName() {
    return commandName;
  }

  @Override
  public RealWorker worker() {
    return worker;
  }

  @Override
  public CompletionStage<CommandResult> completion() {
    return result.minimalCompletionStage();
  }

  @Override
  public CompletionStage<Void> interrupt(String why) {
    interrupted = true;
    return worker.interrupt(id, why);
  }

  CommandListener listener() {
    return listener;
  }

  /**
   * The transfer of this command.
   *
   * @throws WorkerRequests.Refused if it makes none
   */
  Transfer transfer() {
    if (transfer == null) {
      throw new WorkerRequests.Refused(
          "command " + id + " is a " + commandName + ", which transfers no file");
    }
    return transfer;
  }

  synchronized void recordRc(int code) {
    rc = code;
  }

  synchronized void recordElapsed(double seconds) {
    elapsed = Duration.ofNanos(Math.round(seconds * 1e9));
  }

  synchronized void recordFiles(Object value) {
    List<String> out = new ArrayList<>();
    if (value instanceof List<?> list) {
      list.forEach(f -> out.add(Render.text(f)));
    }
    files = List.copyOf(out);
  }

  synchronized void recordStat(Object value) {
    List<Number> out = new ArrayList<>();
    if (value instanceof List<?> list) {
      list.forEach(n -> out.add(n instanceof Number number ? number : Double.NaN));
    }
    stat = List.copyOf(out);
  }

  /** The worker reported the end: nil for a run to its end, else the failure. */
  void completed(Object failure) {
    CommandResult r;
    synchronized (this) {
      r =
          new CommandResult(
              rc, failure == null ? null : Render.text(failure), elapsed, files, stat, interrupted);
    }
    release();
    result.complete(r);
  }

  /** The command never started, or its end can no longer be known. */
  void failed(Throwable cause) {
    release();
    result.completeExceptionally(cause);
  }

  boolean isDone() {
    return result.isDone();
  }

  private void release() {
    if (transfer != null) {
      transfer.finish();
    }
  }

  @Override
  public String toString() {
    return "RunningCommand[" + id + " " + commandName + " on " + worker.name() + "]";
  }
}
