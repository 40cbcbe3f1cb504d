package org.amp4j;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.amp4j.spi.Codec;
import org.amp4j.spi.FrameBuffer;
import org.amp4j.spi.MessageDecoder;
import org.amp4j.spi.OutboundMessage;
import org.junit.jupiter.api.Test;

/** Messages a session encodes into the frames it keeps for sending again. */
class SessionLinkWriteTest {

  private static final long WAIT = 20;

  /**
   * Encodes a message as its command name's bytes (an answer as its tag's); a name starting with
   * {@code bad} fails half-way, after writing some of its bytes.
   */
  private static final class NameCodec implements Codec {
    @Override
    public String name() {
      return "names";
    }

    @Override
    public byte[] encode(OutboundMessage message) {
      throw new AssertionError("a session encodes into its own buffer");
    }

    @Override
    public void encode(OutboundMessage message, FrameBuffer out) {
      String name = message.command() != null ? message.command() : message.tag();
      byte[] bytes = name.getBytes(US_ASCII);
      if (name.startsWith("bad")) {
        out.write(bytes, 0, bytes.length / 2);
        throw new EncodingException("cannot encode " + name);
      }
      out.write(bytes);
    }

    @Override
    public MessageDecoder newDecoder() {
      throw new UnsupportedOperationException();
    }
  }

  private static final Codec CODEC = new NameCodec();

  private static OutboundMessage call(String name) {
    return OutboundMessage.call(name, null, List.of());
  }

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

  private static byte[] join(byte[]... frames) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (byte[] f : frames) {
      all.writeBytes(f);
    }
    return all.toByteArray();
  }

  @Test
  void callsAndAnswers_areEncodedIntoDataFrames_andAMessageThatFailsLeavesNothing() {
    SessionLink link = TestSessionLinks.withDefaults("w1");
    RecordingConnection out = new RecordingConnection();
    link.attach(out, 0);
    try {
      link.writeCall(CODEC, call("first"), "1", false, null);
      assertThatThrownBy(() -> link.writeCall(CODEC, call("bad-call"), "2", false, null))
          .isInstanceOf(EncodingException.class);
      assertThatThrownBy(() -> link.write(CODEC, OutboundMessage.answer("bad-answer", List.of())))
          .isInstanceOf(EncodingException.class);
      link.write(CODEC, OutboundMessage.answer("answer", List.of()));
      link.writeCall(CODEC, call("second"), "3", false, null);

      assertThat(out.bytes()).isEqualTo(join(data(1, 0, "first"), next("answer"), next("second")));

      // sent again, as they are, on the next connection
      RecordingConnection second = new RecordingConnection();
      link.attach(second, 1);
      assertThat(second.bytes()).isEqualTo(join(data(2, 0, "answer"), next("second")));
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
    link.attach(out, 0);
    try {
      link.writeCall(CODEC, call("one"), "1", false, null);
      CompletableFuture<Void> second = new CompletableFuture<>();
      Thread caller =
          new Thread(
              () -> {
                link.writeCall(CODEC, call("two"), "2", false, null);
                second.complete(null);
              });
      caller.start();
      // it encodes "two", finds the queue full, drops what it encoded and waits
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT);
      while (caller.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      assertThat(caller.getState()).isEqualTo(Thread.State.TIMED_WAITING);
      link.write(CODEC, OutboundMessage.answer("meanwhile", List.of()));
      link.onBytes(out, ByteBuffer.wrap(SessionFrames.control(SessionFrames.ACK, 1)));
      second.get(WAIT, TimeUnit.SECONDS);

      // "two" goes out once, whole, after the answer written while it waited
      assertThat(out.bytes()).isEqualTo(join(data(1, 0, "one"), next("meanwhile"), next("two")));
    } finally {
      link.end(null);
    }
  }
}
