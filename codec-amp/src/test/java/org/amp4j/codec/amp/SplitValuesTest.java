package org.amp4j.codec.amp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.amp4j.EncodingException;
import org.amp4j.Limits;
import org.amp4j.ProtocolException;
import org.amp4j.codectest.Decoding;
import org.amp4j.codectest.SampleValues;
import org.amp4j.spi.Codec;
import org.amp4j.spi.InboundMessage;
import org.amp4j.spi.MessageDecoder;
import org.amp4j.spi.OutboundMessage;
import org.amp4j.spi.TypedValue;
import org.amp4j.value.RecordSchema;
import org.amp4j.value.ValueTypes;
import org.junit.jupiter.api.Test;

/** The amp.split-values extension: top-level values over 65,535 bytes as repeated keys. */
class SplitValuesTest {

  private static final Set<String> SPLIT = Set.of("amp.split-values");
  private static final Codec PLAIN = new AmpCodecProvider().create(Limits.DEFAULTS);
  private static final Codec SPLITTING = PLAIN.withExtensions(SPLIT);

  private static byte[] bytes(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (i * 7 + (i >> 16));
    }
    return b;
  }

  private static OutboundMessage blob(byte[] value) {
    return OutboundMessage.answer("1", List.of(new TypedValue<>("blob", ValueTypes.BYTES, value)));
  }

  private static byte[] roundTripBytes(Codec codec, byte[] value, int... chunks) {
    InboundMessage in = Decoding.decodeOne(codec, codec.encode(blob(value)), chunks);
    return in.fields().get("blob", ValueTypes.BYTES);
  }

  @Test
  void extensions_areNamedAndChecked() {
    assertThat(PLAIN.extensions()).containsExactly("amp.split-values");
    assertThat(SPLITTING.withExtensions(Set.of()).encode(blob(bytes(10))))
        .isEqualTo(PLAIN.encode(blob(bytes(10))));
    assertThatThrownBy(() -> PLAIN.withExtensions(Set.of("amp.compression")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("amp.compression");
  }

  @Test
  void bytesOver65535_roundTrip() {
    for (int n : new int[] {65_536, 70_000, 131_070, 131_071, 1 << 20}) {
      byte[] value = bytes(n);
      assertThat(roundTripBytes(SPLITTING, value)).as("%d bytes", n).isEqualTo(value);
      assertThat(roundTripBytes(SPLITTING, value, 4093, 1, 65_537)).isEqualTo(value);
    }
  }

  @Test
  void unicodeOver65535_roundTrips() {
    for (String text :
        List.of("a" + "\u20ac".repeat(70_000 / 3), "a\ud83d\ude00".repeat((1 << 20) / 5) + "z")) {
      OutboundMessage m =
          OutboundMessage.call(
              "Echo", "1", List.of(new TypedValue<>("t", ValueTypes.UNICODE, text)));
      byte[] frame = SPLITTING.encode(m);
      assertThat(frame.length).isGreaterThan(70_000);
      // Parts are cut at byte boundaries, in the middle of a character: joining comes first.
      InboundMessage in = Decoding.decodeOne(SPLITTING, frame, 1000, 7);
      assertThat(in.fields().get("t", ValueTypes.UNICODE)).isEqualTo(text);
    }
  }

  @Test
  void tagsOver65535_areSplitToo_andRefusedByPlainAmp() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 70_000; i++) {
      b.append((char) ('a' + i % 26 + (i % 7 == 0 ? 0x80 : 0))); // Latin-1 chars, some above ASCII
    }
    String tag = b.toString();
    for (OutboundMessage m :
        List.of(
            OutboundMessage.call("Sum", tag, List.of()),
            OutboundMessage.answer(tag, List.of()),
            OutboundMessage.error(tag, "E", "d"))) {
      InboundMessage in = Decoding.decodeOne(SPLITTING, SPLITTING.encode(m), 65_536, 3);
      assertThat(in.kind()).isEqualTo(m.kind());
      assertThat(in.tag()).isEqualTo(tag);
      assertThatThrownBy(() -> PLAIN.encode(m))
          .isInstanceOf(EncodingException.class)
          .hasMessageContaining("is 70000 bytes, but plain AMP carries at most 65,535 bytes");
    }
    Codec small = new AmpCodecProvider().create(Limits.builder().maxValueLength(100).build());
    assertThatThrownBy(() -> small.encode(OutboundMessage.answer("7".repeat(101), List.of())))
        .isInstanceOf(EncodingException.class)
        .hasMessage("value '_answer' is 101 bytes, longer than maxValueLength 100");
    assertThat(
            Decoding.decodeOne(
                    small, small.encode(OutboundMessage.answer("7".repeat(100), List.of())))
                .tag())
        .isEqualTo("7".repeat(100));
  }

  @Test
  void wireLayout_isConsecutivePairsOfTheSameKey() {
    byte[] value = bytes(70_000);
    byte[] frame = SPLITTING.encode(blob(value));
    ByteBuffer b = ByteBuffer.wrap(frame);
    byte[] answerPair = Vectors.hex("00075f616e73776572000131");
    assertThat(Arrays.copyOfRange(frame, 0, answerPair.length)).isEqualTo(answerPair);
    b.position(answerPair.length);
    assertThat(pair(b, "blob")).isEqualTo(Arrays.copyOfRange(value, 0, 65_535));
    assertThat(pair(b, "blob")).isEqualTo(Arrays.copyOfRange(value, 65_535, 70_000));
    assertThat(b.getShort()).isZero();
    assertThat(b.hasRemaining()).isFalse();
  }

  private static byte[] pair(ByteBuffer b, String key) {
    byte[] k = new byte[b.getShort() & 0xFFFF];
    b.get(k);
    assertThat(new String(k, StandardCharsets.UTF_8)).isEqualTo(key);
    byte[] v = new byte[b.getShort() & 0xFFFF];
    b.get(v);
    return v;
  }

  @Test
  void valuesUpTo65535_areWrittenAsInPlainAmp() {
    for (int n : new int[] {0, 1, 65_535}) {
      assertThat(SPLITTING.encode(blob(bytes(n)))).isEqualTo(PLAIN.encode(blob(bytes(n))));
    }
  }

  @Test
  void plainAmp_refusesLongValuesNamingTheExtension() {
    assertThatThrownBy(() -> PLAIN.encode(blob(bytes(65_536))))
        .isInstanceOf(EncodingException.class)
        .hasMessage(
            "value 'blob' is 65536 bytes, but plain AMP carries at most 65,535 bytes per value"
                + " and the peer did not negotiate amp.split-values");
    assertThatThrownBy(() -> PLAIN.encode(OutboundMessage.error("1", "E", "d".repeat(70_000))))
        .isInstanceOf(EncodingException.class)
        .hasMessageContaining("'_error_description' is 70000 bytes");
  }

  @Test
  void plainAmp_decodingRepeatedKeys_lastValueWins() {
    byte[] value = bytes(70_000);
    InboundMessage in = Decoding.decodeOne(PLAIN, SPLITTING.encode(blob(value)));
    assertThat(in.fields().get("blob", ValueTypes.BYTES))
        .isEqualTo(Arrays.copyOfRange(value, 65_535, 70_000));
  }

  @Test
  void splitDecoder_joinsOnlyConsecutivePairs() {
    // a="12", a="34" joined; then b, then a again: the last value wins as in Twisted.
    byte[] consecutive =
        Vectors.hex("00075f616e73776572000131" + "00016100023132" + "00016100023334" + "0000");
    InboundMessage in = Decoding.decodeOne(SPLITTING, consecutive);
    assertThat(in.fields().get("a", ValueTypes.UNICODE)).isEqualTo("1234");
    byte[] apart =
        Vectors.hex(
            "00075f616e73776572000131" + "0001610002313200016200017800016100023334" + "0000");
    InboundMessage in2 = Decoding.decodeOne(SPLITTING, apart);
    assertThat(in2.fields().get("a", ValueTypes.UNICODE)).isEqualTo("34");
    assertThat(in2.fields().names()).containsExactly("a", "b");
  }

  @Test
  void joinedLength_isCheckedAgainstMaxValueLengthBeforeThePartArrives() {
    Limits strict = Limits.builder().maxValueLength(100_000).build();
    Codec strictSplit = new AmpCodecProvider().create(strict).withExtensions(SPLIT);
    assertThat(roundTripBytes(strictSplit, bytes(100_000))).hasSize(100_000);
    assertThatThrownBy(() -> strictSplit.encode(blob(bytes(100_001))))
        .isInstanceOf(EncodingException.class)
        .hasMessage("value 'blob' is 100001 bytes, longer than maxValueLength 100000");
    byte[] frame = SPLITTING.encode(blob(bytes(140_000)));
    // _answer pair (12 bytes), first part (2 + 4 + 2 + 65,535), second key and its length prefix.
    int throughSecondPrefix = 12 + 8 + 65_535 + 8;
    MessageDecoder d = strictSplit.newDecoder();
    assertThat(d.next(ByteBuffer.wrap(frame, 0, throughSecondPrefix - 1))).isNull();
    assertThatThrownBy(() -> d.next(ByteBuffer.wrap(frame, throughSecondPrefix - 1, 1)))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("\"blob\"")
        .hasMessageContaining("at least 131070 bytes joined, longer than maxValueLength 100000");
  }

  @Test
  void frameLimit_countsEveryPart() {
    byte[] value = bytes(70_000);
    int length = SPLITTING.encode(blob(value)).length;
    assertThat(length).isEqualTo(12 + 2 * 8 + 70_000 + 2);
    Codec exact =
        new AmpCodecProvider()
            .create(Limits.builder().maxFrameLength(length).build())
            .withExtensions(SPLIT);
    assertThat(roundTripBytes(exact, value)).isEqualTo(value);
    Codec small =
        new AmpCodecProvider()
            .create(Limits.builder().maxFrameLength(length - 1).build())
            .withExtensions(SPLIT);
    assertThatThrownBy(() -> small.encode(blob(value))).isInstanceOf(EncodingException.class);
    assertThat(Decoding.feed(small.newDecoder(), SPLITTING.encode(blob(value))).error())
        .isNotNull();
  }

  @Test
  void partsAreOneField() {
    Codec oneField =
        new AmpCodecProvider()
            .create(Limits.builder().maxFieldCount(1).build())
            .withExtensions(SPLIT);
    assertThat(roundTripBytes(oneField, bytes(200_000))).hasSize(200_000);
  }

  @Test
  void listsAndRecordsAreSplitAsWholeValues_butNotTheirItems() {
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      many.add("item " + i);
    }
    RecordSchema<Map<String, Object>> item =
        SampleValues.schema("I", SampleValues.field("n", ValueTypes.INTEGER, false));
    List<Map<String, Object>> records = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      records.add(SampleValues.record("n", BigInteger.valueOf(i)));
    }
    OutboundMessage m =
        OutboundMessage.answer(
            "1",
            List.of(
                new TypedValue<>("list", ValueTypes.listOf(ValueTypes.UNICODE), many),
                new TypedValue<>("records", ValueTypes.records(item), records)));
    assertThatThrownBy(() -> PLAIN.encode(m)).isInstanceOf(EncodingException.class);
    InboundMessage in = Decoding.decodeOne(SPLITTING, SPLITTING.encode(m), 999);
    assertThat(in.fields().get("list", ValueTypes.listOf(ValueTypes.UNICODE))).isEqualTo(many);
    assertThat(in.fields().get("records", ValueTypes.records(item))).isEqualTo(records);

    OutboundMessage bigItem =
        OutboundMessage.answer(
            "1",
            List.of(
                new TypedValue<>(
                    "list", ValueTypes.listOf(ValueTypes.BYTES), List.of(bytes(65_536)))));
    assertThatThrownBy(() -> SPLITTING.encode(bigItem))
        .isInstanceOf(EncodingException.class)
        .hasMessage(
            "value 'list'[0] is 65536 bytes, but AMP carries at most 65,535 bytes in a list"
                + " element or a record field (amp.split-values splits only top-level values)");
  }

  @Test
  void protocolValues_areSplitToo() {
    String description = "d\u00e9".repeat(40_000);
    OutboundMessage m = OutboundMessage.error("1", "E", description);
    assertThat(Decoding.decodeOne(SPLITTING, SPLITTING.encode(m)).errorDescription())
        .isEqualTo(description);
  }

  @Test
  void splitFramesBackToBack_nextStopsAtEach() {
    byte[] a = SPLITTING.encode(blob(bytes(70_000)));
    byte[] b = SPLITTING.encode(blob(bytes(3)));
    ByteBuffer both = ByteBuffer.allocate(a.length + b.length).put(a).put(b).flip();
    MessageDecoder d = SPLITTING.newDecoder();
    assertThat(d.next(both).fields().get("blob", ValueTypes.BYTES)).hasSize(70_000);
    assertThat(both.position()).isEqualTo(a.length);
    assertThat(d.next(both).fields().get("blob", ValueTypes.BYTES)).hasSize(3);
    assertThat(d.next(both)).isNull();
  }

  @Test
  void oneByteAtATime() {
    byte[] value = bytes(140_000);
    assertThat(roundTripBytes(SPLITTING, value, 1)).isEqualTo(value);
  }
}
