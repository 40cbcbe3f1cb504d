package org.amp4j.buildbot;

/**
 * Receives what a running command streams back, in the order the worker sent it. Every method does
 * nothing by default. Text arrives as whole lines, each ending in {@code \n}, in chunks as the
 * worker buffered them (see {@link WorkerSettings}).
 *
 * <p>Methods are called one at a time, on the master's executor (never on an I/O thread), while the
 * worker waits for the answer to its {@code update}: a slow listener slows the worker's output of
 * that connection, not the master. An exception thrown by a listener is logged and ignored.
 */
public interface CommandListener {

  /** A listener that ignores everything. */
  CommandListener NONE = new CommandListener() {};

  /** Standard output lines. */
  default void stdout(String text) {}

  /** Standard error lines. */
  default void stderr(String text) {}

  /** Header lines the worker writes about the command (its argv, workdir, elapsed time, ...). */
  default void header(String text) {}

  /** Lines of a watched log file ({@link ShellCommand#logfiles()}). */
  default void log(String name, String text) {}

  /** The exit code: {@code -1} after a kill, errno for file-system commands. */
  default void rc(int rc) {}

  /** The run time in seconds, sent at the end (not after an interrupt). */
  default void elapsed(double seconds) {}

  /**
   * Any other entry, such as {@code files} or {@code stat}, with its value in the Java forms of
   * {@link BuildbotTypes#ANY}; also entries of the keys above whose value has an unexpected shape.
   */
  default void update(String key, Object value) {}
}
