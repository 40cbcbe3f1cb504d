package org.amp4j.it.buildbot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Buildbot worker process (Debian's {@code buildbot-worker} 3.7), created with the msgpack
 * protocol against a master on 127.0.0.1 and run in the foreground, so that the test owns its pid.
 */
final class WorkerProcess implements AutoCloseable {
  /** Where Debian installs the worker's command. */
  static final Path COMMAND = Path.of("/usr/bin/buildbot-worker");

  private static final long WAIT_SECONDS = 30;

  private final Path basedir;
  private final String name;
  private Process process;

  private WorkerProcess(Path basedir, String name) {
    this.basedir = basedir;
    this.name = name;
  }

  /**
   * Creates a worker directory with {@code create-worker --protocol=msgpack_experimental_v7}.
   *
   * @throws IllegalStateException if the worker is not installed or creation fails
   */
  static WorkerProcess create(Path parent, int masterPort, String name, String password) {
    if (!Files.isExecutable(COMMAND)) {
      throw new IllegalStateException(
          COMMAND + " is not installed: apt-get install -y buildbot-worker (.ci/run does)");
    }
    Path basedir = parent.resolve(name);
    run(
        List.of(
            COMMAND.toString(),
            "create-worker",
            "--protocol=msgpack_experimental_v7",
            basedir.toString(),
            "127.0.0.1:" + masterPort,
            name,
            password),
        parent.resolve(name + "-create.log"));
    return new WorkerProcess(basedir, name);
  }

  private static void run(List<String> command, Path log) {
    try {
      Process p =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!p.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(command + " did not finish in " + WAIT_SECONDS + " s");
      }
      if (p.exitValue() != 0) {
        throw new IllegalStateException(
            command + " exited with " + p.exitValue() + ": " + Files.readString(log));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The worker's name. */
  String name() {
    return name;
  }

  /** The worker's base directory. */
  Path basedir() {
    return basedir;
  }

  /** Starts the worker in the foreground ({@code start --nodaemon}); it connects at once. */
  WorkerProcess start() {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException(name + " is already running");
    }
    try {
      process =
          new ProcessBuilder(COMMAND.toString(), "start", "--nodaemon", basedir.toString())
              .redirectErrorStream(true)
              .redirectOutput(
                  ProcessBuilder.Redirect.appendTo(basedir.resolve("stdout.log").toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** The pid of the running worker. */
  long pid() {
    return process.pid();
  }

  /** Kills the worker by pid with SIGKILL (no goodbye on the wire) and waits for it to die. */
  void kill() {
    stop(true);
  }

  private void stop(boolean forcibly) {
    if (process == null) {
      return;
    }
    ProcessHandle handle = ProcessHandle.of(process.pid()).orElse(null);
    if (handle != null) {
      if (forcibly) {
        handle.destroyForcibly();
      } else {
        handle.destroy();
      }
    }
    try {
      if (!process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(WAIT_SECONDS, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The worker's own log ({@code twistd.log}), which records every message both ways. */
  String log() {
    try {
      Path log = basedir.resolve("twistd.log");
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "(twistd.log unreadable: " + e + ")";
    }
  }

  /** Whether the process is running. */
  boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** Stops the worker with SIGTERM, and with SIGKILL if that does not end it. */
  @Override
  public void close() {
    stop(false);
  }
}
