package org.amp4j.cli.demo;

import java.util.List;
import java.util.Objects;

/**
 * One step of the demo build: what to run, on which module, and how many log lines it writes.
 *
 * <p>The simulated workers of {@code amp4j demo} only pretend to run {@link #command()}; a real
 * build worker (such as a Buildbot worker) can run it as a shell command instead.
 *
 * @param id unique within its plan, {@code module:phase}, such as {@code codec-amp:test}
 * @param module the module the step builds
 * @param phase {@code compile}, {@code test} or {@code package}
 * @param command what the step runs, as a shell command line
 * @param lines how many log lines the simulated step writes (at least 2)
 * @param needs ids of the steps that must have succeeded before this one starts
 */
public record BuildStep(
    String id, String module, String phase, String command, int lines, List<String> needs) {

  /** Checks the values. */
  public BuildStep {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(module, "module");
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(command, "command");
    if (lines < 2) {
      throw new IllegalArgumentException(id + ": lines must be >= 2, got " + lines);
    }
    needs = List.copyOf(needs);
  }
}
