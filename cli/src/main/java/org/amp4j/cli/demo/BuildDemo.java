package org.amp4j.cli.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.amp4j.AmpException;
import org.amp4j.Peer;
import org.amp4j.PeerConfig;
import org.amp4j.SessionStats;

/**
 * The master/worker build of {@code amp4j demo}: an in-process master and simulated workers on
 * loopback TCP, in sessions; one worker reaches the master through a relay that the master cuts
 * once, mid-step. Prints progress, then a {@link Summary} measured by the master.
 */
public final class BuildDemo {
  /** How long the whole build may take before it counts as failed. */
  static final Duration BUILD_TIMEOUT = Duration.ofSeconds(120);

  /** How long connecting and registering, or a resume after the build, may take. */
  static final Duration WAIT = Duration.ofSeconds(30);

  private BuildDemo() {}

  /** How progress is shown. */
  public enum Display {
    /** Live on a terminal ({@link System#console()} is not null), plain lines otherwise. */
    AUTO,
    /** A status block redrawn in place with ANSI escapes. */
    LIVE,
    /** One line per event. */
    PLAIN
  }

  /**
   * What to build and how to show it.
   *
   * @param workers how many workers (at least 1); worker 2 (or 1, when alone) has its connection
   *     cut
   * @param steps how many steps of {@link BuildPlan#standard} to run
   * @param seed chooses line counts, texts and pauses
   * @param verbose print every log line too
   * @param display how to show progress
   */
  public record Settings(int workers, int steps, long seed, boolean verbose, Display display) {
    /** Checks the values. */
    public Settings {
      if (workers < 1) {
        throw new IllegalArgumentException("workers must be >= 1, got " + workers);
      }
      BuildPlan.standard(steps, seed); // checks steps
    }
  }

  /**
   * Runs the build with these peer settings, printing progress and then the summary to {@code out}.
   *
   * @return 0 if every step succeeded and every log line arrived exactly once, else 1
   * @throws IllegalArgumentException if sessions are off in {@code config}
   */
  public static int run(PeerConfig config, Settings settings, PrintStream out) {
    if (!config.session().enabled()) {
      throw new IllegalArgumentException("the demo needs sessions, but they are off");
    }
    BuildPlan plan = BuildPlan.standard(settings.steps(), settings.seed());
    LineLedger ledger = new LineLedger();
    Progress progress = Progress.create(settings.display(), out, plan, settings.verbose());
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "amp4j-demo-steps");
              t.setDaemon(true);
              return t;
            });
    List<Worker> workers = new ArrayList<>();
    Master master = null;
    Relay relay = null;
    try {
      master = Master.start(config, plan, ledger, progress, settings.seed());
      relay = Relay.start(master.port());
      String cutWorker = "worker-" + Math.min(2, settings.workers());
      master.cutOnce(cutWorker, relay);
      progress.note(header(plan, settings, master.port()));
      for (int i = 1; i <= settings.workers(); i++) {
        String name = "worker-" + i;
        int port = name.equals(cutWorker) ? relay.port() : master.port();
        workers.add(Worker.start(name, port, config, timer, progress, WAIT));
      }
      Summary summary = build(master, relay, workers, cutWorker, plan, ledger, progress);
      progress.close();
      summary.print(out);
      return summary.ok() ? 0 : 1;
    } catch (IOException | AmpException | CompletionException | ExecutionException e) {
      progress.close();
      out.println("demo failed: " + e);
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      progress.close();
      out.println("demo interrupted");
      return 1;
    } finally {
      progress.close();
      // workers first: their sessions end with a BYE instead of reconnecting to a closed master
      workers.forEach(Worker::close);
      if (relay != null) {
        relay.close();
      }
      if (master != null) {
        master.close();
      }
      timer.shutdownNow();
    }
  }

  private static String header(BuildPlan plan, Settings settings, int port) {
    int steps = plan.steps().size();
    return String.format(
        "amp4j demo: %d step%s (%d log lines) on %d worker%s; master on 127.0.0.1:%d, seed %d",
        steps,
        steps == 1 ? "" : "s",
        plan.totalLines(),
        settings.workers(),
        settings.workers() == 1 ? "" : "s",
        port,
        settings.seed());
  }

  /** Runs the steps, waits for the cut worker to be back, and measures. */
  private static Summary build(
      Master master,
      Relay relay,
      List<Worker> workers,
      String cutWorker,
      BuildPlan plan,
      LineLedger ledger,
      Progress progress)
      throws InterruptedException, ExecutionException {
    long start = System.nanoTime();
    Dispatcher.Outcome outcome;
    try {
      outcome = master.build().get(BUILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      progress.note("the build did not finish within " + BUILD_TIMEOUT.toSeconds() + " s");
      outcome = master.outcome();
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    awaitCut(master, workers, cutWorker, progress);
    long reconnects = 0;
    long replayed = 0;
    long dropped = 0;
    List<SessionStats> all = new ArrayList<>();
    workers.forEach(w -> all.add(w.stats()));
    master.workers().values().stream().map(Peer::session).forEach(all::add);
    for (SessionStats s : all) {
      if (s != null) {
        replayed += s.replayed();
        dropped += s.duplicatesDropped();
      }
    }
    for (Worker w : workers) {
      reconnects += w.stats() == null ? 0 : w.stats().resumes();
    }
    return new Summary(
        outcome,
        plan.steps().size(),
        ledger.totals(),
        relay.cut(),
        reconnects,
        replayed,
        dropped,
        elapsed);
  }

  /**
   * Waits, bounded, until the cut is done and the cut worker's session has resumed: the listener
   * may hear of the resume a little after the lines it carried arrived.
   */
  private static void awaitCut(
      Master master, List<Worker> workers, String cutWorker, Progress progress)
      throws InterruptedException {
    if (master.cut() == null) {
      progress.event(cutWorker, "not cut: it ran no step past the middle");
      return;
    }
    Worker w = workers.stream().filter(x -> x.name().equals(cutWorker)).findFirst().orElseThrow();
    try {
      master.cut().get(WAIT.toSeconds(), TimeUnit.SECONDS);
      w.resumed().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      progress.event(w.name(), "session not resumed within " + WAIT.toSeconds() + " s");
    }
  }
}
