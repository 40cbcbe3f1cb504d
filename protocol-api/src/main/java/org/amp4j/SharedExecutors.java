package org.amp4j;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The process-wide daemon pools used when a configuration names no executor. */
final class SharedExecutors {
  private SharedExecutors() {}

  private static final class Holder {
    static final Executor HANDLERS = handlers();
    static final ScheduledExecutorService TIMERS = timers();
  }

  static Executor handlers() {
    int n = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            n, n, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), daemon("amp4j-handler-"));
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  static ScheduledExecutorService timers() {
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, daemon("amp4j-timer-"));
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }

  static Executor handlerPool() {
    return Holder.HANDLERS;
  }

  static ScheduledExecutorService timerPool() {
    return Holder.TIMERS;
  }

  private static ThreadFactory daemon(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
