package org.amp4j.cli.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.amp4j.AmpException;
import org.amp4j.buildbot.BuildbotMaster;
import org.amp4j.buildbot.BuildbotMasterConfig;
import org.amp4j.buildbot.Worker;
import org.amp4j.buildbot.WorkerListener;
import org.amp4j.buildbot.WorkerSettings;

/**
 * {@code amp4j demo --buildbot}: the steps of the demo build run for real, as shell commands on
 * unmodified Buildbot 3.7 workers ({@code buildbot-worker}, protocol {@code
 * msgpack_experimental_v7}) that this process starts as children and drives through a {@link
 * BuildbotMaster} on 127.0.0.1. Each step writes its numbered lines ({@link StepLines}); the master
 * counts them in a {@link LineLedger} and prints the same progress and {@link Summary} as the
 * simulated build. No connection is cut: Buildbot's protocol has no session to resume.
 */
public final class BuildbotBuild {
  /** The most workers this mode starts: each is a Python process. */
  public static final int MAX_WORKERS = 3;

  /** How long the workers may take to connect and finish their handshake. */
  static final Duration CONNECT_WAIT = Duration.ofSeconds(60);

  /** Output is sent to the master at most this long after it was written (Buildbot's is 5 s). */
  static final Duration BUFFER_TIMEOUT = Duration.ofMillis(200);

  private BuildbotBuild() {}

  /**
   * Where {@code buildbot-worker} is installed: {@code /usr/bin/buildbot-worker}, else the first on
   * {@code PATH}.
   */
  public static Optional<Path> workerCommand() {
    return WorkerProcesses.locate(WorkerProcesses.DEBIAN_COMMAND, System.getenv("PATH"));
  }

