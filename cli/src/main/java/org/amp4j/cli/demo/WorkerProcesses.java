package org.amp4j.cli.demo;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Real Buildbot worker processes for {@code amp4j demo --buildbot}, in a fresh temporary directory:
 * created with {@code buildbot-worker create-worker --protocol=msgpack_experimental_v7} and run in
 * the foreground ({@code start --nodaemon}) as children of this process, so that they are known by
 * pid and stopped by pid. {@link #close()}, also run by a shutdown hook, stops them and deletes the
 * directory.
 *
 * <p>Thread-safe.
 */
final class WorkerProcesses implements AutoCloseable {
  /** Where Debian's {@code buildbot-worker} package installs the command. */
  static final Path DEBIAN_COMMAND = Path.of("/usr/bin/buildbot-worker");

  /** The worker protocol the master speaks. */
  static final String PROTOCOL = "msgpack_experimental_v7";

  /** How long {@code create-worker} may take, for all workers together. */
  private static final long CREATE_SECONDS = 60;

  /** How long the workers may take to end after SIGTERM, before SIGKILL. */
  private static final long STOP_SECONDS = 10;

  private final Path command;
  private final Path dir;
  private final Map<String, Process> running = new LinkedHashMap<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Thread hook;

  private WorkerProcesses(Path command, Path dir) {
    this.command = command;
    this.dir = dir;
    this.hook = new Thread(this::stop, "amp4j-demo-buildbot-cleanup");
  }

  /**
   * Where {@code buildbot-worker} is: {@link #DEBIAN_COMMAND} if it is executable, else the first
   * executable {@code buildbot-worker} in the directories of {@code path} (a {@code PATH} value,
   * null for none).
   */
  static Optional<Path> locate(Path debian, String path) {
    if (Files.isExecutable(debian)) {
      return Optional.of(debian);
    }
    if (path == null) {
      return Optional.empty();
    }
    return Stream.of(path.split(File.pathSeparator))
        .filter(d -> !d.isEmpty())
        .map(d -> Path.of(d, "buildbot-worker"))
        .filter(p -> Files.isRegularFile(p) && Files.isExecutable(p))
        .findFirst();
  }

  /** Makes a fresh temporary directory for the workers, removed again by {@link #close()}. */
  static WorkerProcesses open(Path command) throws IOException {
    WorkerProcesses p =
        new WorkerProcesses(command, Files.createTempDirectory("amp4j-demo-buildbot-"));
    Runtime.getRuntime().addShutdownHook(p.hook);
    return p;
  }

  /** The directory that holds the workers' base directories. */
  Path dir() {
    return dir;
  }

  /**
   * Creates a base directory per worker, all at once, each to connect to {@code
   * 127.0.0.1:masterPort} with its name and password.
   *
   * @throws IOException if {@code create-worker} cannot run, fails or takes too long
   */
  void create(Map<String, String> credentials, int masterPort)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CREATE_SECONDS);
    Map<String, Process> creating = new LinkedHashMap<>();
    try {
      for (Map.Entry<String, String> w : credentials.entrySet()) {
        List<String> argv =
            List.of(
                command.toString(),
                "create-worker",
                "--protocol=" + PROTOCOL,
                basedir(w.getKey()).toString(),
                "127.0.0.1:" + masterPort,
                w.getKey(),
                w.getValue());
        creating.put(w.getKey(), launch(argv, dir.resolve(w.getKey() + "-create.log")));
      }
      for (Map.Entry<String, Process> c : creating.entrySet()) {
        Process p = c.getValue();
        if (!p.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
          throw new IOException(
              "create-worker " + c.getKey() + " took over " + CREATE_SECONDS + " s");
        }
        if (p.exitValue() != 0) {
          throw new IOException(
              "create-worker "
                  + c.getKey()
                  + " exited with "
                  + p.exitValue()
                  + ": "
                  + read(dir.resolve(c.getKey() + "-create.log")).strip());
        }
      }
    } finally {
      creating.values().forEach(Process::destroyForcibly); // only those still running
    }
  }

  /** Starts every created worker; each connects to the master at once. */
  synchronized void start(Iterable<String> names) throws IOException {
    if (closed.get()) {
      throw new IllegalStateException("the workers were stopped");
    }
    for (String name : names) {
      Path base = basedir(name);
      running.put(
          name,
          launch(
              List.of(command.toString(), "start", "--nodaemon", base.toString()),
              base.resolve("stdout.log")));
    }
  }

  /** The pid of a started worker. */
  synchronized long pid(String name) {
    return running.get(name).pid();
  }

  /** A worker's base directory. */
  Path basedir(String name) {
    return dir.resolve(name);
  }

  /** The last lines of a worker's own log ({@code twistd.log}), for when it did not connect. */
  String logTail(String name, int lines) {
    List<String> all = read(basedir(name).resolve("twistd.log")).lines().toList();
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }

  /** Stops the workers and deletes the directory; idempotent. */
  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down and runs the hook anyway
    }
  }

  /**
   * Sends SIGTERM to each worker and to what it runs, by pid, then SIGKILL to any still alive after
   * {@value #STOP_SECONDS} s; then deletes the directory.
   */
  private void stop() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    List<ProcessHandle> all = new ArrayList<>();
    synchronized (this) {
      for (Process p : running.values()) {
        all.add(p.toHandle());
        p.toHandle().descendants().forEach(all::add); // the steps' shells, should any still run
      }
    }
    all.forEach(ProcessHandle::destroy);
    awaitExit(all);
    List<ProcessHandle> left = all.stream().filter(ProcessHandle::isAlive).toList();
    left.forEach(ProcessHandle::destroyForcibly);
    awaitExit(left);
    delete(dir);
  }

  /** Waits, {@value #STOP_SECONDS} s at most, for the processes to end. */
  private static void awaitExit(List<ProcessHandle> processes) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_SECONDS);
    for (ProcessHandle h : processes) {
      try {
        h.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (ExecutionException | TimeoutException e) {
        // still alive
      }
    }
  }

  private static Process launch(List<String> argv, Path log) throws IOException {
    return new ProcessBuilder(argv)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "(" + file + " unreadable: " + e + ")";
    }
  }

  /** Deletes a tree, deepest first; what cannot be deleted stays. */
  private static void delete(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  // left behind in the temporary directory
                }
              });
    } catch (IOException e) {
      // nothing to delete
    }
  }
}
