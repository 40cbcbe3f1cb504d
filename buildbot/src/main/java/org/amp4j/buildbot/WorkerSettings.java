package org.amp4j.buildbot;

import java.time.Duration;
import java.util.Objects;

/**
 * How a worker buffers and splits command output, sent with {@code set_worker_settings} on every
 * connection (buildbot-msgpack.md §6.2); it applies to commands started afterwards. Immutable.
 *
 * @param bufferSize bytes of output (text length + 8 per line offset and time) buffered before an
 *     {@code update} is sent; default 65536
 * @param bufferTimeout how long after the first buffered entry an {@code update} is sent at the
 *     latest; default 5 s (sent in seconds, as an integer when whole)
 * @param newlineRe the Python regular expression whose matches become line ends; default {@link
 *     #DEFAULT_NEWLINE_RE}
 * @param maxLineLength longer lines are split; default 4096
 */
public record WorkerSettings(
    int bufferSize, Duration bufferTimeout, String newlineRe, int maxLineLength) {

  /**
   * The newline expression of the Buildbot 3.7.0 master and worker: {@code
   * (\r\n|\r(?=.)|\033\[u|\033\[[0-9]+;[0-9]+[Hf]|\033\[2J|\x08+)}, backslashes being characters of
   * the string (Python interprets the escapes).
   */
  public static final String DEFAULT_NEWLINE_RE =
      "(\\r\\n|\\r(?=.)|\\033\\[u|\\033\\[[0-9]+;[0-9]+[Hf]|\\033\\[2J|\\x08+)";

  /** The values the Buildbot 3.7.0 master sends, which are also the worker's own defaults. */
  public static final WorkerSettings DEFAULTS =
      new WorkerSettings(65536, Duration.ofSeconds(5), DEFAULT_NEWLINE_RE, 4096);

  /** Validates the settings: sizes and the timeout positive, the expression present. */
  public WorkerSettings {
    Objects.requireNonNull(bufferTimeout, "bufferTimeout");
    Objects.requireNonNull(newlineRe, "newlineRe");
    if (bufferSize <= 0 || maxLineLength <= 0) {
      throw new IllegalArgumentException("bufferSize and maxLineLength must be positive");
    }
    if (bufferTimeout.isNegative() || bufferTimeout.isZero()) {
      throw new IllegalArgumentException("bufferTimeout must be positive, is " + bufferTimeout);
    }
  }
}
