package org.amp4j.codec.amp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.amp4j.EncodingException;
import org.amp4j.Limits;
import org.amp4j.ProtocolException;
import org.amp4j.spi.Codec;
import org.amp4j.spi.InboundMessage;
import org.amp4j.spi.MessageDecoder;
import org.amp4j.spi.OutboundMessage;
import org.amp4j.spi.TypedValue;
import org.amp4j.value.RecordSchema;
import org.amp4j.value.ValueType;
import org.amp4j.value.ValueTypes;
import org.junit.jupiter.api.Test;

/** Every limit, on encode (EncodingException, nothing produced) and decode (ProtocolException). */
class LimitsTest {

  private static Codec codec(Limits limits) {
    return new AmpCodecProvider().create(limits);
  }

  private static OutboundMessage answer(TypedValue<?>... values) {
    return OutboundMessage.answer("1", List.of(values));
  }

  // ------------------------------------------------------------------ encode

  @Test
  void keyOfExactly255BytesIsFineAnd256IsNot() {
    Codec c = Vectors.CODEC;
    assertThat(
            c.encode(answer(new TypedValue<>("k".repeat(255), ValueTypes.INTEGER, BigInteger.ONE))))
        .hasSize(2 + 7 + 2 + 1 + 2 + 255 + 2 + 1 + 2);
    // 86 three-byte chars = 258 UTF-8 bytes: the limit counts bytes, not chars.
    String wide = "\u65e5".repeat(86);
    assertThatThrownBy(
            () -> c.encode(answer(new TypedValue<>(wide, ValueTypes.INTEGER, BigInteger.ONE))))
        .isInstanceOf(EncodingException.class)
        .hasMessageContaining("is 258 bytes, longer than 255");
  }

  @Test
  void valueOverTheConfiguredLimit() {
    Codec c = codec(Limits.builder().maxValueLength(100).build());
    assertThat(c.encode(answer(new TypedValue<>("data", ValueTypes.BYTES, new byte[100]))))
        .isNotEmpty();
    assertThatThrownBy(
            () -> c.encode(answer(new TypedValue<>("data", ValueTypes.BYTES, new byte[101]))))
        .isInstanceOf(EncodingException.class)
        .hasMessage("value 'data' is 101 bytes, longer than maxValueLength 100");
  }

  @Test
  void protocolValuesAreLimitedToo() {
    Codec c = codec(Limits.builder().maxValueLength(10).build());
    assertThatThrownBy(() -> c.encode(OutboundMessage.call("C".repeat(11), "1", List.of())))
        .isInstanceOf(EncodingException.class)
        .hasMessageContaining("'_command' is 11 bytes, longer than maxValueLength 10");
    assertThatThrownBy(() -> c.encode(OutboundMessage.error("1", "E", "d".repeat(11))))
        .hasMessageContaining("'_error_description' is 11 bytes");
  }

  @Test
  void wholeListsAndElementsAreLimited() {
    Codec c = codec(Limits.builder().maxValueLength(20).build());
    List<String> ok = List.of("123456", "123456"); // 2 * (2 + 6) = 16
    assertThat(c.encode(answer(new TypedValue<>("l", ValueTypes.listOf(ValueTypes.UNICODE), ok))))
        .isNotEmpty();
    List<String> tooMany = List.of("123456", "123456", "123456"); // 24
    assertThatThrownBy(
            () ->
                c.encode(
                    answer(new TypedValue<>("l", ValueTypes.listOf(ValueTypes.UNICODE), tooMany))))
        .isInstanceOf(EncodingException.class)
        .hasMessageContaining("value 'l' is at least 24 bytes, longer than maxValueLength 20");
    List<String> bigElement = List.of("x".repeat(21));
    assertThatThrownBy(
            () ->
                c.encode(
                    answer(
                        new TypedValue<>("l", ValueTypes.listOf(ValueTypes.UNICODE), bigElement))))
        .hasMessageContaining("value 'l'[0] is 21 bytes, longer than maxValueLength 20");
  }

