package org.amp4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.amp4j.spi.ConnectionHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Acknowledgements ride on the data frames written back; one is sent on its own only when no data
 * frame carries it within {@link SessionLink#ACK_DELAY}.
 */
class SessionLinkAckTest {

  private final RecordingConnection wire = new RecordingConnection();
  private final List<byte[]> received = Collections.synchronizedList(new ArrayList<>());
  private final SessionLink link = TestSessionLinks.withDefaults("s1");

  SessionLinkAckTest() {
    link.start(
        new ConnectionHandler() {
          @Override
          public void onBytes(ByteBuffer data) {
            byte[] copy = new byte[data.remaining()];
            data.get(copy);
            received.add(copy);
          }

          @Override
          public void onClosed(Throwable cause) {}
        });
    link.attach(wire, 0, true);
  }

  @AfterEach
  void close() {
    link.end(null);
  }

  /** Waits until every timer task due within twice the delay has run (the timer is one thread). */
  private static void afterTheDelay() throws Exception {
    SharedExecutors.timerPool()
        .schedule(() -> {}, 2 * SessionLink.ACK_DELAY.toNanos(), TimeUnit.NANOSECONDS)
        .get(10, TimeUnit.SECONDS);
  }

  private void receive(long seq) {
    link.onBytes(wire, ByteBuffer.wrap(SessionFrames.data(seq, 0, new byte[] {(byte) seq})));
  }

  @Test
  void aFrameAnsweredAtOnce_isAcknowledgedByTheAnswer_only() throws Exception {
    receive(1);
    link.write(new byte[] {42});
    afterTheDelay();
    assertThat(received).hasSize(1);
    assertThat(wire.acks(SessionFrames.DATA)).containsExactly(1L);
    assertThat(wire.acks(SessionFrames.ACK)).isEmpty();
  }

  @Test
  void framesLeftUnanswered_areAcknowledgedOnce_afterTheDelay() throws Exception {
    receive(1);
    receive(2);
    receive(3);
    assertThat(wire.acks(SessionFrames.ACK)).isEmpty();
    afterTheDelay();
    assertThat(received).hasSize(3);
    assertThat(wire.acks(SessionFrames.ACK)).containsExactly(3L);
    receive(4);
    afterTheDelay();
    assertThat(wire.acks(SessionFrames.ACK)).containsExactly(3L, 4L);
  }

  @Test
  void acknowledgements_freeTheQueue_alsoAfterANewSessionNumbersFramesFromOneAgain() {
    SessionLink small =
        TestSessionLinks.with(
            "s2",
            SessionConfig.builder()
                .enabled(true)
                .maxQueuedCalls(2)
                .overflow(SessionConfig.Overflow.FAIL)
                .build());
    RecordingConnection out = new RecordingConnection();
    small.attach(out, 0, true);
    try {
      small.writeCall(new byte[] {1}, "1", false, null);
      small.writeCall(new byte[] {2}, "2", false, null);
      assertThatThrownBy(() -> small.writeCall(new byte[] {3}, "3", false, null))
          .isInstanceOf(LimitExceededException.class);
      small.onBytes(out, ByteBuffer.wrap(SessionFrames.control(SessionFrames.ACK, 2)));
      small.writeCall(new byte[] {3}, "3", false, null); // room again
      small.writeCall(new byte[] {4}, "4", false, null);

      small.replace("s3", new byte[16], tag -> false); // frames are numbered from 1 again
      small.writeCall(new byte[] {5}, "5", false, null);
      small.writeCall(new byte[] {6}, "6", false, null);
      small.onBytes(out, ByteBuffer.wrap(SessionFrames.control(SessionFrames.ACK, 2)));
      small.writeCall(new byte[] {7}, "7", false, null); // acknowledged 1 and 2 of the new one
    } finally {
      small.end(null);
    }
  }
}
