package org.amp4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.amp4j.spi.Connection;
import org.amp4j.spi.ConnectionHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Heartbeats probe a connection with PING only when nothing came on it for half an interval: one
 * that bytes keep coming on is alive already.
 */
class SessionLinkHeartbeatTest {

  /** A connection that records the type of each frame written to it. */
  private static final class Recorder implements Connection {
    final List<Byte> types = Collections.synchronizedList(new ArrayList<>());
    final CountDownLatch pinged = new CountDownLatch(1);

    @Override
    public void start(ConnectionHandler handler) {}

    @Override
    public void write(byte[] data) {
      types.add(data[0]);
      if (data[0] == SessionFrames.PING) {
        pinged.countDown();
      }
    }

    @Override
    public void setReadingPaused(boolean paused) {}

    @Override
    public void close() {}

    @Override
    public String remoteAddress() {
      return "recorder";
    }
  }

  private final Recorder wire = new Recorder();
  private SessionLink link;

  private SessionLink attached(Duration interval) {
    link =
        TestSessionLinks.with(
            "s1",
            SessionConfig.builder()
                .enabled(true)
                .heartbeatInterval(interval)
                .heartbeatTimeout(Duration.ZERO)
                .build());
    link.start(
        new ConnectionHandler() {
          @Override
          public void onBytes(ByteBuffer data) {}

          @Override
          public void onClosed(Throwable cause) {}
        });
    link.attach(wire, 0);
    return link;
  }

  @AfterEach
  void end() {
    link.end(null);
  }

  @Test
  void aConnectionJustHeardFrom_isNotPinged() {
    // an interval of an hour: no beat of the timer's own within the test
    SessionLink l = attached(Duration.ofHours(1));
    l.onBytes(wire, ByteBuffer.wrap(SessionFrames.control(SessionFrames.ACK, 0)));

    l.beat();

    assertThat(wire.types).doesNotContain(SessionFrames.PING);
  }

  @Test
  void anIdleConnection_isPinged() throws InterruptedException {
    attached(Duration.ofMillis(20));

    // a bounded wait for the timer's beat, not a timing assertion
    assertThat(wire.pinged.await(10, TimeUnit.SECONDS)).as("a PING within 10 s").isTrue();
  }
}
