package org.amp4j.codec.msgpack;

import static org.amp4j.codec.msgpack.Wire.codec;
import static org.amp4j.codec.msgpack.Wire.decodeOne;
import static org.amp4j.codec.msgpack.Wire.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import org.amp4j.spi.InboundMessage;
import org.amp4j.spi.MessageKind;
import org.amp4j.spi.OutboundMessage;
import org.amp4j.spi.TypedValue;
import org.amp4j.value.ValueTypes;
import org.junit.jupiter.api.Test;

/** Whole frames written out by hand from the msgpack spec and docs/codecs.md. */
class GoldenBytesTest {

  /** call Sum, tag "1", args {a: 13, b: 81}. */
  static final String SUM_CALL =
      "0000001c"
          + "83"
          + "a4 63616c6c a3 53756d" // "call": "Sum"
          + "a3 746167 a1 31" // "tag": "1"
          + "a4 61726773 82 a1 61 0d a1 62 51"; // "args": {"a": 13, "b": 81}

  /** answer tag "1", values {total: 94}. */
  static final String SUM_ANSWER =
      "00000019" + "82" + "a6 616e73776572 a1 31" + "a6 76616c756573 81 a5 746f74616c 5e";

  /** error tag "1", code "BAD", description "oops". */
  static final String ERROR =
      "00000023"
          + "83"
          + "a5 6572726f72 a1 31"
          + "a4 636f6465 a3 424144"
          + "ab 6465736372697074696f6e a4 6f6f7073";

  /** call Ping wanting no answer, no args. */
  static final String PING = "00000011" + "82" + "a4 63616c6c a4 50696e67" + "a4 61726773 80";

  @Test
  void call_matchesHandWrittenBytes() {
    byte[] frame =
        codec()
            .encode(
                OutboundMessage.call(
                    "Sum",
                    "1",
                    List.of(
                        new TypedValue<>("a", ValueTypes.LONG, 13L),
                        new TypedValue<>("b", ValueTypes.INT, 81))));
    assertThat(hex(frame)).isEqualTo(hex(hex(SUM_CALL)));

    InboundMessage m = decodeOne(codec(), hex(SUM_CALL));
    assertThat(m.kind()).isEqualTo(MessageKind.CALL);
    assertThat(m.command()).isEqualTo("Sum");
    assertThat(m.tag()).isEqualTo("1");
    assertThat(m.fields().names()).containsExactly("a", "b");
    assertThat(m.fields().get("a", ValueTypes.LONG)).isEqualTo(13L);
    assertThat(m.fields().raw("b")).isEqualTo(BigInteger.valueOf(81));
  }

  @Test
  void answer_matchesHandWrittenBytes() {
    byte[] frame =
        codec()
            .encode(
                OutboundMessage.answer(
                    "1", List.of(new TypedValue<>("total", ValueTypes.INT, 94))));
    assertThat(hex(frame)).isEqualTo(hex(hex(SUM_ANSWER)));

    InboundMessage m = decodeOne(codec(), hex(SUM_ANSWER));
    assertThat(m.kind()).isEqualTo(MessageKind.ANSWER);
    assertThat(m.tag()).isEqualTo("1");
    assertThat(m.fields().get("total", ValueTypes.INT)).isEqualTo(94);
  }

  @Test
  void error_matchesHandWrittenBytes() {
    byte[] frame = codec().encode(OutboundMessage.error("1", "BAD", "oops"));
    assertThat(hex(frame)).isEqualTo(hex(hex(ERROR)));

    InboundMessage m = decodeOne(codec(), hex(ERROR));
    assertThat(m.kind()).isEqualTo(MessageKind.ERROR);
    assertThat(m.tag()).isEqualTo("1");
    assertThat(m.errorCode()).isEqualTo("BAD");
    assertThat(m.errorDescription()).isEqualTo("oops");
    assertThat(m.fields().names()).isEmpty();
  }

  @Test
  void callWithoutTag_hasNoTagKey() {
    byte[] frame = codec().encode(OutboundMessage.call("Ping", null, List.of()));
    assertThat(hex(frame)).isEqualTo(hex(hex(PING)));

    InboundMessage m = decodeOne(codec(), hex(PING));
    assertThat(m.command()).isEqualTo("Ping");
    assertThat(m.tag()).isNull();
  }

  @Test
  void tag_isLatin1TextOneCodePointPerByte() {
    byte[] frame = codec().encode(OutboundMessage.answer("\u00ff\u0000", List.of()));
    // "answer": str of 3 bytes c3 bf 00 (U+00FF, U+0000 in UTF-8)
    assertThat(hex(frame))
        .isEqualTo(hex(hex("00000014 82 a6 616e73776572 a3 c3bf00 a6 76616c756573 80")));
    assertThat(decodeOne(codec(), frame).tag()).isEqualTo("\u00ff\u0000");
  }
}
