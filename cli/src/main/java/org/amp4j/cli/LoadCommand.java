package org.amp4j.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.amp4j.Amp;
import org.amp4j.AmpException;
import org.amp4j.Endpoint;
import org.amp4j.Peer;
import org.amp4j.PeerConfig;
import org.amp4j.RemoteException;
import org.amp4j.SessionStats;
import org.amp4j.UntypedCommand;
import org.amp4j.spi.TypedValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code amp4j load}: sends one command many times with a bounded number in flight and prints a
 * tally as one JSON object.
 */
@Command(
    name = "load",
    mixinStandardHelpOptions = true,
    description = {
      "Send COMMAND --calls times with --concurrency calls in flight, then print, as the last"
          + " line, one JSON object: calls, ok, failed, errors by code, seconds,"
          + " calls_per_second, p50_us, p99_us, reconnects (times the session resumed on a new"
          + " connection; 0 without a session).",
      "Exit status: 0 if every call was answered without error, 1 otherwise, 2 if the"
          + " connection cannot be made, 64 usage error."
    })
final class LoadCommand implements Callable<Integer> {

  @Option(
      names = "--connect",
      description = "HOST:PORT of the server (default: the configuration's first endpoint)")
  String connect;

  @Option(names = "--calls", required = true, description = "how many calls to make")
  int calls;

  @Option(names = "--concurrency", defaultValue = "1", description = "calls in flight at once")
  int concurrency;

  @Option(
      names = "--timeout",
      defaultValue = "30",
      description = "seconds each call may take (default ${DEFAULT-VALUE})")
  int timeoutSeconds;

  @Mixin ConfigOptions options = new ConfigOptions();

  @Parameters(index = "0", description = "the command name")
  String command;

  @Parameters(index = "1..*", description = "arguments as name:type=value")
  List<String> arguments = new ArrayList<>();

  @Override
  public Integer call() throws InterruptedException {
    List<TypedValue<?>> args = new ArrayList<>();
    Endpoint target;
    PeerConfig config;
    try {
      if (calls < 1 || concurrency < 1 || timeoutSeconds < 1) {
        throw new IllegalArgumentException("--calls, --concurrency and --timeout must be >= 1");
      }
      config = options.config();
      target = CallCommand.target(connect, config);
      for (String a : arguments) {
        args.add(CliTypes.argument(a));
      }
    } catch (IllegalArgumentException e) {
      System.err.println("amp4j: " + e.getMessage());
      return Main.USAGE;
    }
    config = config.toBuilder().callTimeout(Duration.ofSeconds(timeoutSeconds)).build();
    Peer peer;
    try {
      peer = Amp.connect(target.host(), target.port(), config);
    } catch (AmpException e) {
      System.err.println("amp4j: " + e.getMessage());
      return 2;
    }
    try (peer) {
      Tally tally = run(peer, new UntypedCommand(command, args, true));
      SessionStats session = peer.session();
      System.out.println(Json.write(tally.toJson(session == null ? 0 : session.resumes())));
      return tally.failed == 0 ? 0 : 1;
    } catch (IllegalStateException e) {
      System.err.println("amp4j: " + e.getMessage());
      return 1;
    }
  }

  private Tally run(Peer peer, UntypedCommand call) throws InterruptedException {
    Tally tally = new Tally(calls);
    Semaphore inFlight = new Semaphore(concurrency);
    CountDownLatch done = new CountDownLatch(calls);
    // every call has its own timeout, so no wait is longer; the margin covers queueing
    long waitSeconds = (long) timeoutSeconds * 2 + 10;
    long start = System.nanoTime();
    for (int i = 0; i < calls; i++) {
      if (!inFlight.tryAcquire(waitSeconds, TimeUnit.SECONDS)) {
        throw new IllegalStateException(
            "no call completed for " + waitSeconds + " s, after " + i + " were sent");
      }
      int index = i;
      long sent = System.nanoTime();
      peer.call(call)
          .whenComplete(
              (answer, failure) -> {
                try {
                  tally.record(index, System.nanoTime() - sent, failure);
                } finally {
                  inFlight.release();
                  done.countDown();
                }
              });
    }
    if (!done.await(waitSeconds, TimeUnit.SECONDS)) {
      throw new IllegalStateException("calls did not complete within their timeouts");
    }
    tally.seconds = (System.nanoTime() - start) / 1e9;
    return tally;
  }

  /** What the calls came to. Thread-safe for {@link #record}. */
  private static final class Tally {
    final long[] latencyNanos;
    final Map<String, Integer> errors = new TreeMap<>();
    int ok;
    int failed;
    double seconds;

    Tally(int calls) {
      latencyNanos = new long[calls];
    }

    synchronized void record(int index, long nanos, Throwable failure) {
      latencyNanos[index] = nanos;
      if (failure == null) {
        ok++;
        return;
      }
      failed++;
      Throwable t =
          failure instanceof CompletionException && failure.getCause() != null
              ? failure.getCause()
              : failure;
      String code = t instanceof RemoteException r ? r.code() : t.getClass().getSimpleName();
      errors.merge(code, 1, Integer::sum);
    }

    synchronized Map<String, Object> toJson(long reconnects) {
      long[] sorted = latencyNanos.clone();
      Arrays.sort(sorted);
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("calls", (long) sorted.length);
      json.put("ok", (long) ok);
      json.put("failed", (long) failed);
      json.put("errors", new LinkedHashMap<>(errors));
      json.put("seconds", round(seconds));
      json.put("calls_per_second", round(sorted.length / Math.max(seconds, 1e-9)));
      json.put("p50_us", percentile(sorted, 50) / 1000);
      json.put("p99_us", percentile(sorted, 99) / 1000);
      json.put("reconnects", reconnects);
      return json;
    }

    private static long percentile(long[] sorted, int p) {
      int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }

    private static double round(double v) {
      return Math.round(v * 1000) / 1000.0;
    }
  }
}
