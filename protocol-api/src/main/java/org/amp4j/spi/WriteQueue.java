package org.amp4j.spi;

import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * For transports that write on one event-loop thread: keeps the writes of a {@link Connection} in
 * the order of the {@code write} calls, whichever threads make them. A write made on another thread
 * waits in a queue, which one task on the event loop empties however many writes arrived meanwhile;
 * a write made on the event loop first hands on those queued before it. Thread-safe; the sink runs
 * on the event loop only.
 *
 * @param <T> what one write carries
 */
public final class WriteQueue<T> {

  private final Executor eventLoop;
  private final BooleanSupplier inEventLoop;
  private final Consumer<? super T> sink;
  private final Queue<T> queued = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean drainScheduled = new AtomicBoolean();
  private final Runnable drainTask =
      () -> {
        drainScheduled.set(false);
        drain();
      };

  /**
   * @param eventLoop runs tasks on the event loop
   * @param inEventLoop whether the calling thread is the event loop's
   * @param sink takes each write, on the event loop
   */
  public WriteQueue(Executor eventLoop, BooleanSupplier inEventLoop, Consumer<? super T> sink) {
    this.eventLoop = Objects.requireNonNull(eventLoop, "eventLoop");
    this.inEventLoop = Objects.requireNonNull(inEventLoop, "inEventLoop");
    this.sink = Objects.requireNonNull(sink, "sink");
  }

  /** Hands a write to the sink now (on the event loop) or from the event loop soon. */
  public void write(T item) {
    if (inEventLoop.getAsBoolean()) {
      drain();
      sink.accept(item);
    } else {
      queued.offer(item);
      if (drainScheduled.compareAndSet(false, true)) {
        eventLoop.execute(drainTask);
      }
    }
  }

  /** Hands the queued writes to the sink, in their order. Event loop only. */
  public void drain() {
    T item;
    while ((item = queued.poll()) != null) {
      sink.accept(item);
    }
  }

  /** Takes the queued writes out without handing them to the sink. Event loop only. */
  public void drop(Consumer<? super T> dropped) {
    T item;
    while ((item = queued.poll()) != null) {
      dropped.accept(item);
    }
  }
}
