package org.amp4j.cli;

import java.util.concurrent.Callable;
import org.amp4j.PeerConfig;
import org.amp4j.cli.demo.BuildDemo;
import org.amp4j.cli.demo.BuildPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code amp4j demo}: a master/worker build in one process. The master dispatches build steps to
 * workers over loopback TCP in sessions, the workers stream their log lines back, one worker's
 * connection is cut mid-build and resumes, and the master checks that no line was lost or
 * duplicated.
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
      "Exit status: 0 if every step succeeded and every line arrived exactly once, 1 otherwise,"
          + " 64 usage error."
    })
final class DemoCommand implements Callable<Integer> {

  @Option(
      names = "--workers",
      defaultValue = "3",
      paramLabel = "N",
      description = "how many workers, 1..16 (default ${DEFAULT-VALUE})")
  int workers;

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
      if (workers < 1 || workers > 16) {
        throw new IllegalArgumentException("--workers must be within 1..16, got " + workers);
      }
      if (steps != null && (steps < 1 || steps > BuildPlan.size())) {
        throw new IllegalArgumentException(
            "--steps must be within 1.." + BuildPlan.size() + ", got " + steps);
      }
      settings =
          new BuildDemo.Settings(
              workers, steps == null ? BuildPlan.size() : steps, seed, verbose, display());
    } catch (IllegalArgumentException e) {
      System.err.println("amp4j demo: " + e.getMessage());
      return Main.USAGE;
    }
    return BuildDemo.run(config, settings, System.out);
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
