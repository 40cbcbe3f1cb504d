package org.amp4j;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.amp4j.spi.InboundMessage;
import org.amp4j.spi.MessageKind;
import org.amp4j.value.Fields;

/**
 * The calls one peer has made and not yet had answered, by tag, with their timeouts; and the tags
 * of calls forgotten locally (cancelled or timed out), whose late answers are ignored. Callers'
 * futures are completed on the given executor. Thread-safe.
 *
 * <p>Timeouts cost no timer per call: each call keeps its deadline, and one sweep per peer is
 * scheduled for the earliest deadline that may be pending. A sweep fails the calls past their
 * deadline and schedules the next one; since answered calls leave the table, a busy peer whose
 * calls all share one timeout sweeps about once per timeout.
 */
final class OutstandingCalls {
  private static final int MAX_FORGOTTEN = 10_000;

  /**
   * The future of a call: cancelling it (with {@code cancel} or a {@link CancellationException})
   * forgets the call, so that its late answer is ignored.
   */
  static final class CallFuture<R> extends CompletableFuture<R> {
    // Set once the call is registered: the table that forgets it when cancelled, and its tag.
    private String tag;
    private volatile OutstandingCalls calls;

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      boolean cancelled = super.cancel(mayInterruptIfRunning);
      if (cancelled) {
        cancelled();
      }
      return cancelled;
    }

    @Override
    public boolean completeExceptionally(Throwable ex) {
      boolean completed = super.completeExceptionally(ex);
      if (completed && ex instanceof CancellationException) {
        cancelled();
      }
      return completed;
    }

