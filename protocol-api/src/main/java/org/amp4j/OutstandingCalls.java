package org.amp4j;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
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
 */
final class OutstandingCalls {
  private static final int MAX_FORGOTTEN = 10_000;

  /** One call awaiting its answer. */
  record Pending<R>(
      String command,
      CompletableFuture<R> future,
      Function<Fields, R> readAnswer,
      BiFunction<String, String, RuntimeException> readError) {}

  private record Entry(Pending<?> call, ScheduledFuture<?> timer) {
    void cancelTimer() {
      if (timer != null) {
        timer.cancel(false);
      }
    }
  }

  private final Executor executor;
  private final Map<String, Entry> byTag = new ConcurrentHashMap<>();
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
    return byTag.size();
  }

  /** Whether the call with this tag still awaits its answer. */
  boolean contains(String tag) {
    return byTag.containsKey(tag);
  }

  /** Registers a call; it fails with {@link CallTimeoutException} after the timeout (0: never). */
  void add(String tag, Pending<?> call, Duration timeout) {
    ScheduledFuture<?> timer =
        timeout.isZero()
            ? null
            : SharedExecutors.timerPool()
                .schedule(() -> expire(tag, timeout), timeout.toNanos(), TimeUnit.NANOSECONDS);
    byTag.put(tag, new Entry(call, timer));
    call.future()
        .whenComplete(
            (r, t) -> {
              if (call.future().isCancelled()) {
                forget(tag);
              }
            });
  }

  /** Removes a call that was never sent. */
  void remove(String tag) {
    Entry e = byTag.remove(tag);
    if (e != null) {
      e.cancelTimer();
    }
  }

  /**
   * Completes the call an answer or error message is for.
   *
   * @throws ProtocolException if no call has that tag and none was forgotten with it
   */
  void answer(InboundMessage m) {
    Entry e = byTag.remove(m.tag());
    if (e == null) {
      boolean wasForgotten;
      synchronized (forgotten) {
        wasForgotten = forgotten.remove(m.tag()) != null;
      }
      if (wasForgotten) {
        return;
      }
      throw new ProtocolException(
          (m.kind() == MessageKind.ANSWER ? "answer" : "error")
              + " for unknown tag '"
              + m.tag()
              + "'");
    }
    e.cancelTimer();
    executor.execute(() -> complete(e.call(), m));
  }

  private static <R> void complete(Pending<R> p, InboundMessage m) {
    if (m.kind() == MessageKind.ERROR) {
      p.future().completeExceptionally(p.readError().apply(m.errorCode(), m.errorDescription()));
      return;
    }
    try {
      p.future().complete(p.readAnswer().apply(m.fields()));
    } catch (IllegalArgumentException e) {
      p.future()
          .completeExceptionally(
              new ProtocolException(p.command() + " answer: " + e.getMessage(), e));
    }
  }

  /** Fails every outstanding call with the exception made for its command. */
  void failAll(Function<String, RuntimeException> failure) {
    failAllExcept(java.util.Set.of(), failure);
  }

  /** Fails every outstanding call but those with the given tags. */
  void failAllExcept(java.util.Set<String> keep, Function<String, RuntimeException> failure) {
    for (String tag : List.copyOf(byTag.keySet())) {
      if (keep.contains(tag)) {
        continue;
      }
      Entry e = byTag.remove(tag);
      if (e != null) {
        e.cancelTimer();
        RuntimeException t = failure.apply(e.call().command());
        executor.execute(() -> e.call().future().completeExceptionally(t));
      }
    }
  }

  private void expire(String tag, Duration timeout) {
    Entry e = byTag.get(tag);
    if (e != null && forget(tag)) {
      e.call()
          .future()
          .completeExceptionally(
              new CallTimeoutException(e.call().command() + ": no answer within " + timeout));
    }
  }

  /** Forgets a call whose answer will be ignored; true if it was outstanding. */
  private boolean forget(String tag) {
    Entry e = byTag.remove(tag);
    if (e == null) {
      return false;
    }
    e.cancelTimer();
    synchronized (forgotten) {
      forgotten.put(tag, Boolean.TRUE);
    }
    return true;
  }
}
