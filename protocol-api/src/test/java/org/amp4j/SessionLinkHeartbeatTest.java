package org.amp4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Duration;
import org.amp4j.spi.ConnectionHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Heartbeats probe a connection with PING only when nothing came on it for half an interval: one
 * that bytes keep coming on is alive already.
 */
class SessionLinkHeartbeatTest {

  private final RecordingConnection wire = new RecordingConnection();
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
    link.attach(wire, 0, true);
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

    assertThat(wire.acks(SessionFrames.PING)).isEmpty();
  }

  @Test
  void anIdleConnection_isPinged() throws InterruptedException {
    attached(Duration.ofMillis(20));

    // a bounded wait for the timer's beat, not a timing assertion
    assertThat(wire.awaitFrame(SessionFrames.PING, Duration.ofSeconds(10)))
        .as("a PING within 10 s")
        .isTrue();
  }
}
