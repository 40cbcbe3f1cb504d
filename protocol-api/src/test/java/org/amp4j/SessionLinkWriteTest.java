package org.amp4j;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.amp4j.codectest.NameCodec.named;
import static org.amp4j.codectest.WireValues.join;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.amp4j.codectest.NameCodec;
import org.amp4j.spi.OutboundMessage;
import org.junit.jupiter.api.Test;

/** Messages a session encodes into the frames it keeps for sending again. */
class SessionLinkWriteTest {

  private static final long WAIT = 20;

  private final NameCodec codec = new NameCodec();

  private static byte[] data(long seq, long ack, String payload) {
    byte[] p = payload.getBytes(US_ASCII);
    byte[] frame = new byte[SessionFrames.DATA_HEADER + p.length];
    SessionFrames.dataHeader(frame, seq, ack, p.length);
    System.arraycopy(p, 0, frame, SessionFrames.DATA_HEADER, p.length);
    return frame;
  }

  /** A data frame after the one before it on the same connection, acknowledging nothing more. */
  private static byte[] next(String payload) {
    return SessionFrames.next(0, payload.getBytes(US_ASCII));
  }

  @Test
  void callsAndAnswers_areEncodedIntoDataFrames_andAMessageThatFailsLeavesNothing() {
    SessionLink link = TestSessionLinks.withDefaults("w1");
    RecordingConnection out = new RecordingConnection();
    link.attach(out, 0, true);
    try {
      link.writeCall(codec, named("first"), "1", false, null);
      assertThatThrownBy(() -> link.writeCall(codec, named("bad-call"), "2", false, null))
          .isInstanceOf(EncodingException.class);
      assertThatThrownBy(() -> link.write(codec, OutboundMessage.answer("bad-answer", List.of())))
          .isInstanceOf(EncodingException.class);
      link.write(codec, OutboundMessage.answer("answer", List.of()));
      link.writeCall(codec, named("second"), "3", false, null);

      assertThat(out.bytes()).isEqualTo(join(data(1, 0, "first"), next("answer"), next("second")));

      // sent again, as they are, on the next connection
      RecordingConnection second = new RecordingConnection();
      link.attach(second, 1, true);
      assertThat(second.bytes()).isEqualTo(join(data(2, 0, "answer"), next("second")));
      assertThat(codec.ownArrays()).as("messages encoded into arrays of their own").isZero();
    } finally {
      link.end(null);
    }
  }

  @Test
  void aCallWaitingForRoom_goesOutWhole_onceAnAcknowledgementMakesIt() throws Exception {
    SessionLink link =
        TestSessionLinks.with(
            "w2",
            SessionConfig.builder()
                .enabled(true)
                .maxQueuedCalls(1)
                .overflow(SessionConfig.Overflow.WAIT)
                .overflowWait(Duration.ofSeconds(WAIT))
                .build());
    RecordingConnection out = new RecordingConnection();
    link.attach(out, 0, true);
    try {
      link.writeCall(codec, named("one"), "1", false, null);
      CompletableFuture<Void> second = new CompletableFuture<>();
      Thread caller =
          new Thread(
              () -> {
                link.writeCall(codec, named("two"), "2", false, null);
                second.complete(null);
              });
      caller.start();
      // it encodes "two", finds the queue full, drops what it encoded and waits
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT);
      while (caller.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      assertThat(caller.getState()).isEqualTo(Thread.State.TIMED_WAITING);
      link.write(codec, OutboundMessage.answer("meanwhile", List.of()));
      link.onBytes(out, ByteBuffer.wrap(SessionFrames.control(SessionFrames.ACK, 1)));
      second.get(WAIT, TimeUnit.SECONDS);

      // "two" goes out once, whole, after the answer written while it waited
      assertThat(out.bytes()).isEqualTo(join(data(1, 0, "one"), next("meanwhile"), next("two")));
      assertThat(codec.ownArrays()).as("messages encoded into arrays of their own").isZero();
    } finally {
      link.end(null);
    }
  }
}