  @Test
  void frameLimit() {
    OutboundMessage m = answer(new TypedValue<>("v", ValueTypes.BYTES, new byte[50]));
    int size = Vectors.CODEC.encode(m).length;
    assertThat(codec(Limits.builder().maxFrameLength(size).build()).encode(m)).hasSize(size);
    assertThatThrownBy(() -> codec(Limits.builder().maxFrameLength(size - 1).build()).encode(m))
        .isInstanceOf(EncodingException.class)
        .hasMessageContaining("longer than maxFrameLength " + (size - 1));
  }

  @Test
  void frameLimitStopsBeforeEncodingEveryValue() {
    // Each value is legal, together they are not; encoding stops at the first value over.
    List<TypedValue<?>> values = new ArrayList<>();
    int[] encoded = {0};
    ValueType<String> counting =
        ValueTypes.UNICODE.map(
            "counted",
            s -> s,
            s -> {
              encoded[0]++;
              return s;
            });
    for (int i = 0; i < 100; i++) {
      values.add(new TypedValue<>("v" + i, counting, "x".repeat(60_000)));
    }
    Codec c = codec(Limits.builder().maxFrameLength(200_000).build());
    assertThatThrownBy(() -> c.encode(OutboundMessage.answer("1", values)))
        .isInstanceOf(EncodingException.class)
        .hasMessageContaining("maxFrameLength 200000");
    assertThat(encoded[0]).isEqualTo(4);
  }

  @Test
  void integerDigits() {
    Codec c = codec(Limits.builder().maxIntegerDigits(5).build());
    assertThat(
            c.encode(
                answer(new TypedValue<>("n", ValueTypes.INTEGER, BigInteger.valueOf(-99_999)))))
        .isNotEmpty();
    assertThatThrownBy(
            () ->
                c.encode(
                    answer(new TypedValue<>("n", ValueTypes.INTEGER, BigInteger.valueOf(100_000)))))
        .isInstanceOf(EncodingException.class)
        .hasMessage("value 'n': integer has 6 digits, more than 5");
    // And on decode: a 6-digit integer is not read.
    InboundMessage in =
        decodeOne(
            c, Vectors.CODEC.encode(answer(new TypedValue<>("n", ValueTypes.LONG, 123_456L))));
    assertThatThrownBy(() -> in.fields().get("n", ValueTypes.LONG))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("6 digits, more than 5");
  }

  @Test
  void unpairedSurrogatesAnywhere() {
    assertThatThrownBy(
            () ->
                Vectors.CODEC.encode(answer(new TypedValue<>("u", ValueTypes.UNICODE, "a\ud800"))))
        .isInstanceOf(EncodingException.class)
        .hasMessageContaining("'u'")
        .hasMessageContaining("unpaired surrogate");
    assertThatThrownBy(
            () ->
                Vectors.CODEC.encode(answer(new TypedValue<>("k\udc00", ValueTypes.UNICODE, "a"))))
        .isInstanceOf(EncodingException.class)
        .hasMessageContaining("key of value");
    assertThatThrownBy(() -> Vectors.CODEC.encode(OutboundMessage.call("C\ud800", null, List.of())))
        .isInstanceOf(EncodingException.class)
        .hasMessageContaining("command name");
    // Descriptions are written like Twisted's: unencodable characters replaced.
    byte[] wire = Vectors.CODEC.encode(OutboundMessage.error("1", "E", "a\ud800b"));
    assertThat(decodeOne(Vectors.CODEC, wire).errorDescription()).isEqualTo("a?b");
  }

  @Test
  void nullRequiredRecordFieldIsNamed() {
    RecordSchema<Map<String, Object>> schema =
        RecordSchema.dynamic(
            "Rec",
            List.of(
                new RecordSchema.FieldSpec("a", ValueTypes.INTEGER, false, null),
                new RecordSchema.FieldSpec("b", ValueTypes.UNICODE, false, null)));
    List<Map<String, Object>> records =
        List.of(Map.of("a", BigInteger.ONE, "b", "x"), Map.of("a", BigInteger.TWO));
    assertThatThrownBy(
            () ->
                Vectors.CODEC.encode(
                    answer(new TypedValue<>("recs", ValueTypes.records(schema), records))))
        .isInstanceOf(EncodingException.class)
        .hasMessage("value 'recs'[1].b is required but null");
  }