    private void cancelled() {
      OutstandingCalls c = calls;
      if (c != null) {
        c.forget(tag);
      }
    }
  }

  /** One call awaiting its answer, with its deadline ({@link System#nanoTime()}) if it has one. */
  static final class Pending<R> {
    private final String command;
    private final CallFuture<R> future;
    private final Function<Fields, R> readAnswer;
    private final BiFunction<String, String, RuntimeException> readError;
    private Duration timeout; // null: none; set by add, before the call is in the table
    private long deadline;

    Pending(
        String command,
        CallFuture<R> future,
        Function<Fields, R> readAnswer,
        BiFunction<String, String, RuntimeException> readError) {
      this.command = command;
      this.future = future;
      this.readAnswer = readAnswer;
      this.readError = readError;
    }

    boolean expiresBy(long now) {
      return timeout != null && deadline - now <= 0;
    }
  }

  // When the next sweep runs (nanoTime), or NONE; read without the lock by add().
  private static final long NONE = Long.MAX_VALUE;
  private final Object sweepLock = new Object();
  private volatile long sweepAt = NONE;
  private ScheduledFuture<?> sweep; // guarded by sweepLock

  private final Executor executor;
  private final TagTable<Pending<?>> byTag = new TagTable<>(); // guarded by itself
  private final Map<String, Boolean> forgotten =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > MAX_FORGOTTEN;
        }
      };

  OutstandingCalls(Executor executor) {
    this.executor = executor;
  }

  int size() {
    synchronized (byTag) {
      return byTag.size();
    }
  }

  /** Whether the call with this tag still awaits its answer. */
  boolean contains(String tag) {
    return get(tag) != null;
  }

  private Pending<?> get(String tag) {
    long number = TagTable.number(tag);
    synchronized (byTag) {
      return byTag.get(number);
    }
  }

  private Pending<?> removeTag(String tag) {
    long number = TagTable.number(tag);
    synchronized (byTag) {
      return byTag.remove(number);
    }
  }

  /**
   * Registers a call, unless {@code limit} calls are outstanding already; it fails with {@link
   * CallTimeoutException} after the timeout (0: never).
   *
   * @param number the number the call's tag was made from
   * @param tag {@link Long#toHexString} of {@code number} (see {@link TagTable})
   * @return false, registering nothing, if the table holds {@code limit} calls or more
   */
  boolean add(long number, String tag, Pending<?> call, Duration timeout, int limit) {
    call.future.tag = tag; // before the call is in the table, where sweeps read it
    // Into the table before sweepAt is read: a sweep that starts later sees the call.
    synchronized (byTag) {
      if (byTag.size() >= limit) {
        return false;
      }
      if (!timeout.isZero()) {
        call.timeout = timeout;
        call.deadline = System.nanoTime() + timeout.toNanos();
      }
      byTag.put(number, call);
    }
    if (call.timeout != null && (call.deadline - sweepAt < 0 || sweepAt == NONE)) {
      sweepBy(call.deadline);
    }
    call.future.calls = this;
    return true;
  }

  /** Removes a call that was never sent. */
  void remove(String tag) {
    removeTag(tag);
  }

  /**
   * Takes the call an answer or error message is for out of the table, and gives what completes it,
   * for the caller to run on the executor (with the other answers of the same read, say).
   *
   * @return the completion, or null if the call was forgotten (its late answer is ignored)
   * @throws ProtocolException if no call has that tag and none was forgotten with it
   */
  Runnable take(InboundMessage m) {
    Pending<?> e = removeTag(m.tag());
    if (e == null) {
      boolean wasForgotten;
      synchronized (forgotten) {
        wasForgotten = forgotten.remove(m.tag()) != null;
      }
      if (wasForgotten) {
        return null;
      }
      throw new ProtocolException(
          (m.kind() == MessageKind.ANSWER ? "answer" : "error")
              + " for unknown tag '"
              + m.tag()
              + "'");
    }
    return () -> complete(e, m);
  }

  /** Completes a call; never throws, so that the other answers of a batch complete too. */
  private static <R> void complete(Pending<R> p, InboundMessage m) {
    try {
      if (m.kind() == MessageKind.ERROR) {
        p.future.completeExceptionally(p.readError.apply(m.errorCode(), m.errorDescription()));
      } else {
        p.future.complete(p.readAnswer.apply(m.fields()));
      }
    } catch (IllegalArgumentException e) {
      p.future.completeExceptionally(
          new ProtocolException(p.command + " answer: " + e.getMessage(), e));
    } catch (RuntimeException e) {
      p.future.completeExceptionally(new ProtocolException(p.command + " answer: " + e, e));
    }
  }

  /** Fails every outstanding call with the exception made for its command. */
  void failAll(Function<String, RuntimeException> failure) {
    failAllExcept(java.util.Set.of(), failure);
  }

  /** Fails every outstanding call but those with the given tags. */
  void failAllExcept(java.util.Set<String> keep, Function<String, RuntimeException> failure) {
    List<Pending<?>> calls;
    synchronized (byTag) {
      calls = byTag.values();
    }
    for (Pending<?> call : calls) {
      String tag = call.future.tag;
      if (keep.contains(tag)) {
        continue;
      }
      Pending<?> e = removeTag(tag);
      if (e != null) {
        RuntimeException t = failure.apply(e.command);
        executor.execute(() -> e.future.completeExceptionally(t));
      }
    }
  }

  /** Makes sure a sweep runs no later than {@code deadline}. */
  private void sweepBy(long deadline) {
    synchronized (sweepLock) {
      if (sweepAt != NONE && deadline - sweepAt >= 0) {
        return;
      }
      if (sweep != null) {
        sweep.cancel(false);
      }
      sweepAt = deadline;
      sweep =
          SharedExecutors.timerPool()
              .schedule(this::sweep, deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
    }
  }

  /** Fails the calls past their deadline and schedules the sweep for the earliest left. */
  private void sweep() {
    List<Pending<?>> expired = new java.util.ArrayList<>();
    synchronized (sweepLock) {
      // Calls added from now on find no sweep and ask for one once this one is done.
      sweepAt = NONE;
      sweep = null;
      long now = System.nanoTime();
      long next = NONE;
      List<Pending<?>> calls;
      synchronized (byTag) {
        calls = byTag.values();
      }
      for (Pending<?> e : calls) {
        if (e.expiresBy(now)) {
          expired.add(e);
        } else if (e.timeout != null && (next == NONE || e.deadline - next < 0)) {
          next = e.deadline;
        }
      }
      if (next != NONE) {
        sweepAt = next;
        sweep =
            SharedExecutors.timerPool()
                .schedule(this::sweep, next - System.nanoTime(), TimeUnit.NANOSECONDS);
      }
    }
    // Outside the lock: with a direct executor, the callers' callbacks run here.
    expired.forEach(this::expire);
  }

  private void expire(Pending<?> e) {
    String tag = e.future.tag;
    if (get(tag) == e && forget(tag)) {
      CallTimeoutException t =
          new CallTimeoutException(e.command + ": no answer within " + e.timeout);
      executor.execute(() -> e.future.completeExceptionally(t));
    }
  }

  /** Forgets a call whose answer will be ignored; true if it was outstanding. */
  private boolean forget(String tag) {
    Pending<?> e = removeTag(tag);
    if (e == null) {
      return false;
    }
    synchronized (forgotten) {
      forgotten.put(tag, Boolean.TRUE);
    }
    return true;
  }
}
