package org.amp4j.bench.loopback;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Runs one workload against one server: each connection keeps its share of calls in flight, each
 * answer starting the next call, for a warm-up (counted from the first answer) and then a measured
 * window.
 *
 * <p>Calls/s counts the answers inside the measured window. Latency (workload a only, where calls
 * are strictly one after another) is from just before the call to its answer's callback. Allocation
 * is the heap bytes each JVM allocated in the window ({@link AllocatedBytes}), and CPU the time
 * each JVM process used in it, all its threads ({@link ProcessCpuTime}): this one's read directly,
 * the server's asked over its {@link MeterChannel} just before and just after, both meters in one
 * round trip, so that the server's readings enclose the client's by one loopback round trip each
 * side.
 */
final class LoadRun {
  /** How long a run waits for its first answer or failed call before it fails. */
  static final Duration FIRST_ANSWER_LIMIT = Duration.ofSeconds(30);

  private final LongAdder answered = new LongAdder();
  private final CountDownLatch firstOutcome = new CountDownLatch(1);
  private final CountDownLatch answerInWindow = new CountDownLatch(1);
  private final LongAdder errors = new LongAdder();
  private volatile boolean stopping;
  private volatile boolean measuring;
  private long[] latencies = new long[1 << 16];
  private int latencyCount;

  private LoadRun() {}

  /**
   * Runs the workload.
   *
   * @param port the system's port
   * @param meterPort the port of the server's {@link MeterChannel}
   */
  static RunResult run(
      String systemName,
      int port,
      int meterPort,
      Workload workload,
      Duration warmup,
      Duration measure)
      throws Exception {
    return new LoadRun().go(systemName, port, meterPort, workload, warmup, measure);
  }

  private RunResult go(
      String systemName,
      int port,
      int meterPort,
      Workload workload,
      Duration warmup,
      Duration measure)
      throws Exception {
    LoopbackSystem system = LoopbackSystem.named(systemName);
    List<LoopbackSystem.Caller> callers = new ArrayList<>();
    try (MeterChannel.Client server = MeterChannel.connect(meterPort)) {
      for (int i = 0; i < workload.connections; i++) {
        callers.add(system.connect("127.0.0.1", port));
      }
      boolean recordLatency = workload.connections == 1 && workload.inFlight == 1;
      CountDownLatch drained = new CountDownLatch(workload.connections * workload.inFlight);
      long seed = 0;
      for (LoopbackSystem.Caller caller : callers) {
        for (int i = 0; i < workload.inFlight; i++) {
          new Slot(caller, drained, recordLatency, seed++ << 32).next();
        }
      }
      // The warm-up counts from the first answer (or failure): a cold JVM may take long over its
      // first call.
      if (!firstOutcome.await(FIRST_ANSWER_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
        throw new IOException(
            systemName + " " + workload.key() + ": no answer within " + FIRST_ANSWER_LIMIT);
      }
      Thread.sleep(warmup.toMillis());
      MeterChannel.Reading serverBefore = server.ask();
      long clientBytesBefore = AllocatedBytes.total();
      long clientCpuBefore = ProcessCpuTime.nanos();
      long clientCompileBefore = CompileTime.millis();
      long before = answered.sum();
      long start = System.nanoTime();
      measuring = true;
      Thread.sleep(measure.toMillis());
      // A window holds at least one answer: a system stalled (a collection, say) past the
      // window's end keeps it open rather than report nothing.
      if (!measure.isZero()
          && !answerInWindow.await(FIRST_ANSWER_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
        throw new IOException(
            systemName + " " + workload.key() + ": no answer within " + FIRST_ANSWER_LIMIT);
      }
      measuring = false;
      long end = System.nanoTime();
      long calls = answered.sum() - before;
      long clientCpuNanos = ProcessCpuTime.nanos() - clientCpuBefore;
      long clientCompileMillis = CompileTime.millis() - clientCompileBefore;
      long clientBytes = AllocatedBytes.total() - clientBytesBefore;
      MeterChannel.Reading serverAfter = server.ask();
      long serverBytes = serverAfter.bytes() - serverBefore.bytes();
      long serverCpuNanos = serverAfter.cpuNanos() - serverBefore.cpuNanos();
      long serverCompileMillis = serverAfter.compileMillis() - serverBefore.compileMillis();
      stopping = true;
      if (!drained.await(10, TimeUnit.SECONDS)) {
        // calls that never came back are errors, not just a warning
        System.err.println(drained.getCount() + " calls still in flight after 10 s");
        errors.add(drained.getCount());
      }
      double p50 = -1;
      double p99 = -1;
      if (recordLatency) {
        long[] sorted = Arrays.copyOf(latencies, latencyCount);
        Arrays.sort(sorted);
        p50 = percentile(sorted, 0.50) / 1000.0;
        p99 = percentile(sorted, 0.99) / 1000.0;
      }
      return new RunResult(
          systemName,
          workload.key(),
          calls,
          (end - start) / 1e9,
          errors.sum(),
          p50,
          p99,
          clientBytes,
          serverBytes,
          clientCpuNanos,
          serverCpuNanos,
          clientCompileMillis,
          serverCompileMillis);
    } finally {
      for (LoopbackSystem.Caller c : callers) {
        c.close();
      }
    }
  }

  private static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return -1000;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
  }

  // Only the one slot of workload a records, and its calls are strictly sequential.
  private void record(long nanos) {
    if (latencyCount == latencies.length) {
      latencies = Arrays.copyOf(latencies, latencies.length * 2);
    }
    latencies[latencyCount++] = nanos;
  }

  /** One call kept in flight: each answer starts the next call until the run stops. */
  private final class Slot {
    private final LoopbackSystem.Caller caller;
    private final CountDownLatch drained;
    private final boolean recordLatency;
    private long n;

    Slot(LoopbackSystem.Caller caller, CountDownLatch drained, boolean recordLatency, long n) {
      this.caller = caller;
      this.drained = drained;
      this.recordLatency = recordLatency;
      this.n = n;
    }

    void next() {
      if (stopping) {
        drained.countDown();
        return;
      }
      long a = n++;
      long b = 7;
      long start = System.nanoTime();
      try {
        caller.sum(a, b).whenComplete((answer, failure) -> answered(a + b, answer, failure, start));
      } catch (RuntimeException e) {
        failed(e);
      }
    }

    private void answered(long expected, Object answer, Throwable failure, long start) {
      if (failure == null) {
        try {
          long total = caller.total(answer);
          if (total != expected) {
            failure = new IllegalStateException("wrong total " + total + ", expected " + expected);
          }
        } catch (RuntimeException e) {
          failure = e;
        }
      }
      if (failure != null) {
        failed(failure);
        return;
      }
      if (recordLatency && measuring) {
        record(System.nanoTime() - start);
      }
      answered.increment();
      firstOutcome.countDown();
      if (measuring) {
        answerInWindow.countDown(); // after the count, which the window then includes
      }
      next();
    }

    // A failed slot stops: continuing could recurse without end on synchronous failures.
    private void failed(Throwable t) {
      errors.increment();
      firstOutcome.countDown();
      if (errors.sum() <= 5) {
        System.err.println("call failed: " + t);
      }
      drained.countDown();
    }
  }
}
