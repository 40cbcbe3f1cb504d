package org.amp4j.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.amp4j.AmpException;
import org.amp4j.buildbot.BuildbotMaster;
import org.amp4j.buildbot.BuildbotMasterConfig;
import org.amp4j.buildbot.CommandListener;
import org.amp4j.buildbot.CommandResult;
import org.amp4j.buildbot.RunningCommand;
import org.amp4j.buildbot.ShellCommand;
import org.amp4j.buildbot.Worker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code amp4j buildbot-master}: a Buildbot master that waits for unmodified Buildbot workers
 * ({@code msgpack_experimental_v7}), runs one shell command on each, streams their output and exits
 * with 0 only if every command exited with 0.
 */
@Command(
    name = "buildbot-master",
    mixinStandardHelpOptions = true,
    description = {
      "Wait for Buildbot workers (buildbot-worker create-worker"
          + " --protocol=msgpack_experimental_v7 ...), run a shell command on each, print every"
          + " output line prefixed by the worker's name and each worker's rc.",
      "Prints \"listening on HOST:PORT\" first. Exit status: 0 every rc was 0; 1 a command failed"
          + " or exited non-zero; 2 timeout or a worker lost; 64 usage error."
    })
final class BuildbotMasterCommand implements java.util.concurrent.Callable<Integer> {

  /** Exit status when a command failed or exited non-zero. */
  static final int FAILED = 1;

  /** Exit status when the run timed out or a worker went away. */
  static final int INCOMPLETE = 2;

  @Option(
      names = "--port",
      defaultValue = "9989",
      description = "Port to listen on (0 picks one; default ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "Interface to listen on (default ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--worker",
      required = true,
      paramLabel = "NAME:PASSWORD",
      description = "A worker allowed to connect; repeat for several. Split at the first colon.")
  List<String> workers;

  @Option(names = "--run", required = true, paramLabel = "COMMAND", description = "Shell command.")
  String run;

  @Option(
      names = "--wait-for",
      paramLabel = "K",
      description = "Run once K workers are connected (default: all named workers).")
  Integer waitFor;

  @Option(
      names = "--timeout",
      defaultValue = "300",
      paramLabel = "S",
      description = "Give up after S seconds in all (default ${DEFAULT-VALUE}).")
  double timeoutSeconds;

  @Option(
      names = "--workdir",
      defaultValue = "amp4j-run",
      description =
          "Working directory on each worker, relative to its base directory (default"
              + " ${DEFAULT-VALUE}).")
  String workdir;

  @Override
  public Integer call() {
    Map<String, String> credentials = new LinkedHashMap<>();
    for (String w : workers) {
      int colon = w.indexOf(':');
      if (colon <= 0) {
        return usage("--worker wants NAME:PASSWORD, got '" + w + "'");
      }
      if (credentials.put(w.substring(0, colon), w.substring(colon + 1)) != null) {
        return usage("worker '" + w.substring(0, colon) + "' is named twice");
      }
    }
    int k = waitFor == null ? credentials.size() : waitFor;
    if (k < 1 || k > credentials.size()) {
      return usage("--wait-for must be 1.." + credentials.size() + ", is " + k);
    }
    if (!(timeoutSeconds > 0)) {
      return usage("--timeout must be positive");
    }
    if (port < 0 || port > 65535) {
      return usage("--port must be 0..65535");
    }
    BuildbotMasterConfig config =
        BuildbotMasterConfig.builder().host(host).port(port).workers(credentials).build();
    try (BuildbotMaster master = BuildbotMaster.start(config)) {
      return run(master, credentials, k, System.out, System.err);
    } catch (AmpException e) {
      System.err.println("amp4j: " + e.getMessage());
      return INCOMPLETE;
    }
  }

  private static int usage(String message) {
    System.err.println("amp4j: " + message);
    return Main.USAGE;
  }

  private int run(
      BuildbotMaster master,
      Map<String, String> credentials,
      int k,
      PrintStream out,
      PrintStream err) {
    long deadline = System.nanoTime() + (long) (timeoutSeconds * 1e9);
    out.println("listening on " + master.host() + ":" + master.port());
    out.flush();
    err.println(
        "waiting for " + k + " of " + credentials.size() + " worker(s): " + credentials.keySet());
    List<Worker> ready;
    try {
      Duration wait = remaining(deadline);
      ready =
          (k == credentials.size()
                  ? master.awaitWorkers(credentials.keySet(), wait)
                  : master.awaitWorkers(k, wait))
              .toCompletableFuture()
              .get(wait.toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      err.println("amp4j: timed out waiting for workers; connected: " + names(master.workers()));
      return INCOMPLETE;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return INCOMPLETE;
    }
    for (Worker w : ready) {
      err.println(
          w.name()
              + ": connected from "
              + w.remoteAddress()
              + " (buildbot-worker "
              + w.info().version()
              + ", "
              + w.info().system()
              + ")");
    }
    return runOnAll(ready, out, err, deadline);
  }

  /** Starts the command on every worker, then waits for all of them. */
  private int runOnAll(List<Worker> ready, PrintStream out, PrintStream err, long deadline) {
    List<RunningCommand> running = new ArrayList<>();
    for (Worker w : ready) {
      ShellCommand shell =
          ShellCommand.builder(w.info().resolve(workdir)).command(run).logEnviron(false).build();
      running.add(w.shell(shell, new Prefixer(w.name(), out, err)));
    }
    int status = 0;
    for (RunningCommand c : running) {
      String name = c.worker().name();
      CommandResult r;
      try {
        r =
            c.completion()
                .toCompletableFuture()
                .get(Math.max(1, remaining(deadline).toMillis()), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        c.interrupt("amp4j buildbot-master: --timeout reached");
        print(out, name + " timed out");
        status = Math.max(status, INCOMPLETE);
        continue;
      } catch (ExecutionException e) {
        print(out, name + " lost: " + e.getCause().getMessage());
        status = Math.max(status, INCOMPLETE);
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return INCOMPLETE;
      }
      if (r.failure() != null) {
        print(out, name + " failed: " + r.failure().strip().lines().findFirst().orElse(""));
        status = Math.max(status, FAILED);
      } else {
        print(out, name + " rc=" + r.rc());
        if (r.rc() == null || r.rc() != 0) {
          status = Math.max(status, FAILED);
        }
      }
    }
    return status;
  }

  private static void print(PrintStream stream, String line) {
    synchronized (BuildbotMasterCommand.class) {
      stream.println(line);
      stream.flush();
    }
  }

  private static Duration remaining(long deadline) {
    return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
  }

  private static List<String> names(List<Worker> workers) {
    return workers.stream().map(Worker::name).toList();
  }

  /** Prints each line of a command's output with the worker's name in front. */
  private static final class Prefixer implements CommandListener {
    private final String name;
    private final PrintStream out;
    private final PrintStream err;

    Prefixer(String name, PrintStream out, PrintStream err) {
      this.name = name;
      this.out = out;
      this.err = err;
    }

    @Override
    public void stdout(String text) {
      lines(out, text);
    }

    @Override
    public void stderr(String text) {
      lines(err, text);
    }

    private void lines(PrintStream stream, String text) {
      synchronized (BuildbotMasterCommand.class) {
        text.lines().forEach(line -> stream.println(name + ": " + line));
        stream.flush();
      }
    }
  }
}
