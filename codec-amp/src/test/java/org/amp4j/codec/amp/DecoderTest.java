package org.amp4j.codec.amp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.amp4j.Field;
import org.amp4j.Limits;
import org.amp4j.ProtocolException;
import org.amp4j.spi.Codec;
import org.amp4j.spi.CodecProvider;
import org.amp4j.spi.InboundMessage;
import org.amp4j.spi.MessageDecoder;
import org.amp4j.spi.MessageKind;
import org.amp4j.spi.OutboundMessage;
import org.amp4j.spi.TypedValue;
import org.amp4j.value.Fields;
import org.amp4j.value.RecordSchema;
import org.amp4j.value.TypeRegistry;
import org.amp4j.value.ValueType;
import org.amp4j.value.ValueTypes;
import org.junit.jupiter.api.Test;

/** The decoder, the routing of boxes, and the lazily typed fields. */
class DecoderTest {

  /** Builds raw boxes byte by byte, including ones our encoder would never write. */
  private static final class Box {
    private final ByteSink out = new ByteSink(64);

    Box pair(String key, String value) {
      return pair(key.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
    }

    Box pair(byte[] key, byte[] value) {
      out.writeU16(key.length);
      out.write(key);
      out.writeU16(value.length);
      out.write(value);
      return this;
    }

    Box end() {
      out.writeU16(0);
      return this;
    }

    byte[] bytes() {
      return out.toByteArray();
    }
  }

  /** An answer to tag 1 carrying one value. */
  private static InboundMessage answerWith(String key, byte[] value) {
    return one(
        new Box()
            .pair("_answer", "1")
            .pair(key.getBytes(StandardCharsets.UTF_8), value)
            .end()
            .bytes());
  }

  private static InboundMessage one(byte[] wire) {
    return AmpVectorsTest.single(wire);
  }

  // ------------------------------------------------------------------ provider

  @Test
  void providerIsFoundByServiceLoader() {
    List<CodecProvider> amp = new ArrayList<>();
    for (CodecProvider p : ServiceLoader.load(CodecProvider.class)) {
      if (p.name().equals("amp")) {
        amp.add(p);
      }
    }
    assertThat(amp).hasSize(1);
    Codec codec = amp.get(0).create(Limits.DEFAULTS);
    assertThat(codec.name()).isEqualTo("amp");
    assertThat(codec.newDecoder()).isNotSameAs(codec.newDecoder());
  }

  // ------------------------------------------------------------------ routing

  @Test
  void answerWinsOverErrorAndCommand() {
    InboundMessage m =
        one(
            new Box()
                .pair("_command", "Sum")
                .pair("_error", "2")
                .pair("_answer", "1")
                .end()
                .bytes());
    assertThat(m.kind()).isEqualTo(MessageKind.ANSWER);
    assertThat(m.tag()).isEqualTo("1");
  }

  @Test
  void errorWinsOverCommand() {
    InboundMessage m =
        one(
            new Box()
                .pair("_command", "Sum")
                .pair("_error", "2")
                .pair("_error_code", "E")
                .pair("_error_description", "d")
                .end()
                .bytes());
    assertThat(m.kind()).isEqualTo(MessageKind.ERROR);
    assertThat(m.tag()).isEqualTo("2");
    assertThat(m.command()).isNull();
  }

  @Test
  void errorWithoutCodeOrDescriptionIsAProtocolError() {
    byte[] noCode = new Box().pair("_error", "1").pair("_error_description", "d").end().bytes();
    assertThat(Vectors.decode(noCode).error())
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("lacks _error_code");
    byte[] noDescription = new Box().pair("_error", "1").pair("_error_code", "E").end().bytes();
    assertThat(Vectors.decode(noDescription).error())
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("lacks _error_description");
  }

  @Test
  void namesAndDescriptionsDecodeWithReplacement() {
    InboundMessage call =
        one(
            new Box()
                .pair("_command".getBytes(StandardCharsets.US_ASCII), Vectors.hex("43ff"))
                .end()
                .bytes());
    assertThat(call.command()).isEqualTo("C\ufffd");
    assertThat(call.tag()).isNull();
    InboundMessage error =
        one(
            new Box()
                .pair("_error", "1")
                .pair("_error_code", "E")
                .pair(
                    "_error_description".getBytes(StandardCharsets.US_ASCII), Vectors.hex("6162ff"))
                .end()
                .bytes());
    assertThat(error.errorDescription()).isEqualTo("ab\ufffd");
  }

  @Test
  void tagsAreLatin1OneCharPerByte() {
    byte[] tag = Vectors.hex("00ff80");
    InboundMessage m =
        one(
            new Box()
                .pair(
                    "_command".getBytes(StandardCharsets.US_ASCII),
                    "C".getBytes(StandardCharsets.US_ASCII))
                .pair("_ask".getBytes(StandardCharsets.US_ASCII), tag)
                .end()
                .bytes());
    assertThat(m.tag()).isEqualTo("\u0000\u00ff\u0080");
    byte[] answer = Vectors.CODEC.encode(OutboundMessage.answer(m.tag(), List.of()));
    assertThat(Vectors.hex(answer)).isEqualTo("00075f616e73776572000300ff800000");
  }

