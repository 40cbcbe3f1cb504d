package org.amp4j.it;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Predicate;
import org.amp4j.spi.Connection;
import org.amp4j.spi.ConnectionHandler;

/** The raw side of a connection in a test: records every byte received and the close. */
final class RawEnd implements ConnectionHandler {
  private final ByteArrayOutputStream received = new ByteArrayOutputStream();
  private boolean closed;
  final Connection connection;

  RawEnd(Connection connection) {
    this.connection = connection;
    connection.start(this);
  }

  void send(String hex) {
    connection.write(HexFormat.of().parseHex(hex));
  }

  @Override
  public synchronized void onBytes(ByteBuffer data) {
    byte[] b = new byte[data.remaining()];
    data.get(b);
    received.writeBytes(b);
    notifyAll();
  }

  @Override
  public synchronized void onClosed(Throwable cause) {
    closed = true;
    notifyAll();
  }

  synchronized String receivedHex() {
    return HexFormat.of().formatHex(received.toByteArray());
  }

  synchronized boolean isClosed() {
    return closed;
  }

  /** Waits until the predicate holds for this end, at most the timeout; returns whether it did. */
  synchronized boolean await(Predicate<RawEnd> condition, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.test(this)) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }
}
