package org.amp4j.codec.json;

import static org.amp4j.codectest.MessageAssertions.assertSameMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.amp4j.Limits;
import org.amp4j.ProtocolException;
import org.amp4j.codectest.GrowingMessages;
import org.amp4j.spi.Codec;
import org.amp4j.spi.OutboundMessage;
import org.junit.jupiter.api.Test;

/**
 * What the JSON codec reuses from message to message, beyond the shared suite's checks (one decoder
 * for a stream, one codec on several threads): its reader across a malformed frame, and frames
 * small and larger than the generator's buffer.
 */
class JsonReuseTest {

  private static Codec codec() {
    return new JsonCodecProvider().create(Limits.DEFAULTS);
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
    for (OutboundMessage m : GrowingMessages.all()) {
      assertSameMessage(m, codec.newDecoder().next(ByteBuffer.wrap(codec.encode(m))));
    }
  }

  @Test
  void frame_holdsItsPayloadLengthAndNothingMore() {
    for (OutboundMessage m : GrowingMessages.all()) {
      byte[] frame = codec().encode(m);
      assertThat(ByteBuffer.wrap(frame).getInt()).isEqualTo(frame.length - 4);
      assertThat(frame[frame.length - 1]).isEqualTo((byte) '}');
    }
  }
}