  // ------------------------------------------------------------------ delivery

  @Test
  void earlierBoxesAreDeliveredBeforeALaterBadOneThrows() {
    byte[] good = new Box().pair("_answer", "1").end().bytes();
    byte[] input = concat(good, good, new byte[] {0, 0});
    List<InboundMessage> got = new ArrayList<>();
    MessageDecoder d = Vectors.CODEC.newDecoder();
    assertThatThrownBy(() -> d.decode(ByteBuffer.wrap(input), got::add))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("empty box");
    assertThat(got).hasSize(2);
  }

  @Test
  void eachMessageIsDeliveredAsSoonAsItsBoxCompletes() {
    byte[] first = new Box().pair("_answer", "1").end().bytes();
    byte[] second = new Box().pair("_answer", "2").end().bytes();
    ByteBuffer input = ByteBuffer.wrap(concat(first, second));
    MessageDecoder d = Vectors.CODEC.newDecoder();
    int[] positionAtDelivery = new int[2];
    List<InboundMessage> got = new ArrayList<>();
    d.decode(
        input,
        m -> {
          positionAtDelivery[got.size()] = input.position();
          got.add(m);
        });
    assertThat(positionAtDelivery).containsExactly(first.length, first.length + second.length);
    assertThat(got).extracting(InboundMessage::tag).containsExactly("1", "2");
  }

