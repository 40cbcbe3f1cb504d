package org.amp4j.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.amp4j.PeerConfig;
import org.amp4j.cli.demo.BuildDemo;
import org.amp4j.cli.demo.BuildPlan;
import org.amp4j.cli.demo.BuildbotBuild;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code amp4j demo}: a master/worker build in one process. The master dispatches build steps to
 * workers over loopback TCP in sessions, the workers stream their log lines back, one worker's
 * connection is cut mid-build and resumes, and the master checks that no line was lost or
 * duplicated. With {@code --buildbot}, the same steps run on real Buildbot workers ({@link
 * BuildbotBuild}).
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Run a simulated build: an in-process master sends build steps to workers over loopback"
          + " TCP in amp4j sessions; the workers stream their log lines back. The master cuts one"
          + " worker's connection mid-step; its session resumes and the build goes on. Shows"
          + " live progress on a terminal (plain lines otherwise), then a summary: steps, lines"
          + " expected and received, lost, duplicated, reconnects, time.",
      "With --buildbot, the same steps run for real, as shell commands on Buildbot 3.7 workers"
          + " (Debian's buildbot-worker, protocol msgpack_experimental_v7) that the demo creates in"
          + " a temporary directory, starts, and stops and deletes at the end; an in-process"
          + " Buildbot master on 127.0.0.1 hands out the steps and counts every numbered line the"
          + " workers stream back. No connection is cut in this mode: Buildbot's protocol has no"
          + " session resumption. --codec, --config and --no-session do not apply to it.",
      "Exit status: 0 if every step succeeded and every line arrived exactly once, 1 otherwise,"
          + " 64 usage error, 69 --buildbot but buildbot-worker is not installed."
    })
final class DemoCommand implements Callable<Integer> {

  /** Exit status when {@code --buildbot} is asked for but {@code buildbot-worker} is missing. */
  static final int UNAVAILABLE = 69;

  /** What to do when {@code buildbot-worker} is missing. */
  static final String INSTALL_HINT =
      "--buildbot needs Debian's buildbot-worker: apt-get install -y buildbot-worker";

  @Option(
      names = "--workers",
      paramLabel = "N",
      description =
          "how many workers: 1..16, default 3; with --buildbot 1.."
              + BuildbotBuild.MAX_WORKERS
              + ", default 1")
  Integer workers;

  @Option(
      names = "--buildbot",
      description =
          "run the same steps on real buildbot-worker processes (needs Debian's buildbot-worker"
              + " 3.7: /usr/bin/buildbot-worker or buildbot-worker on PATH); no connection is cut")
  boolean buildbot;

  @Option(
      names = "--steps",
      description = "run only the first N build steps (default: all)",
      paramLabel = "N")
  Integer steps;

  @Option(
      names = "--seed",
      defaultValue = "1",
      paramLabel = "N",
      description = "chooses line counts, log texts and pauses (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--verbose", description = "print every log line, prefixed by its worker")
  boolean verbose;

  @Option(
      names = "--progress",
      defaultValue = "auto",
      paramLabel = "auto|live|plain",
      description =
          "live: a status block redrawn in place; plain: one line per event; auto (default):"
              + " live on a terminal, plain otherwise")
  String progress;

  @Mixin ConfigOptions options = new ConfigOptions();

  @Override
  public Integer call() {
    if (buildbot) {
      return callBuildbot();
    }
    PeerConfig config;
    BuildDemo.Settings settings;
    try {
      if (options.noSession) {
        throw new IllegalArgumentException(
            "the demo shows sessions at work and cannot run with --no-session");
      }
      config = options.config();
      if (!config.session().enabled()) {
        throw new IllegalArgumentException(
            "the demo needs sessions, but the configuration turns them off (session.enabled)");
      }
      settings = settings(16, 3);
    } catch (IllegalArgumentException e) {
      System.err.println("amp4j demo: " + e.getMessage());
      return Main.USAGE;
    }
    return BuildDemo.run(config, settings, System.out);
  }

  /** {@code --buildbot}: the steps on real Buildbot workers, if installed. */
  private int callBuildbot() {
    BuildDemo.Settings settings;
    try {
      if (options.noSession || options.file != null || !options.codecs.isEmpty()) {
        throw new IllegalArgumentException(
            "--codec, --config and --no-session configure amp4j sessions; they do not apply with"
                + " --buildbot");
      }
      settings = settings(BuildbotBuild.MAX_WORKERS, 1);
    } catch (IllegalArgumentException e) {
      System.err.println("amp4j demo: " + e.getMessage());
      return Main.USAGE;
    }
    Optional<Path> command = BuildbotBuild.workerCommand();
    if (command.isEmpty()) {
      System.err.println("amp4j demo: " + INSTALL_HINT);
      return UNAVAILABLE;
    }
    return BuildbotBuild.run(command.get(), settings, System.out);
  }

  /**
   * The settings the options describe.
   *
   * @throws IllegalArgumentException if an option is out of range
   */
  private BuildDemo.Settings settings(int maxWorkers, int defaultWorkers) {
    int n = workers == null ? defaultWorkers : workers;
    if (n < 1 || n > maxWorkers) {
      throw new IllegalArgumentException(
          "--workers must be within 1.."
              + maxWorkers
              + (buildbot ? " with --buildbot" : "")
              + ", got "
              + n);
    }
    if (steps != null && (steps < 1 || steps > BuildPlan.size())) {
      throw new IllegalArgumentException(
          "--steps must be within 1.." + BuildPlan.size() + ", got " + steps);
    }
    return new BuildDemo.Settings(
        n, steps == null ? BuildPlan.size() : steps, seed, verbose, display());
  }

  private BuildDemo.Display display() {
    return switch (progress) {
      case "auto" -> BuildDemo.Display.AUTO;
      case "live" -> BuildDemo.Display.LIVE;
      case "plain" -> BuildDemo.Display.PLAIN;
      default ->
          throw new IllegalArgumentException(
              "--progress must be auto, live or plain, got '" + progress + "'");
    };
  }
}