  @Test
  void nullListElementIsNamed() {
    List<BigInteger> list = new ArrayList<>();
    list.add(BigInteger.ONE);
    list.add(null);
    // ListType.toWire copies with List.copyOf, which itself refuses nulls.
    assertThatThrownBy(
            () ->
                Vectors.CODEC.encode(
                    answer(new TypedValue<>("l", ValueTypes.listOf(ValueTypes.INTEGER), list))))
        .isInstanceOf(EncodingException.class)
        .hasMessageContaining("'l'");
  }

  @Test
  void nestingDepthBothWays() {
    ValueType<List<List<List<BigInteger>>>> deep =
        ValueTypes.listOf(ValueTypes.listOf(ValueTypes.listOf(ValueTypes.INTEGER)));
    List<List<List<BigInteger>>> value = List.of(List.of(List.of(BigInteger.ONE)));
    Codec two = codec(Limits.builder().maxNestingDepth(2).build());
    assertThat(
            codec(Limits.builder().maxNestingDepth(3).build())
                .encode(answer(new TypedValue<>("d", deep, value))))
        .isNotEmpty();
    assertThatThrownBy(() -> two.encode(answer(new TypedValue<>("d", deep, value))))
        .isInstanceOf(EncodingException.class)
        .hasMessage("value 'd'[0][0] nests lists and records deeper than maxNestingDepth 2");
    InboundMessage in =
        decodeOne(two, Vectors.CODEC.encode(answer(new TypedValue<>("d", deep, value))));
    assertThatThrownBy(() -> in.fields().get("d", deep))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("deeper than maxNestingDepth 2");
  }

  @Test
  void reservedAndRepeatedKeys() {
    assertThatThrownBy(
            () -> Vectors.CODEC.encode(answer(new TypedValue<>("_ask", ValueTypes.UNICODE, "x"))))
        .isInstanceOf(EncodingException.class)
        .hasMessageContaining("reserves");
    assertThatThrownBy(
            () ->
                Vectors.CODEC.encode(
                    answer(
                        new TypedValue<>("a", ValueTypes.UNICODE, "x"),
                        new TypedValue<>("a", ValueTypes.INTEGER, BigInteger.ONE))))
        .isInstanceOf(EncodingException.class)
        .hasMessageContaining("repeats");
    // Other leading-underscore keys are ordinary keys, as in request_key_sort_order.
    assertThat(Vectors.CODEC.encode(answer(new TypedValue<>("_x", ValueTypes.UNICODE, "x"))))
        .isNotEmpty();
  }

  @Test
  void tagsAreBytes() {
    assertThatThrownBy(() -> Vectors.CODEC.encode(OutboundMessage.answer("\u0100", List.of())))
        .isInstanceOf(EncodingException.class)
        .hasMessageContaining("U+0100");
    assertThatThrownBy(
            () ->
                Vectors.CODEC.encode(
                    new OutboundMessage(
                        org.amp4j.spi.MessageKind.CALL, null, "1", null, null, List.of())))
        .isInstanceOf(EncodingException.class)
        .hasMessageContaining("no command");
    assertThatThrownBy(
            () ->
                Vectors.CODEC.encode(
                    new OutboundMessage(
                        org.amp4j.spi.MessageKind.ERROR,
                        null,
                        "1",
                        "E",
                        "d",
                        List.of(new TypedValue<>("a", ValueTypes.UNICODE, "x")))))
        .isInstanceOf(EncodingException.class)
        .hasMessageContaining("error message carries only");
  }

  @Test
  void toWireFailuresAreEncodingExceptions() {
    ValueType<String> picky =
        ValueTypes.INTEGER.map(
            "picky",
            BigInteger::toString,
            s -> {
              throw new IllegalArgumentException("not today");
            });
    assertThatThrownBy(() -> Vectors.CODEC.encode(answer(new TypedValue<>("p", picky, "1"))))
        .isInstanceOf(EncodingException.class)
        .hasMessage("value 'p' cannot be converted to picky: not today");
    assertThatThrownBy(
            () ->
                Vectors.CODEC.encode(
                    answer(
                        new TypedValue<>(
                            "when",
                            ValueTypes.DATETIME,
                            java.time.OffsetDateTime.of(
                                10_000, 1, 1, 0, 0, 0, 0, java.time.ZoneOffset.UTC)))))
        .isInstanceOf(EncodingException.class)
        .hasMessageContaining("year 10000");
  }

