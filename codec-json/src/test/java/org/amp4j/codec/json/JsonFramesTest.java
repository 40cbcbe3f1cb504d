package org.amp4j.codec.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;
import org.amp4j.EncodingException;
import org.amp4j.Limits;
import org.amp4j.ProtocolException;
import org.amp4j.spi.Codec;
import org.amp4j.spi.MessageDecoder;
import org.amp4j.spi.OutboundMessage;
import org.amp4j.spi.TypedValue;
import org.amp4j.value.ValueTypes;
import org.junit.jupiter.api.Test;

/** Malformed frames and messages, limits on hand-written input, and what cannot be encoded. */
class JsonFramesTest {

  private final Codec codec = new JsonCodecProvider().create(Limits.DEFAULTS);

  @Test
  void decode_malformedMessages_failWithProtocolException() {
    List<String> bad =
        List.of(
            "[]",
            "\"call\"",
            "{}",
            "{\"tag\":\"1\",\"call\":\"Sum\",\"args\":{}}",
            "{\"call\":\"Sum\",\"answer\":\"1\",\"args\":{}}",
            "{\"call\":\"Sum\",\"args\":{},\"extra\":1}",
            "{\"call\":\"Sum\",\"tag\":\"1\",\"tag\":\"2\",\"args\":{}}",
            "{\"call\":\"Sum\"}",
            "{\"call\":\"Sum\",\"args\":[]}",
            "{\"call\":1,\"args\":{}}",
            "{\"call\":\"Sum\",\"tag\":null,\"args\":{}}",
            "{\"call\":\"Sum\",\"tag\":\"\u0100\",\"args\":{}}",
            "{\"answer\":\"1\",\"values\":{\"a\":1,\"a\":2}}",
            "{\"error\":\"1\",\"code\":\"X\"}",
            "{\"answer\":\"1\",\"values\":{}} x",
            "{\"answer\":\"1\",\"values\":{}}{}",
            "{\"answer\":\"1\",\"values\":{\"v\":NaN}}",
            "{\"answer\":\"1\",\"values\":{\"v\":\"\\ud800\"}}",
            "{\"answer\":\"1\",\"values\":{\"v\":01}}",
            "{\"answer\":\"1\",\"values\":{\"v\":[1,]}}",
            "{\"answer\":\"1\",\"values\":{\"v\":1}");
    for (String json : bad) {
      assertThatThrownBy(() -> codec.newDecoder().next(ByteBuffer.wrap(JsonFrames.frame(json))))
          .as(json)
          .isInstanceOf(ProtocolException.class)
          .message()
          .isNotBlank();
    }
  }

  @Test
  void decode_trailingWhitespace_isPartOfTheJsonText() {
    var m =
        codec
            .newDecoder()
            .next(ByteBuffer.wrap(JsonFrames.frame("{\"answer\":\"1\",\"values\":{}} \n")));
    assertThat(m.tag()).isEqualTo("1");
  }

  @Test
  void decode_oversizedLength_failsOnTheHeaderAlone() {
    MessageDecoder decoder =
        new JsonCodecProvider().create(Limits.builder().maxFrameLength(100).build()).newDecoder();
    assertThatThrownBy(() -> decoder.next(ByteBuffer.wrap(new byte[] {0, 0, 0, 101})))
        .isInstanceOf(ProtocolException.class)
        .hasMessage("json frame length 101 exceeds maxFrameLength 100");
    assertThatThrownBy(() -> decoder.next(ByteBuffer.wrap(new byte[] {0})))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("already failed");
  }

  @Test
  void decode_overLimits_failWhileParsing() {
    Limits strict =
        Limits.builder()
            .maxNestingDepth(2)
            .maxListLength(3)
            .maxFieldCount(2)
            .maxValueLength(4)
            .maxIntegerDigits(3)
            .build();
    Codec c = new JsonCodecProvider().create(strict);
    List<String> over =
        List.of(
            "[[[1]]]",
            "[[{\"a\":[1]}]]",
            "{\"a\":{\"b\":{}}}",
            "[1,2,3,4]",
            "\"abcde\"",
            "\"\u00e9\u00e9\u00e9\"",
            "\"AAAAAAAA\"",
            "1234",
            "-1234");
    for (String v : over) {
      String json = "{\"answer\":\"1\",\"values\":{\"v\":" + v + "}}";
      assertThatThrownBy(() -> c.newDecoder().next(ByteBuffer.wrap(JsonFrames.frame(json))))
          .as(v)
          .isInstanceOf(ProtocolException.class);
    }
    String threeKeys = "{\"answer\":\"1\",\"values\":{\"a\":1,\"b\":2,\"c\":3}}";
    assertThatThrownBy(() -> c.newDecoder().next(ByteBuffer.wrap(JsonFrames.frame(threeKeys))))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("maxFieldCount 2");
    // At the limits: base64 of 4 bytes is 8 chars, which is fine.
    String within = "{\"answer\":\"1\",\"values\":{\"v\":[[1,2,3]],\"b\":\"AAAAAA==\"}}";
    var m = c.newDecoder().next(ByteBuffer.wrap(JsonFrames.frame(within)));
    assertThat(m.fields().get("b", ValueTypes.BYTES)).hasSize(4);
    assertThatThrownBy(() -> m.fields().get("b", ValueTypes.UNICODE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxValueLength");
  }

  @Test
  void encode_unsendableValues_failWithEncodingException() {
    assertThatThrownBy(() -> codec.encode(answer(ValueTypes.UNICODE, "a\ud800")))
        .isInstanceOf(EncodingException.class)
        .hasMessageContaining("unpaired surrogate");
    assertThatThrownBy(() -> codec.encode(OutboundMessage.answer("\u0100", List.of())))
        .isInstanceOf(EncodingException.class)
        .hasMessageContaining("U+0100");
    assertThatThrownBy(
            () ->
                codec.encode(
                    OutboundMessage.call(
                        "X",
                        "1",
                        List.of(
                            new TypedValue<>("a", ValueTypes.BOOLEAN, true),
                            new TypedValue<>("a", ValueTypes.BOOLEAN, false)))))
        .isInstanceOf(EncodingException.class)
        .hasMessageContaining("twice");
  }

  private static OutboundMessage answer(org.amp4j.value.ValueType<String> type, String value) {
    return OutboundMessage.answer("1", List.of(new TypedValue<>("v", type, value)));
  }
}
