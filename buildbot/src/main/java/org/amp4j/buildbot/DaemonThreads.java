package org.amp4j.buildbot;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The daemon threads of a master that was given no executor. */
final class DaemonThreads {
  private DaemonThreads() {}

  /** A pool whose idle threads end, so it needs no shutting down. */
  static Executor pool() {
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            4, 4, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), factory("buildbot-master-"));
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  /** One timer thread, for keepalives. */
  static ScheduledExecutorService timer() {
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(1, factory("buildbot-master-timer-"));
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }

  private static ThreadFactory factory(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
