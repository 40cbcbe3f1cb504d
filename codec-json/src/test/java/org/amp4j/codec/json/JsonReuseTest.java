package org.amp4j.codec.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.amp4j.Limits;
import org.amp4j.ProtocolException;
import org.amp4j.spi.Codec;
import org.amp4j.spi.InboundMessage;
import org.amp4j.spi.MessageDecoder;
import org.amp4j.spi.OutboundMessage;
import org.amp4j.spi.TypedValue;
import org.amp4j.value.ValueTypes;
import org.junit.jupiter.api.Test;

/**
 * What is shared from message to message: one decoder across many messages, the codec's reader
 * across a malformed frame, and one codec encoding from several threads at once; frames small and
 * larger than the generator's buffer.
 */
class JsonReuseTest {

  private static Codec codec() {
    return new JsonCodecProvider().create(Limits.DEFAULTS);
  }

  /**
   * Messages whose texts, ASCII and not, outgrow the first buffers of the parser and the encoder.
   */
  private static List<OutboundMessage> messages() {
    List<OutboundMessage> messages = new ArrayList<>();
    for (int n : new int[] {0, 1, 63, 64, 65, 127, 128, 129, 1023, 1024, 1025, 5000, 70_000}) {
      messages.add(
          OutboundMessage.call(
              "Echo",
              Integer.toString(n),
              List.of(
                  new TypedValue<>("ascii", ValueTypes.UNICODE, "a".repeat(n)),
                  new TypedValue<>("accented", ValueTypes.UNICODE, "\u00e9\u2603".repeat(n)),
                  new TypedValue<>("n", ValueTypes.LONG, (long) n))));
      messages.add(
          OutboundMessage.answer(
              Integer.toString(n), List.of(new TypedValue<>("total", ValueTypes.LONG, -7L * n))));
    }
    messages.add(OutboundMessage.error("1", "BAD", "oops"));
    return messages;
  }

  @Test
  void oneDecoder_readsEveryMessageOfAStream() {
    List<OutboundMessage> sent = messages();
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    sent.forEach(m -> stream.writeBytes(codec().encode(m)));
    MessageDecoder decoder = codec().newDecoder();
    List<InboundMessage> received = new ArrayList<>();
    decoder.decode(ByteBuffer.wrap(stream.toByteArray()), received::add);
    assertThat(received).hasSize(sent.size());
    for (int i = 0; i < sent.size(); i++) {
      assertReceived(received.get(i), sent.get(i));
    }
  }

  @Test
  void codec_afterAMalformedFrame_readsTheNextOne() {
    Codec codec = codec();
    assertThatThrownBy(
            () ->
                codec
                    .newDecoder()
                    .next(
                        ByteBuffer.wrap(JsonFrames.frame("{\"call\":\"Sum\",\"args\":{\"a\":1}"))))
        .isInstanceOf(ProtocolException.class);
    assertThatThrownBy(
            () ->
                codec
                    .newDecoder()
                    .next(ByteBuffer.wrap(JsonFrames.frame("{\"call\":\"Sum\",\"tag\":\"1\"}"))))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("lacks 'args'");
    for (OutboundMessage m : messages()) {
      assertReceived(codec.newDecoder().next(ByteBuffer.wrap(codec.encode(m))), m);
    }
  }

  @Test
  void frame_holdsItsPayloadLengthAndNothingMore() {
    for (OutboundMessage m : messages()) {
      byte[] frame = codec().encode(m);
      assertThat(ByteBuffer.wrap(frame).getInt()).isEqualTo(frame.length - 4);
      assertThat(frame[frame.length - 1]).isEqualTo((byte) '}');
    }
  }

  @Test
  void oneCodec_encodesFromSeveralThreadsAsFromOne() throws Exception {
    Codec codec = codec();
    List<OutboundMessage> sent = messages();
    List<byte[]> expected = sent.stream().map(codec::encode).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> sameBytes = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        sameBytes.add(
            pool.submit(
                () -> {
                  for (int round = 0; round < 20; round++) {
                    for (int i = 0; i < sent.size(); i++) {
                      if (!Arrays.equals(codec.encode(sent.get(i)), expected.get(i))) {
                        return false;
                      }
                    }
                  }
                  return true;
                }));
      }
      for (Future<Boolean> same : sameBytes) {
        assertThat(same.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static void assertReceived(InboundMessage received, OutboundMessage sent) {
    assertThat(received.kind()).isEqualTo(sent.kind());
    assertThat(received.command()).isEqualTo(sent.command());
    assertThat(received.tag()).isEqualTo(sent.tag());
    assertThat(received.errorCode()).isEqualTo(sent.errorCode());
    assertThat(received.fields().names())
        .containsExactlyElementsOf(sent.values().stream().map(TypedValue::name).toList());
    for (TypedValue<?> v : sent.values()) {
      assertThat(received.fields().get(v.name(), v.type())).as(v.name()).isEqualTo(v.value());
    }
  }
}
