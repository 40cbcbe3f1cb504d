package org.amp4j.transport.websocket;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.amp4j.spi.ConnectionHandler;

/** A handler that records what it receives, how the connection closed, and on which threads. */
final class RecordingHandler implements ConnectionHandler {

  static final long WAIT_SECONDS = 20;

  private final Consumer<byte[]> then;
  private final ByteArrayOutputStream received = new ByteArrayOutputStream();
  private final CompletableFuture<Throwable> closed = new CompletableFuture<>();
  private final AtomicInteger closeCount = new AtomicInteger();
  private final AtomicInteger offLoopCalls = new AtomicInteger();
  private final AtomicInteger bytesAfterClose = new AtomicInteger();

  RecordingHandler() {
    this(bytes -> {});
  }

  /** Records, then passes each received chunk (a copy the consumer may keep) on. */
  RecordingHandler(Consumer<byte[]> then) {
    this.then = then;
  }

  @Override
  public void onBytes(ByteBuffer data) {
    checkThread();
    if (closed.isDone()) {
      bytesAfterClose.incrementAndGet();
    }
    byte[] copy = new byte[data.remaining()];
    data.get(copy);
    synchronized (this) {
      received.write(copy, 0, copy.length);
      notifyAll();
    }
    then.accept(copy);
  }

  @Override
  public void onClosed(Throwable cause) {
    checkThread();
    closeCount.incrementAndGet();
    closed.complete(cause);
    synchronized (this) {
      notifyAll();
    }
  }

  private void checkThread() {
    if (!Thread.currentThread().getName().startsWith("amp4j-ws")) {
      offLoopCalls.incrementAndGet();
    }
  }

  /** Waits, bounded, until at least {@code count} bytes arrived; returns all received so far. */
  synchronized byte[] awaitBytes(int count) throws InterruptedException {
    if (!waitForBytes(count, TimeUnit.SECONDS.toMillis(WAIT_SECONDS))) {
      throw new AssertionError(
          "expected " + count + " bytes, got " + received.size() + ", closed " + closed.isDone());
    }
    return received.toByteArray();
  }

  /** Waits up to {@code millis} until at least {@code count} bytes arrived; false if not. */
  synchronized boolean waitForBytes(int count, long millis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (received.size() < count && !closed.isDone()) {
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (left <= 0) {
        break;
      }
      wait(left);
    }
    return received.size() >= count;
  }

  /** Waits, bounded, for onClosed and returns its cause (null for an orderly close). */
  Throwable awaitClosed() throws Exception {
    return closed.get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  boolean isClosed() {
    return closed.isDone();
  }

  synchronized byte[] received() {
    return received.toByteArray();
  }

  int closeCount() {
    return closeCount.get();
  }

  /** Calls made on a thread other than an amp4j WebSocket event loop thread. */
  int offLoopCalls() {
    return offLoopCalls.get();
  }

  int bytesAfterClose() {
    return bytesAfterClose.get();
  }
}
