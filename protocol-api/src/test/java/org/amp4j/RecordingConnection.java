package org.amp4j;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.amp4j.spi.Connection;
import org.amp4j.spi.ConnectionHandler;

/**
 * A connection under a session link in unit tests: records each frame written to it. Tests that
 * need the other side to do something as a frame is written extend it.
 */
class RecordingConnection implements Connection {
  private final List<byte[]> writes = new ArrayList<>(); // guarded by this

  @Override
  public void start(ConnectionHandler handler) {}

  @Override
  public synchronized void write(byte[] data) {
    writes.add(data);
    notifyAll();
  }

  @Override
  public void setReadingPaused(boolean paused) {}

  @Override
  public void close() {}

  @Override
  public String remoteAddress() {
    return "recorder";
  }

  /**
   * Everything written so far, in order: what would have crossed the wire. A header written before
   * a frame ({@link Connection#write(byte[], int, byte[], int, int)}) is joined with it during the
   * call, as the SPI asks, so a header array the caller reuses does not change what was recorded.
   */
  synchronized byte[] bytes() {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    writes.forEach(all::writeBytes);
    return all.toByteArray();
  }

  /**
   * The acknowledgement of each frame of a type written so far, as a receiver reads them ({@link
   * SessionFrames#DATA} for data frames, whether written as DATA, NEXT or in a RUN).
   */
  synchronized List<Long> acks(byte type) {
    List<Long> acks = new ArrayList<>();
    new SessionFrames.Parser(Integer.MAX_VALUE)
        .feed(
            ByteBuffer.wrap(bytes()),
            new SessionFrames.Sink() {
              @Override
              public void data(long seq, long ack, byte[] bytes, int offset, int length) {
                if (type == SessionFrames.DATA) {
                  acks.add(ack);
                }
              }

              @Override
              public void run(long seq, long ack, int count, byte[] bytes, int offset, int length) {
                for (int i = 0; i < count && type == SessionFrames.DATA; i++) {
                  acks.add(ack);
                }
              }

              @Override
              public void control(byte frameType, long ack) {
                if (frameType == type) {
                  acks.add(ack);
                }
              }
            });
    return acks;
  }

  /** Waits up to {@code limit} for a frame of a type to be written; whether one was. */
  synchronized boolean awaitFrame(byte type, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (acks(type).isEmpty()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }
}
