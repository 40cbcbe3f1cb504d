package org.amp4j.buildbot;

import java.time.Duration;
import java.util.List;

/**
 * How a worker command ended: what its {@code update}s and its {@code complete} reported.
 *
 * @param rc the last exit code reported, or null if none was
 * @param failure the text of a {@code complete} that reported an exception (a rendering of a Python
 *     failure), or null when the command ran to its end; a failure counts whatever the rc
 * @param elapsed the run time the worker reported, or null (there is none after an interrupt)
 * @param files the {@code files} entry ({@code glob}, {@code listdir}), empty if none
 * @param stat the {@code stat} entry (mode, ino, dev, nlink, uid, gid, size, atime, mtime, ctime as
 *     {@link Long} or {@link Double}), empty if none
 * @param interrupted whether the master asked the worker to interrupt the command
 */
public record CommandResult(
    Integer rc,
    String failure,
    Duration elapsed,
    List<String> files,
    List<Number> stat,
    boolean interrupted) {

  /** Copies the lists. */
  public CommandResult {
    files = List.copyOf(files);
    stat = List.copyOf(stat);
  }

  /** Whether the command succeeded: no failure and exit code 0. */
  public boolean success() {
    return failure == null && rc != null && rc == 0;
  }
}