  /**
   * Starts a master and {@code settings.workers()} workers in a fresh temporary directory, runs the
   * build, prints progress and then the summary to {@code out}; always stops the workers and
   * deletes the directory.
   *
   * @param command the {@code buildbot-worker} command ({@link #workerCommand()})
   * @return 0 if every step succeeded and every log line arrived exactly once, else 1
   * @throws IllegalArgumentException if more than {@value #MAX_WORKERS} workers are asked for
   */
  public static int run(Path command, BuildDemo.Settings settings, PrintStream out) {
    if (settings.workers() > MAX_WORKERS) {
      throw new IllegalArgumentException(
          "at most " + MAX_WORKERS + " Buildbot workers, not " + settings.workers());
    }
    BuildPlan plan = BuildPlan.standard(settings.steps(), settings.seed());
    Progress progress = Progress.create(settings.display(), out, plan, settings.verbose());
    Map<String, String> credentials = credentials(settings.workers());
    Reconnects reconnects = new Reconnects(progress);
    BuildbotMaster master = null;
    WorkerProcesses processes = null;
    try {
      master = BuildbotMaster.start(config(credentials));
      master.addListener(reconnects);
      processes = WorkerProcesses.open(command);
      progress.note(header(plan, settings, master.port(), processes.dir()));
      progress.note("no connection is cut: Buildbot's worker protocol has no session to resume");
      processes.create(credentials, master.port());
      processes.start(credentials.keySet());
      credentials.keySet().forEach(name -> progress.status(name, "connecting"));
      Map<String, Worker> workers = connect(master, processes, credentials, progress);
      Summary summary = build(plan, workers, settings.seed(), reconnects, progress);
      progress.close();
      summary.print(out);
      return summary.ok() ? 0 : 1;
    } catch (IOException | AmpException | ExecutionException | TimeoutException e) {
      progress.close();
      out.println("demo failed: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      progress.close();
      out.println("demo interrupted");
      return 1;
    } finally {
      progress.close();
      if (processes != null) {
        processes.close();
      }
      if (master != null) {
        master.close();
      }
    }
  }

  /** worker-1, worker-2, ... with one random password each. */
  private static Map<String, String> credentials(int count) {
    SecureRandom random = new SecureRandom();
    Map<String, String> credentials = new LinkedHashMap<>();
    for (int i = 1; i <= count; i++) {
      byte[] password = new byte[16];
      random.nextBytes(password);
      credentials.put("worker-" + i, HexFormat.of().formatHex(password));
    }
    return credentials;
  }

  private static BuildbotMasterConfig config(Map<String, String> credentials) {
    return BuildbotMasterConfig.builder()
        .host("127.0.0.1")
        .port(0)
        .workers(credentials)
        .settings(
            new WorkerSettings(65536, BUFFER_TIMEOUT, WorkerSettings.DEFAULT_NEWLINE_RE, 4096))
        .build();
  }

  private static String header(BuildPlan plan, BuildDemo.Settings settings, int port, Path dir) {
    int steps = plan.steps().size();
    return String.format(
        "amp4j demo --buildbot: %d step%s (%d log lines) on %d buildbot-worker process%s in %s;"
            + " master on 127.0.0.1:%d (%s), seed %d",
        steps,
        steps == 1 ? "" : "s",
        plan.totalLines(),
        settings.workers(),
        settings.workers() == 1 ? "" : "es",
        dir,
        port,
        WorkerProcesses.PROTOCOL,
        settings.seed());
  }

  /**
   * Waits, bounded, for every worker to connect and finish its handshake, and shows each.
   *
   * @throws TimeoutException with the end of each missing worker's log
   */
  private static Map<String, Worker> connect(
      BuildbotMaster master,
      WorkerProcesses processes,
      Map<String, String> credentials,
      Progress progress)
      throws InterruptedException, ExecutionException, TimeoutException {
    List<Worker> ready;
    try {
      ready =
          master
              .awaitWorkers(credentials.keySet(), CONNECT_WAIT)
              .toCompletableFuture()
              .get(CONNECT_WAIT.toSeconds() + 5, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      StringBuilder why = new StringBuilder();
      for (String name : credentials.keySet()) {
        if (master.worker(name).isEmpty()) {
          why.append(String.format("%n%s did not connect; the end of its twistd.log:%n", name))
              .append(processes.logTail(name, 15));
        }
      }
      throw new TimeoutException(
          "the workers did not connect within " + CONNECT_WAIT.toSeconds() + " s" + why);
    }
    Map<String, Worker> workers = new LinkedHashMap<>();
    for (Worker w : ready) {
      workers.put(w.name(), w);
      progress.status(w.name(), null);
      progress.workerJoined(
          w.name(),
          String.format(
              "buildbot-worker %s (pid %d, %s, %d CPU%s), from %s",
              w.info().version(),
              processes.pid(w.name()),
              w.info().system(),
              w.info().numcpus(),
              w.info().numcpus() == 1 ? "" : "s",
              w.remoteAddress()));
    }
    return workers;
  }

  /** Runs the steps, bounded by {@link BuildDemo#BUILD_TIMEOUT}, and measures. */
  private static Summary build(
      BuildPlan plan,
      Map<String, Worker> workers,
      long seed,
      Reconnects reconnects,
      Progress progress)
      throws InterruptedException, ExecutionException {
    LineLedger ledger = new LineLedger();
    BuildbotSteps steps = new BuildbotSteps(plan, workers, ledger, progress, seed);
    long start = System.nanoTime();
    Dispatcher.Outcome outcome;
    try {
      outcome = steps.build().get(BuildDemo.BUILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      progress.note(
          "the build did not finish within " + BuildDemo.BUILD_TIMEOUT.toSeconds() + " s");
      outcome = steps.outcome();
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    return new Summary(
        outcome, plan.steps().size(), ledger.totals(), 0, reconnects.count(), 0, 0, elapsed);
  }

  /** Tells of workers that lose their connection, and counts those that connect again. */
  private static final class Reconnects implements WorkerListener {
    private final Progress progress;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final AtomicInteger count = new AtomicInteger();

    Reconnects(Progress progress) {
      this.progress = progress;
    }

    int count() {
      return count.get();
    }

    @Override
    public void connected(Worker worker) {
      if (!seen.add(worker.name())) {
        count.incrementAndGet();
        progress.event(worker.name(), "connected again (a new connection: its steps are lost)");
      }
    }

    @Override
    public void disconnected(Worker worker) {
      progress.event(worker.name(), "disconnected");
    }
  }
}
