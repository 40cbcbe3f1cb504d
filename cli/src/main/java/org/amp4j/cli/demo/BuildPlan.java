package org.amp4j.cli.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The steps of the demo build, in an order where every step comes after the steps it needs:
 * compile, test and package for six modules of amp4j. Shared by the simulated build of {@code amp4j
 * demo} and by anything that runs the same steps for real.
 *
 * <p>Immutable and thread-safe.
 */
public final class BuildPlan {
  /** The modules, each after the ones it depends on. */
  static final List<String> MODULES =
      List.of("protocol-api", "codec-amp", "codec-json", "codec-msgpack", "transport-tcp", "cli");

  /** The phases of each module, in order. */
  static final List<String> PHASES = List.of("compile", "test", "package");

  private final List<BuildStep> steps;

  private BuildPlan(List<BuildStep> steps) {
    this.steps = List.copyOf(steps);
  }

  /** How many steps {@link #standard} has in all. */
  public static int size() {
    return MODULES.size() * PHASES.size();
  }

  /**
   * The standard plan cut to its first {@code count} steps; line counts are drawn from {@code
   * seed}, so that the same seed gives the same plan.
   *
   * @throws IllegalArgumentException if {@code count} is not within 1..{@link #size()}
   */
  public static BuildPlan standard(int count, long seed) {
    if (count < 1 || count > size()) {
      throw new IllegalArgumentException("steps must be within 1.." + size() + ", got " + count);
    }
    Random random = new Random(seed);
    List<BuildStep> all = new ArrayList<>();
    for (String phase : PHASES) {
      for (String module : MODULES) {
        all.add(make(module, phase, random));
      }
    }
    return new BuildPlan(all.subList(0, count));
  }

  /** The steps, each after those it needs. */
  public List<BuildStep> steps() {
    return steps;
  }

  /** The step with this id. */
  public BuildStep step(String id) {
    for (BuildStep s : steps) {
      if (s.id().equals(id)) {
        return s;
      }
    }
    throw new IllegalArgumentException("no step " + id);
  }

  /** The log lines of all steps together. */
  public int totalLines() {
    return steps.stream().mapToInt(BuildStep::lines).sum();
  }

  private static BuildStep make(String module, String phase, Random random) {
    List<String> needs = new ArrayList<>();
    int lines;
    String command;
    switch (phase) {
      case "compile" -> {
        if (module.equals("cli")) {
          MODULES.stream().filter(m -> !m.equals("cli")).forEach(m -> needs.add(m + ":compile"));
        } else if (!module.equals("protocol-api")) {
          needs.add("protocol-api:compile");
        }
        lines = 15 + random.nextInt(25);
        command = "javac --release 17 -d " + module + "/classes @" + module + "/sources.txt";
      }
      case "test" -> {
        needs.add(module + ":compile");
        lines = 25 + random.nextInt(35);
        command = "java -jar junit-console.jar --scan-class-path " + module + "/test-classes";
      }
      default -> {
        needs.add(module + ":test");
        lines = 8 + random.nextInt(12);
        command = "jar --create --file " + module + ".jar -C " + module + "/classes .";
      }
    }
    return new BuildStep(module + ":" + phase, module, phase, command, lines, needs);
  }
}
