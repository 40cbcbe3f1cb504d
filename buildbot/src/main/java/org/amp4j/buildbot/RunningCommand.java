package org.amp4j.buildbot;

import java.util.concurrent.CompletionStage;

/**
 * A command started on a worker. Thread-safe.
 *
 * <p>{@link #completion()} completes normally once the worker reports the end ({@code complete}),
 * with exit code and failure, if any, in the {@link CommandResult}. It completes exceptionally when
 * the command never ran or its end can never be known: with a {@link org.amp4j.RemoteException}
 * when the worker refused {@code start_command}, with a {@link org.amp4j.ConnectionLostException}
 * naming the worker when the connection closed first (the master then interrupts the command when
 * the worker reconnects), or with a {@link org.amp4j.CallTimeoutException}.
 */
public interface RunningCommand {

  /** The command id, unique among the commands this master started. */
  String id();

  /** The worker command, such as {@code shell} or {@code upload_file}. */
  String commandName();

  /** The worker it runs on. */
  Worker worker();

  /** Completes when the command has ended; see the class description. */
  CompletionStage<CommandResult> completion();

  /**
   * Asks the worker to kill the command ({@code interrupt_command}). The command still reports its
   * end through {@link #completion()}, with {@link CommandResult#interrupted()} set.
   *
   * @param why the reason, written to the worker's log
   * @return completes when the worker acknowledged the request
   */
  CompletionStage<Void> interrupt(String why);
}
