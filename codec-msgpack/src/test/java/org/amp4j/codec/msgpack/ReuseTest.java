package org.amp4j.codec.msgpack;

import static org.amp4j.codec.msgpack.Wire.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.amp4j.Limits;
import org.amp4j.ProtocolException;
import org.amp4j.spi.InboundMessage;
import org.amp4j.value.ValueTypes;
import org.junit.jupiter.api.Test;

/**
 * What the msgpack codec reuses from message to message, beyond the shared suite's checks (one
 * decoder for a stream, one codec on several threads): a decoder's parser across a malformed
 * payload.
 */
class ReuseTest {

  @Test
  void parser_afterAMalformedPayload_readsTheNextOne() {
    MessageParser parser = new MessageParser(Limits.DEFAULTS);
    byte[] frame = hex(GoldenBytesTest.SUM_CALL);
    assertThatThrownBy(() -> parser.parse(frame, 4, frame.length - 5))
        .isInstanceOf(ProtocolException.class);
    byte[] neverUsed = hex("83 a4 63616c6c c1");
    assertThatThrownBy(() -> parser.parse(neverUsed, 0, neverUsed.length))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("0xc1");
    byte[] unknownKey = hex("81 a3 666f6f a1 31");
    assertThatThrownBy(() -> parser.parse(unknownKey, 0, unknownKey.length))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("not \"foo\"");
    InboundMessage m = parser.parse(frame, 4, frame.length - 4);
    assertThat(m.command()).isEqualTo("Sum");
    assertThat(m.fields().get("b", ValueTypes.LONG)).isEqualTo(81L);
  }
}