  // ------------------------------------------------------------------ decode

  @Test
  void keyLengthOver255FailsAtOnce() {
    MessageDecoder d = Vectors.CODEC.newDecoder();
    List<InboundMessage> out = new ArrayList<>();
    assertThatThrownBy(() -> d.decode(ByteBuffer.wrap(new byte[] {0x01, 0x00}), out::add))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("key length 256 is longer than 255");
    // The decoder is then unusable.
    assertThatThrownBy(() -> d.decode(ByteBuffer.wrap(new byte[] {0, 0}), out::add))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("already failed");
    assertThat(out).isEmpty();
  }

  @Test
  void declaredValueBeyondFrameLimitFailsBeforeAllocating() {
    Codec small = codec(Limits.builder().maxFrameLength(1024).build());
    // key "a", then a declared value length of 65535: the box cannot fit in 1024 bytes.
    byte[] header = {0, 1, 'a', (byte) 0xFF, (byte) 0xFF};
    for (int warmUp = 0; warmUp < 3; warmUp++) {
      allocatedBy(small.newDecoder(), header);
    }
    long refusing = allocatedBy(small.newDecoder(), header);
    // For contrast: under the default limit the same header makes the decoder allocate the value.
    long accepting = allocatedBy(Vectors.CODEC.newDecoder(), header);
    assertThat(accepting).isGreaterThanOrEqualTo(65_535);
    assertThat(refusing).as("bytes allocated while refusing").isLessThan(16_384);
    assertThatThrownBy(() -> small.newDecoder().decode(ByteBuffer.wrap(header), m -> {}))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("box would be at least 65542 bytes, longer than maxFrameLength 1024");
  }

