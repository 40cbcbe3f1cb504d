package org.amp4j.transport.tcp;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.amp4j.spi.ConnectionHandler;

/**
 * A handler that records what it receives, how the connection closed, and whether it was called off
 * its transport's event loop threads. Shared with the other Netty transports' tests through this
 * module's test jar.
 */
public final class RecordingHandler implements ConnectionHandler {

  /** How long the waits wait. */
  public static final long WAIT_SECONDS = 20;

  private final String loopThreadPrefix;
  private final Consumer<byte[]> then;
  private final ByteArrayOutputStream received = new ByteArrayOutputStream();
  private final CompletableFuture<Throwable> closed = new CompletableFuture<>();
  private final AtomicInteger closeCount = new AtomicInteger();
  private final AtomicInteger offLoopCalls = new AtomicInteger();
  private final AtomicInteger bytesAfterClose = new AtomicInteger();

  /** Records, expecting calls on the TCP transport's event loop threads. */
  public RecordingHandler() {
    this(bytes -> {});
  }

  /** Records, then passes each received chunk (a copy the consumer may keep) on. */
  public RecordingHandler(Consumer<byte[]> then) {
    this("amp4j-tcp", then);
  }

  /** Records, expecting calls on event loop threads whose names start with a prefix. */
  public RecordingHandler(String loopThreadPrefix) {
    this(loopThreadPrefix, bytes -> {});
  }

  private RecordingHandler(String loopThreadPrefix, Consumer<byte[]> then) {
    this.loopThreadPrefix = loopThreadPrefix;
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
    if (!Thread.currentThread().getName().startsWith(loopThreadPrefix)) {
      offLoopCalls.incrementAndGet();
    }
  }

  /** Waits, bounded, until at least {@code count} bytes arrived; returns all received so far. */
  public synchronized byte[] awaitBytes(int count) throws InterruptedException {
    if (!waitForBytes(count, TimeUnit.SECONDS.toMillis(WAIT_SECONDS))) {
      throw new AssertionError(
          "expected " + count + " bytes, got " + received.size() + ", closed " + closed.isDone());
    }
    return received.toByteArray();
  }

  /**
   * Waits up to {@code millis} until at least {@code count} bytes arrived; false if they did not.
   */
  public synchronized boolean waitForBytes(int count, long millis) throws InterruptedException {
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
  public Throwable awaitClosed() throws Exception {
    return closed.get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  public boolean isClosed() {
    return closed.isDone();
  }

  public synchronized byte[] received() {
    return received.toByteArray();
  }

  public int closeCount() {
    return closeCount.get();
  }

  /** Calls made on a thread other than one of the transport's event loop threads. */
  public int offLoopCalls() {
    return offLoopCalls.get();
  }

  public int bytesAfterClose() {
    return bytesAfterClose.get();
  }
}
