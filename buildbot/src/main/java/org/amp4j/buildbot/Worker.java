package org.amp4j.buildbot;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.concurrent.CompletionStage;

/**
 * One connected Buildbot worker, as the master sees it after the handshake ({@code print}, {@code
 * get_worker_info}, {@code set_worker_settings}). Thread-safe.
 *
 * <p>Every path given to a worker must be absolute ({@link WorkerInfo#resolve} makes one). Requests
 * fail with {@link org.amp4j.RemoteException} when the worker answers with an error, {@link
 * org.amp4j.CallTimeoutException} after the master's call timeout, and {@link
 * org.amp4j.ConnectionLostException} once the connection is gone; a worker that reconnects is a new
 * {@code Worker}. Commands are registered before they are started, so that their output, which may
 * arrive before the worker's answer to {@code start_command}, is never lost.
 */
public interface Worker {

  /** The name the worker authenticated with. */
  String name();

  /** What the worker said about itself in the handshake. */
  WorkerInfo info();

  /** The address the worker connected from, for logs. */
  String remoteAddress();

  /** Writes a line to the worker's log ({@code print}). */
  CompletionStage<Void> print(String text);

  /** Checks that the worker answers ({@code keepalive}). */
  CompletionStage<Void> keepalive();

  /**
   * Asks the worker for its information again ({@code get_worker_info}); {@link #info()} keeps what
   * the handshake read.
   */
  CompletionStage<WorkerInfo> getWorkerInfo();

  /** Changes how the worker buffers the output of commands started afterwards. */
  CompletionStage<Void> setWorkerSettings(WorkerSettings settings);

  /** Runs a process, ignoring its output. */
  RunningCommand shell(ShellCommand command);

  /** Runs a process, streaming its output to a listener. */
  RunningCommand shell(ShellCommand command, CommandListener listener);

  /** Creates directories and their parents ({@code mkdir}); errno as rc on failure. */
  RunningCommand mkdir(String... paths);

  /** Deletes directory trees with {@code rm -rf} ({@code rmdir}). */
  RunningCommand rmdir(String... paths);

  /** Copies a directory tree with {@code cp -R -P -p} ({@code cpdir}). */
  RunningCommand cpdir(String fromPath, String toPath);

  /** Reads a file's status ({@code stat}); see {@link CommandResult#stat()}. */
  RunningCommand stat(String path);

  /** Lists the names in a directory ({@code listdir}); see {@link CommandResult#files()}. */
  RunningCommand listdir(String path);

  /**
   * Lists the absolute paths matching a pattern, {@code **} matching recursively ({@code glob});
   * see {@link CommandResult#files()}.
   */
  RunningCommand glob(String pattern);

  /** Deletes a file ({@code rmfile}). */
  RunningCommand rmfile(String path);

  /**
   * Copies a file from the worker into a stream ({@code upload_file}); the stream is closed when
   * the worker has sent the whole file, or when the command ends. The file's times are not kept.
   */
  RunningCommand uploadFile(FileUpload upload, OutputStream sink);

  /**
   * Copies a file from the worker into a file on the master, created or truncated, with the
   * worker's times if {@link FileUpload#keepStamp()}.
   */
  RunningCommand uploadFile(FileUpload upload, Path destination);

  /**
   * Copies a directory from the worker as a tar stream ({@code upload_directory}), closed when the
   * worker has sent it all or the command ends; the master does not unpack it.
   */
  RunningCommand uploadDirectory(DirectoryUpload upload, OutputStream tarSink);

  /**
   * Copies bytes from a stream to a file on the worker ({@code download_file}); the stream is
   * closed when the worker has read it, or when the command ends.
   */
  RunningCommand downloadFile(FileDownload download, InputStream source);

  /** Copies a file on the master to a file on the worker. */
  RunningCommand downloadFile(FileDownload download, Path source);

  /** Writes bytes (copied) to a file on the worker. */
  RunningCommand downloadFile(FileDownload download, byte[] content);

  /**
   * Asks the worker to kill a command by id ({@code interrupt_command}); the worker answers nil
   * even for an id it does not know.
   */
  CompletionStage<Void> interrupt(String commandId, String why);

  /**
   * Makes the worker process exit ({@code shutdown}); it does not reconnect. Interrupt running
   * commands first: a Buildbot 3.7.0 worker leaves their processes running.
   */
  CompletionStage<Void> shutdown();

  /** The commands started on this connection that have not ended yet. */
  Collection<RunningCommand> runningCommands();

  /** Whether the connection is open. */
  boolean isOpen();

  /** Completes when the connection has closed, for any reason. */
  CompletionStage<Void> closeFuture();

  /**
   * Closes the connection; running commands fail with {@link org.amp4j.ConnectionLostException} and
   * are interrupted if the worker reconnects (it does so within seconds).
   */
  void close();
}