  /** Bytes this thread allocates while a decoder takes {@code input}. */
  private static long allocatedBy(MessageDecoder d, byte[] input) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    ByteBuffer buffer = ByteBuffer.wrap(input);
    long before = threads.getCurrentThreadAllocatedBytes();
    try {
      d.decode(buffer, m -> {});
    } catch (ProtocolException expected) {
      // measured below
    }
    return threads.getCurrentThreadAllocatedBytes() - before;
  }

  @Test
  void manyPairsBeyondFrameLimitFail() {
    Codec c = codec(Limits.builder().maxFrameLength(100).build());
    ByteSink box = new ByteSink(200);
    for (int i = 0; i < 20; i++) {
      box.writeU16(1);
      box.write(new byte[] {(byte) ('a' + i)});
      box.writeU16(3);
      box.write(new byte[] {'x', 'y', 'z'});
    }
    Vectors.Outcome o = Vectors.decode(c.newDecoder(), box.toByteArray(), 1);
    assertThat(o.error())
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("longer than maxFrameLength 100");
    // A box of exactly the limit is fine: _answer=1 plus v=86 bytes is 2+7+2+1 + 2+1+2+86 + 2 =
    // 105.
    byte[] exact =
        codec(Limits.DEFAULTS)
            .encode(answer(new TypedValue<>("v", ValueTypes.BYTES, new byte[81])));
    assertThat(exact).hasSize(100);
    assertThat(Vectors.decode(c.newDecoder(), exact, 1).messages()).hasSize(1);
    byte[] over =
        codec(Limits.DEFAULTS)
            .encode(answer(new TypedValue<>("v", ValueTypes.BYTES, new byte[82])));
    assertThat(Vectors.decode(c.newDecoder(), over, 1).error())
        .isInstanceOf(ProtocolException.class);
  }

  @Test
  void valueOverConfiguredLimitOnDecode() {
    Codec c = codec(Limits.builder().maxValueLength(10).build());
    byte[] wire =
        Vectors.CODEC.encode(answer(new TypedValue<>("v", ValueTypes.BYTES, new byte[11])));
    Vectors.Outcome o = Vectors.decode(c.newDecoder(), wire);
    assertThat(o.error())
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("is 11 bytes, longer than maxValueLength 10");
  }

  @Test
  void listLength_onEncodeAndWhenRead() {
    Codec c = codec(Limits.builder().maxListLength(3).build());
    ValueType<List<BigInteger>> ints = ValueTypes.listOf(ValueTypes.INTEGER);
    List<BigInteger> four =
        List.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO, BigInteger.TEN);
    assertThatThrownBy(() -> c.encode(answer(new TypedValue<>("l", ints, four))))
        .isInstanceOf(EncodingException.class)
        .hasMessage("value 'l' has 4 elements, more than maxListLength 3");
    InboundMessage in =
        decodeOne(c, Vectors.CODEC.encode(answer(new TypedValue<>("l", ints, four))));
    assertThatThrownBy(() -> in.fields().get("l", ints))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("list<integer>: more than 3 elements (maxListLength)");
  }

  @Test
  void fieldCount_countsValuesNotProtocolKeys() {
    Codec c = codec(Limits.builder().maxFieldCount(2).build());
    OutboundMessage two =
        OutboundMessage.call(
            "C",
            "1",
            List.of(
                new TypedValue<>("a", ValueTypes.INTEGER, BigInteger.ONE),
                new TypedValue<>("b", ValueTypes.INTEGER, BigInteger.TWO)));
    assertThat(decodeOne(c, c.encode(two)).fields().names()).containsExactly("a", "b");
    OutboundMessage three =
        OutboundMessage.answer(
            "1",
            List.of(
                new TypedValue<>("a", ValueTypes.INTEGER, BigInteger.ONE),
                new TypedValue<>("b", ValueTypes.INTEGER, BigInteger.TWO),
                new TypedValue<>("c", ValueTypes.INTEGER, BigInteger.TEN)));
    assertThatThrownBy(() -> c.encode(three))
        .isInstanceOf(EncodingException.class)
        .hasMessage("the message has 3 values, more than maxFieldCount 2");
    assertThat(Vectors.decode(c.newDecoder(), Vectors.CODEC.encode(three)).error())
        .isInstanceOf(ProtocolException.class)
        .hasMessage("box has more than 2 keys (maxFieldCount), at key \"c\"");
  }

  @Test
  void fieldCount_ofRecords_onEncodeAndWhenRead() {
    Codec c = codec(Limits.builder().maxFieldCount(1).build());
    RecordSchema<Map<String, Object>> schema =
        RecordSchema.dynamic(
            "Rec",
            List.of(
                new RecordSchema.FieldSpec("a", ValueTypes.INTEGER, true, null),
                new RecordSchema.FieldSpec("b", ValueTypes.INTEGER, true, null)));
    ValueType<List<Map<String, Object>>> type = ValueTypes.records(schema);
    List<Map<String, Object>> ok =
        List.of(Map.of("a", BigInteger.ONE), Map.of("b", BigInteger.TWO));
    assertThat(
            decodeOne(c, c.encode(answer(new TypedValue<>("r", type, ok)))).fields().get("r", type))
        .isEqualTo(ok);
    List<Map<String, Object>> wide = List.of(Map.of("a", BigInteger.ONE, "b", BigInteger.TWO));
    assertThatThrownBy(() -> c.encode(answer(new TypedValue<>("r", type, wide))))
        .isInstanceOf(EncodingException.class)
        .hasMessage("value 'r'[0] has more than 1 fields (maxFieldCount)");
    InboundMessage in =
        decodeOne(c, Vectors.CODEC.encode(answer(new TypedValue<>("r", type, wide))));
    assertThatThrownBy(() -> in.fields().get("r", type))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("records<Rec>: a record box has more than 1 keys (maxFieldCount)");
  }

  private static InboundMessage decodeOne(Codec c, byte[] wire) {
    Vectors.Outcome o = Vectors.decode(c.newDecoder(), wire);
    assertThat(o.error()).isNull();
    assertThat(o.messages()).hasSize(1);
    return o.messages().get(0);
  }
}