  @Test
  void aThrowingConsumerLeavesTheRestUnconsumed() {
    byte[] first = new Box().pair("_answer", "1").end().bytes();
    byte[] second = new Box().pair("_answer", "2").end().bytes();
    ByteBuffer input = ByteBuffer.wrap(concat(first, second));
    MessageDecoder d = Vectors.CODEC.newDecoder();
    assertThatThrownBy(
            () ->
                d.decode(
                    input,
                    m -> {
                      throw new IllegalStateException("consumer failed");
                    }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(input.position()).isEqualTo(first.length);
    List<InboundMessage> got = new ArrayList<>();
    d.decode(input, got::add);
    assertThat(got).extracting(InboundMessage::tag).containsExactly("2");
  }

  @Test
  void partialInputIsKeptAcrossCalls() {
    byte[] box = new Box().pair("_answer", "1").pair("v", "").end().bytes();
    MessageDecoder d = Vectors.CODEC.newDecoder();
    List<InboundMessage> got = new ArrayList<>();
    for (int i = 0; i < box.length - 1; i++) {
      d.decode(ByteBuffer.wrap(box, i, 1), got::add);
      assertThat(got).isEmpty();
    }
    d.decode(ByteBuffer.wrap(box, box.length - 1, 1), got::add);
    assertThat(got).hasSize(1);
    assertThat(got.get(0).fields().raw("v")).isEqualTo(new byte[0]);
    d.decode(ByteBuffer.allocate(0), got::add);
    assertThat(got).hasSize(1);
  }

  // ------------------------------------------------------------------ fields

  @Test
  void fieldsHideProtocolKeysKeepOrderAndLastDuplicateWins() {
    InboundMessage m =
        one(
            new Box()
                .pair("b", "1")
                .pair("_ask", "7")
                .pair("a", "2")
                .pair("_command", "C")
                .pair("b", "3")
                .end()
                .bytes());
    Fields f = m.fields();
    assertThat(f.names()).containsExactly("b", "a");
    assertThat(f.get("b", ValueTypes.INT)).isEqualTo(3);
    assertThat(f.contains("_ask")).isFalse();
    assertThat(f.raw("_command")).isNull();
    assertThat(f.raw("zzz")).isNull();
    assertThatThrownBy(() -> f.get("zzz", ValueTypes.INTEGER))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'zzz' is missing");
  }

  @Test
  void rawIsACopy() {
    InboundMessage m = one(new Box().pair("_answer", "1").pair("v", "abc").end().bytes());
    ((byte[]) m.fields().raw("v"))[0] = 'X';
    assertThat(m.fields().raw("v")).isEqualTo("abc".getBytes(StandardCharsets.US_ASCII));
    byte[] asBytes = m.fields().get("v", ValueTypes.BYTES);
    asBytes[0] = 'Y';
    assertThat(m.fields().get("v", ValueTypes.UNICODE)).isEqualTo("abc");
  }

  @Test
  void theSameBytesReadAsDifferentTypes() {
    InboundMessage m =
        one(new Box().pair("_answer", "1").pair("v", "12").pair("u", "\u00e9").end().bytes());
    assertThat(m.fields().get("v", ValueTypes.INTEGER)).isEqualTo(BigInteger.valueOf(12));
    assertThat(m.fields().get("v", ValueTypes.FLOAT)).isEqualTo(12.0);
    assertThat(m.fields().get("v", ValueTypes.UNICODE)).isEqualTo("12");
    assertThat(m.fields().get("v", ValueTypes.DECIMAL).toString()).isEqualTo("12");
    assertThat(m.fields().names()).containsExactly("v", "u");
    assertThatThrownBy(() -> m.fields().get("u", ValueTypes.INTEGER))
        .hasMessage("expected integer, got \"\\xc3\\xa9\" (not ASCII)");
    assertThatThrownBy(() -> m.fields().get("v", ValueTypes.BOOLEAN))
        .hasMessage("expected boolean, got \"12\" (only True or False)");
  }

  @Test
  void nonUtf8KeysAreNamedWithReplacement() {
    InboundMessage m =
        one(
            new Box()
                .pair("_answer", "1")
                .pair(Vectors.hex("ff"), "x".getBytes(StandardCharsets.US_ASCII))
                .end()
                .bytes());
    assertThat(m.fields().names()).containsExactly("\ufffd");
  }

  @Test
  void mappedTypesCheckTheirRange() {
    InboundMessage m =
        one(new Box().pair("_answer", "1").pair("n", "9223372036854775808").end().bytes());
    assertThat(m.fields().get("n", ValueTypes.INTEGER))
        .isEqualTo(new BigInteger("9223372036854775808"));
    assertThatThrownBy(() -> m.fields().get("n", ValueTypes.LONG))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not fit in a long");
  }

  @Test
  void listElementErrorsSayWhichElement() {
    InboundMessage m = answerWith("l", Vectors.hex("000131000178"));
    assertThatThrownBy(() -> m.fields().get("l", ValueTypes.listOf(ValueTypes.INTEGER)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("element 1 of list<integer>: expected integer, got \"x\"");
    assertThat(m.fields().get("l", ValueTypes.listOf(ValueTypes.UNICODE)))
        .containsExactly("1", "x");
  }

  // ------------------------------------------------------------------ AmpList records

  /** A Java record carried in an AmpList. */
  record Point(long x, long y, @Field(optional = true) String label) {}

  @Test
  void javaRecordsRoundTrip() {
    RecordSchema<Point> schema = TypeRegistry.standard().schemaOf(Point.class);
    ValueType<List<Point>> type = ValueTypes.records(schema);
    List<Point> points = List.of(new Point(1, -2, "a"), new Point(3, 4, null));
    byte[] wire =
        Vectors.CODEC.encode(
            OutboundMessage.answer("1", List.of(new TypedValue<>("p", type, points))));
    // Twisted's layout: each record a sorted box; the absent label is omitted.
    assertThat(Vectors.hex((byte[]) one(wire).fields().raw("p")))
        .isEqualTo(
            "00056c6162656c0001610001780001310001790002"
                + "2d32"
                + "0000"
                + "0001780001330001790001340000");
    assertThat(one(wire).fields().get("p", type)).isEqualTo(points);
  }

  @Test
  void ampListDecodingFollowsTheBoxParser() {
    RecordSchema<Map<String, Object>> schema =
        RecordSchema.dynamic(
            "R", List.of(new RecordSchema.FieldSpec("a", ValueTypes.INTEGER, true, null)));
    ValueType<List<Map<String, Object>>> type = ValueTypes.records(schema);
    // Empty record, a duplicate key (last wins), then an incomplete trailing box (ignored).
    byte[] value = Vectors.hex("0000" + "000161000131" + "000161000132" + "0000" + "0001610001");
    InboundMessage m = answerWith("r", value);
    assertThat(m.fields().get("r", type)).containsExactly(Map.of(), Map.of("a", BigInteger.TWO));

    byte[] longKey = Vectors.hex("0100");
    InboundMessage bad = answerWith("r", longKey);
    assertThatThrownBy(() -> bad.fields().get("r", type))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected records<R>")
        .hasMessageContaining("key length 256");
  }

  @Test
  void recordFieldErrorsNameTheRecordAndField() {
    RecordSchema<Point> schema = TypeRegistry.standard().schemaOf(Point.class);
    byte[] value = Vectors.hex("000178000131000179000178" + "0000");
    InboundMessage m = answerWith("p", value);
    assertThatThrownBy(() -> m.fields().get("p", ValueTypes.records(schema)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("record 0 of records<Point>: Point.y: expected integer(long), got \"x\"");
    byte[] missing = Vectors.hex("000178000131" + "0000");
    InboundMessage m2 = answerWith("p", missing);
    assertThatThrownBy(() -> m2.fields().get("p", ValueTypes.records(schema)))
        .hasMessageContaining("required")
        .hasMessageContaining("y");
  }

  private static byte[] concat(byte[]... parts) {
    ByteSink out = new ByteSink(64);
    for (byte[] p : parts) {
      out.write(p);
    }
    return out.toByteArray();
  }
}
