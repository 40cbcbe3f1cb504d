package org.amp4j.buildbot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A process for a worker to run: the {@code shell} command (buildbot-msgpack.md §7.4). Immutable;
 * build with {@link #builder(String)}.
 *
 * <pre>{@code
 * ShellCommand make = ShellCommand.builder(info.resolve("build"))
 *     .argv("make", "-j4")
 *     .env("CC", "clang")
 *     .timeout(Duration.ofMinutes(20))
 *     .build();
 * }</pre>
 *
 * @param commandLine the command as one string, run with {@code /bin/sh -c}; null when {@code argv}
 *     is given
 * @param argv the command as an argument vector, {@code argv[0]} looked up in {@code PATH}; null
 *     when {@code commandLine} is given
 * @param workdir the absolute directory to run in, created if missing (see {@link
 *     WorkerInfo#resolve})
 * @param env variables to set; a value may use {@code ${NAME}} for the worker's variable
 * @param unsetEnv variables to remove from the environment
 * @param timeout kill after this long without output; null for no limit (default)
 * @param maxTime kill after this long in total; null for no limit (default)
 * @param sigtermTime if set, a kill sends SIGTERM first and the interrupt signal this long after
 * @param interruptSignal the signal name without {@code SIG} used to kill; null for the worker's
 *     {@code KILL}
 * @param wantStdout whether to send standard output (default true)
 * @param wantStderr whether to send standard error (default true)
 * @param logEnviron whether the header lists the whole environment (default true)
 * @param initialStdin text written to standard input before it is closed; null for none
 * @param usePty whether to run in a pseudo-terminal (default false)
 * @param logfiles log name to file (relative to the workdir) whose lines arrive as {@code log}
 *     entries
 */
public record ShellCommand(
    String commandLine,
    List<String> argv,
    String workdir,
    Map<String, String> env,
    Set<String> unsetEnv,
    Duration timeout,
    Duration maxTime,
    Duration sigtermTime,
    String interruptSignal,
    boolean wantStdout,
    boolean wantStderr,
    boolean logEnviron,
    String initialStdin,
    boolean usePty,
    Map<String, LogFile> logfiles) {

  /**
   * A file the worker watches while the command runs.
   *
   * @param filename the file, relative to the workdir
   * @param follow whether to start at its current end rather than its beginning
   */
  public record LogFile(String filename, boolean follow) {
    /** Validates the name. */
    public LogFile {
      Objects.requireNonNull(filename, "filename");
    }
  }

  /**
   * Validates and copies the parts.
   *
   * @throws IllegalArgumentException unless exactly one of commandLine and argv is given, argv is
   *     not empty and workdir is absolute
   */
  public ShellCommand {
    if ((commandLine == null) == (argv == null)) {
      throw new IllegalArgumentException("give exactly one of commandLine and argv");
    }
    if (argv != null && argv.isEmpty()) {
      throw new IllegalArgumentException("argv is empty");
    }
    Objects.requireNonNull(workdir, "workdir");
    if (!WorkerPaths.isAbsoluteAnywhere(workdir)) {
      throw new IllegalArgumentException(
          "workdir '" + workdir + "' is not absolute; make it so with WorkerInfo.resolve");
    }
    argv = argv == null ? null : List.copyOf(argv);
    env = Map.copyOf(env);
    unsetEnv = Set.copyOf(unsetEnv);
    logfiles = Map.copyOf(logfiles);
  }

  /** A builder for a command running in an absolute directory of the worker. */
  public static Builder builder(String workdir) {
    return new Builder(workdir);
  }

  /** Builds a {@link ShellCommand}; not thread-safe. */
  public static final class Builder {
    private final String workdir;
    private String commandLine;
    private List<String> argv;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final Set<String> unsetEnv = new LinkedHashSet<>();
    private Duration timeout;
    private Duration maxTime;
    private Duration sigtermTime;
    private String interruptSignal;
    private boolean wantStdout = true;
    private boolean wantStderr = true;
    private boolean logEnviron = true;
    private String initialStdin;
    private boolean usePty;
    private final Map<String, LogFile> logfiles = new LinkedHashMap<>();

    private Builder(String workdir) {
      this.workdir = workdir;
    }

    /** Runs one command line with {@code /bin/sh -c}; replaces any argv. */
    public Builder command(String commandLine) {
      this.commandLine = Objects.requireNonNull(commandLine, "commandLine");
      this.argv = null;
      return this;
    }

    /** Runs an argument vector; replaces any command line. */
    public Builder argv(String... argv) {
      return argv(List.of(argv));
    }

    /** Runs an argument vector; replaces any command line. */
    public Builder argv(List<String> argv) {
      this.argv = new ArrayList<>(argv);
      this.commandLine = null;
      return this;
    }

    /** Sets an environment variable. */
    public Builder env(String name, String value) {
      env.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      unsetEnv.remove(name);
      return this;
    }

    /** Removes an environment variable. */
    public Builder unsetEnv(String name) {
      unsetEnv.add(Objects.requireNonNull(name, "name"));
      env.remove(name);
      return this;
    }

    /** See {@link ShellCommand#timeout()}. */
    public Builder timeout(Duration v) {
      timeout = v;
      return this;
    }

    /** See {@link ShellCommand#maxTime()}. */
    public Builder maxTime(Duration v) {
      maxTime = v;
      return this;
    }

    /** See {@link ShellCommand#sigtermTime()}. */
    public Builder sigtermTime(Duration v) {
      sigtermTime = v;
      return this;
    }

    /** See {@link ShellCommand#interruptSignal()}. */
    public Builder interruptSignal(String v) {
      interruptSignal = v;
      return this;
    }

    /** See {@link ShellCommand#wantStdout()}. */
    public Builder wantStdout(boolean v) {
      wantStdout = v;
      return this;
    }

    /** See {@link ShellCommand#wantStderr()}. */
    public Builder wantStderr(boolean v) {
      wantStderr = v;
      return this;
    }

    /** See {@link ShellCommand#logEnviron()}. */
    public Builder logEnviron(boolean v) {
      logEnviron = v;
      return this;
    }

    /** See {@link ShellCommand#initialStdin()}. */
    public Builder initialStdin(String v) {
      initialStdin = v;
      return this;
    }

    /** See {@link ShellCommand#usePty()}. */
    public Builder usePty(boolean v) {
      usePty = v;
      return this;
    }

    /** Watches a file, relative to the workdir, from its beginning, as log {@code name}. */
    public Builder logfile(String name, String filename) {
      return logfile(name, new LogFile(filename, false));
    }

    /** Watches a file as log {@code name}. */
    public Builder logfile(String name, LogFile file) {
      logfiles.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(file, "file"));
      return this;
    }

    /**
     * The command.
     *
     * @throws IllegalArgumentException as the {@link ShellCommand} constructor
     */
    public ShellCommand build() {
      return new ShellCommand(
          commandLine,
          argv,
          workdir,
          env,
          unsetEnv,
          timeout,
          maxTime,
          sigtermTime,
          interruptSignal,
          wantStdout,
          wantStderr,
          logEnviron,
          initialStdin,
          usePty,
          logfiles);
    }
  }
}
