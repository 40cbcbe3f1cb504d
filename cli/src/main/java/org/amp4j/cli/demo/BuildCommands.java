package org.amp4j.cli.demo;

import org.amp4j.AmpCommand;
import org.amp4j.AmpError;
import org.amp4j.Command;

/**
 * The commands between the demo's master and its workers. A worker connects and calls {@link
 * Register}; the master then calls {@link RunStep} on it over the same session; the worker answers
 * at once, then calls {@link LogLine} for each line the step writes and {@link StepDone} at the
 * end.
 *
 * <pre>
 *  worker                           master
 *    │── Register(name) ──────────────►│
 *    │◄──────────── RunStep(step, …) ──│
 *    │── LogLine(step, 1, text) ──────►│
 *    │── LogLine(step, n, text) ──────►│
 *    │── StepDone(step, n, "ok") ─────►│
 * </pre>
 */
final class BuildCommands {
  private BuildCommands() {}

  /** A worker introduces itself; answered with the build's name. */
  @AmpCommand(name = "build.Register")
  record Register(String worker) implements Command<Register.Welcome> {
    /** The answer to {@link Register}. */
    record Welcome(String build) {}
  }

  /**
   * The master asks a worker to run a step; answered as soon as the worker starts it, or with
   * {@code BUSY} if it is running another.
   */
  @AmpCommand(name = "build.RunStep", errors = @AmpError(code = "BUSY", type = WorkerBusy.class))
  record RunStep(String stepId, String module, String phase, String command, int lines, long seed)
      implements Command<Void> {}

  /** A worker's answer to {@link RunStep} while it runs another step. */
  public static final class WorkerBusy extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the error with its description (public: the codec makes it by reflection). */
    public WorkerBusy(String message) {
      super(message);
    }
  }

  /** One log line of a running step, numbered from 1. */
  @AmpCommand(name = "build.LogLine")
  record LogLine(String stepId, int lineNo, String text) implements Command<Void> {}

  /** A step ended: how many lines it wrote, and {@code ok} or what went wrong. */
  @AmpCommand(name = "build.StepDone")
  record StepDone(String stepId, int lines, String status) implements Command<Void> {}
}
