package org.amp4j.codec.msgpack;

import static org.amp4j.codec.msgpack.Wire.codec;
import static org.amp4j.codec.msgpack.Wire.frame;
import static org.amp4j.codec.msgpack.Wire.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.List;
import org.amp4j.ProtocolException;
import org.amp4j.spi.InboundMessage;
import org.amp4j.spi.MessageDecoder;
import org.amp4j.spi.MessageKind;
import org.amp4j.spi.OutboundMessage;
import org.amp4j.spi.TypedValue;
import org.amp4j.value.ValueTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Framing, fragmentation, message layout and malformed payloads. */
class DecoderTest {

  private static byte[] stream() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(hex(GoldenBytesTest.SUM_CALL));
    out.writeBytes(hex(GoldenBytesTest.SUM_ANSWER));
    out.writeBytes(hex(GoldenBytesTest.ERROR));
    out.writeBytes(hex(GoldenBytesTest.PING));
    out.writeBytes(
        codec()
            .encode(
                OutboundMessage.call(
                    "Big",
                    "\u00e9",
                    List.of(
                        new TypedValue<>("s", ValueTypes.UNICODE, "x".repeat(70_000)),
                        new TypedValue<>("i", ValueTypes.INTEGER, BigInteger.TWO.pow(100))))));
    return out.toByteArray();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 5, 7, 64, 4096, 1 << 20})
  void anyChunking_givesTheSameMessages(int chunk) {
    List<InboundMessage> messages = Wire.decodeChunked(codec(), stream(), chunk);
    assertThat(messages)
        .extracting(InboundMessage::kind)
        .containsExactly(
            MessageKind.CALL,
            MessageKind.ANSWER,
            MessageKind.ERROR,
            MessageKind.CALL,
            MessageKind.CALL);
    InboundMessage big = messages.get(4);
    assertThat(big.tag()).isEqualTo("\u00e9");
    assertThat(big.fields().get("s", ValueTypes.UNICODE)).hasSize(70_000);
    assertThat(big.fields().get("i", ValueTypes.INTEGER)).isEqualTo(BigInteger.TWO.pow(100));
  }

  @Test
  void next_stopsJustAfterEachMessage() {
    byte[] bytes = stream();
    ByteBuffer in = ByteBuffer.wrap(bytes);
    MessageDecoder decoder = codec().newDecoder();
    assertThat(decoder.next(in).command()).isEqualTo("Sum");
    assertThat(in.position()).isEqualTo(hex(GoldenBytesTest.SUM_CALL).length);
    assertThat(decoder.next(in).kind()).isEqualTo(MessageKind.ANSWER);
    assertThat(in.position())
        .isEqualTo(hex(GoldenBytesTest.SUM_CALL).length + hex(GoldenBytesTest.SUM_ANSWER).length);
  }

  @Test
  void next_withPartialFrame_consumesAllAndReturnsNull() {
    byte[] frame = hex(GoldenBytesTest.SUM_CALL);
    MessageDecoder decoder = codec().newDecoder();
    ByteBuffer first = ByteBuffer.wrap(frame, 0, 10);
    assertThat(decoder.next(first)).isNull();
    assertThat(first.hasRemaining()).isFalse();
    ByteBuffer rest = ByteBuffer.wrap(frame, 10, frame.length - 10);
    assertThat(decoder.next(rest).command()).isEqualTo("Sum");
    assertThat(decoder.next(rest)).isNull();
  }

  @Test
  void trailingBytesInFrame_areProtocolError() {
    assertMalformed(
        "82 a4 63616c6c a4 50696e67 a4 61726773 80 c0", "1 trailing bytes after the msgpack");
  }

  @Test
  void truncatedPayloadInsideCompleteFrame_isProtocolError() {
    String ping = "82 a4 63616c6c a4 50696e67 a4 61726773 80";
    byte[] full = hex(ping);
    for (int cut = 1; cut < full.length; cut++) {
      byte[] f = frame(hex(java.util.Arrays.copyOf(full, cut)));
      assertThatThrownBy(() -> codec().newDecoder().next(ByteBuffer.wrap(f)))
          .as("cut at %d", cut)
          .isInstanceOf(ProtocolException.class);
    }
  }

  @Test
  void afterFailure_decoderRefusesInput() {
    MessageDecoder decoder = codec().newDecoder();
    assertThatThrownBy(() -> decoder.next(ByteBuffer.wrap(hex("00000000"))))
        .isInstanceOf(ProtocolException.class);
    assertThatThrownBy(() -> decoder.next(ByteBuffer.wrap(hex(GoldenBytesTest.PING))))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("decoder already failed");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "c1", // never used
        "c0", // nil, not a map
        "90", // array
        "80", // empty map
        "81 a3 746167 a1 31", // first key is tag
        "81 a4 63616c6c a3 53756d", // call without args
        "81 a6 616e73776572 a1 31", // answer without values
        "82 a5 6572726f72 a1 31 a4 636f6465 a1 58", // error without description
        "83 a4 63616c6c a1 58 a4 61726773 80 a4 61726773 80", // args twice
        "83 a4 63616c6c a1 58 a6 76616c756573 80 a4 61726773 80", // values in a call
        "83 a4 63616c6c a1 58 a6 616e73776572 a1 31 a4 61726773 80", // call and answer
        "82 a4 63616c6c 01 a4 61726773 80", // command is an int
        "82 a4 63616c6c a1 58 a4 61726773 90", // args is an array
        "83 a4 63616c6c a1 58 a3 746167 01 a4 61726773 80", // tag is an int
        "83 a4 63616c6c a1 58 a3 746167 a2 c480 a4 61726773 80", // tag U+0100
        "82 a4 63616c6c a1 58 a4 61726773 81 01 01", // value key is an int
        "82 a4 63616c6c a1 58 a4 61726773 82 a161 01 a161 02", // value key twice
        "84 a4 63616c6c a1 58 a3 746167 a1 31 a4 61726773 80 c0 c0", // 4 keys
        "82 01 a1 58", // message key is an int
        "82 ab 6465736372697074696f6e78 a1 58", // message key too long
        "82 a4 63616c6c a1 58 a4 61726773 81 a1 76 c1", // never-used byte as a value
      })
  void malformedMessage_isProtocolError(String payloadHex) {
    assertMalformed(payloadHex, "");
  }

  @Test
  void messageKeyOfWrongKind_namesTheKey() {
    assertMalformed(
        "83 a4 63616c6c a1 58 a4 636f6465 a1 31 a4 61726773 80",
        "key \"code\" does not belong in a message of kind call");
  }

  @Test
  void keysAfterTheFirst_mayComeInAnyOrder() {
    InboundMessage m =
        Wire.decodeOne(codec(), frame("83 a4 63616c6c a1 58 a4 61726773 80 a3 746167 a1 31"));
    assertThat(m.command()).isEqualTo("X");
    assertThat(m.tag()).isEqualTo("1");
  }

  private static void assertMalformed(String payloadHex, String message) {
    byte[] f = frame(payloadHex);
    assertThatThrownBy(() -> codec().newDecoder().next(ByteBuffer.wrap(f)))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining(message);
  }
}
