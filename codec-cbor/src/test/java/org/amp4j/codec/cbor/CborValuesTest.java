package org.amp4j.codec.cbor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import java.util.ServiceLoader;
import org.amp4j.Limits;
import org.amp4j.ProtocolException;
import org.amp4j.spi.Codec;
import org.amp4j.spi.CodecProvider;
import org.amp4j.spi.InboundMessage;
import org.amp4j.spi.OutboundMessage;
import org.amp4j.spi.TypedValue;
import org.amp4j.value.AmpDecimal;
import org.amp4j.value.ValueType;
import org.amp4j.value.ValueTypes;
import org.junit.jupiter.api.Test;

/**
 * How the CBOR codec writes and reads values, as hex checked by hand against RFC 8949: each value
 * is the item after {@code a2 66 "answer" 61 "1" 66 "values" a1 61 "v"}.
 */
class CborValuesTest {

  /** {"answer": "1", "values": {"v": ...}} up to the value. */
  private static final String ANSWER_V = "a266616e7377657261316676616c756573a16176";

  private final Codec codec = new CborCodecProvider().create(Limits.DEFAULTS);

  @Test
  void serviceLoader_findsCbor() {
    assertThat(ServiceLoader.load(CodecProvider.class).stream().map(p -> p.get().name()))
        .contains("cbor", "json");
  }

  @Test
  void integers_areNativeUpTo63BitsAndBignumsBeyond() {
    assertThat(written(ValueTypes.INTEGER, BigInteger.valueOf(23))).isEqualTo("17");
    assertThat(written(ValueTypes.INTEGER, BigInteger.valueOf(-500))).isEqualTo("3901f3");
    assertThat(written(ValueTypes.LONG, Long.MIN_VALUE)).isEqualTo("3b7fffffffffffffff");
    // 2^64: tag 2, 9 bytes; -2^64 - 1: tag 3 over 2^64 (RFC 8949 3.4.3: -1 - n).
    assertThat(written(ValueTypes.INTEGER, BigInteger.TWO.pow(64)))
        .isEqualTo("c249010000000000000000");
    assertThat(
            written(ValueTypes.INTEGER, BigInteger.TWO.pow(64).negate().subtract(BigInteger.ONE)))
        .isEqualTo("c349010000000000000000");
    // Beyond a Java long but within 64 bits: a bignum too (see docs/codecs.md).
    assertThat(written(ValueTypes.INTEGER, BigInteger.TWO.pow(63)))
        .isEqualTo("c2488000000000000000");
  }

  @Test
  void longAndInt_areWrittenAsTheSameIntegerWouldBe() {
    // LONG and INT skip the BigInteger (Format.writeLong); the bytes are INTEGER's
    for (long v :
        new long[] {
          0, 23, 24, -1, -24, -25, 255, 256, 65_536, -500, Long.MAX_VALUE, Long.MIN_VALUE
        }) {
      String expected = written(ValueTypes.INTEGER, BigInteger.valueOf(v));
      assertThat(written(ValueTypes.LONG, v)).as("long %d", v).isEqualTo(expected);
      if (v == (int) v) {
        assertThat(written(ValueTypes.INT, (int) v)).as("int %d", v).isEqualTo(expected);
      }
    }
  }

  @Test
  void integers_readEveryEncoding() {
    BigInteger max64 = BigInteger.TWO.pow(64).subtract(BigInteger.ONE);
    assertThat(read("1bffffffffffffffff", ValueTypes.INTEGER)).isEqualTo(max64);
    assertThat(read("3bffffffffffffffff", ValueTypes.INTEGER))
        .isEqualTo(max64.negate().subtract(BigInteger.ONE));
    assertThat(read("c24100", ValueTypes.INTEGER)).isEqualTo(BigInteger.ZERO);
    assertThat(read("c240", ValueTypes.INTEGER)).isEqualTo(BigInteger.ZERO);
    assertThat(read("c3420100", ValueTypes.INTEGER)).isEqualTo(BigInteger.valueOf(-257));
  }

  @Test
  void floats_areWrittenAsFloat64AndReadAtAnyWidth() {
    assertThat(written(ValueTypes.FLOAT, 1.5)).isEqualTo("fb3ff8000000000000");
    assertThat(written(ValueTypes.FLOAT, Double.NaN)).isEqualTo("fb7ff8000000000000");
    assertThat(read("f93e00", ValueTypes.FLOAT)).isEqualTo(1.5);
    assertThat(read("fa3fc00000", ValueTypes.FLOAT)).isEqualTo(1.5);
    assertThat(read("f9fc00", ValueTypes.FLOAT)).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(read("20", ValueTypes.FLOAT)).isEqualTo(-1.0);
    assertThatThrownBy(() -> read("634e614e", ValueTypes.FLOAT)) // "NaN" as text
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected float");
  }

  @Test
  void decimals_areDecimalFractionsExceptNegativeZeroAndSpecials() {
    assertThat(written(ValueTypes.DECIMAL, AmpDecimal.parse("273.15"))).isEqualTo("c48221196ab3");
    assertThat(written(ValueTypes.DECIMAL, AmpDecimal.parse("1E+2"))).isEqualTo("c4820201");
    assertThat(written(ValueTypes.DECIMAL, AmpDecimal.parse("-0"))).isEqualTo("622d30");
    assertThat(written(ValueTypes.DECIMAL, AmpDecimal.parse("-0.00"))).isEqualTo("652d302e3030");
    assertThat(written(ValueTypes.DECIMAL, AmpDecimal.parse("sNaN1"))).isEqualTo("65734e614e31");
    assertThat(read("c48221196ab3", ValueTypes.DECIMAL)).isEqualTo(AmpDecimal.parse("273.15"));
    assertThat(read("c48201c249010000000000000000", ValueTypes.DECIMAL))
        .isEqualTo(AmpDecimal.parse("1.8446744073709551616E+20"));
    assertThat(read("c48221196ab3", ValueTypes.BIG_DECIMAL).toString()).isEqualTo("273.15");
    assertThatThrownBy(() -> read("63312e35", ValueTypes.DECIMAL)) // "1.5" as text
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected decimal");
  }

  @Test
  void bytes_areByteStringsAndTextIsNotBase64() {
    assertThat(written(ValueTypes.BYTES, new byte[] {1, 2})).isEqualTo("420102");
    assertThat(read("5f41014102ff", ValueTypes.BYTES)).containsExactly(1, 2);
    assertThatThrownBy(() -> read("6441514939", ValueTypes.BYTES)) // "AQI9"
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected bytes");
  }

  @Test
  void dateTimes_areTextUnderTag0() {
    String text = "2000-01-01T00:00:00.000000+05:30";
    String hex =
        "c07820"
            + HexFormat.of().formatHex(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    var value = read(hex, ValueTypes.AMP_DATETIME);
    assertThat(value.offsetSeconds()).isEqualTo(5 * 3600 + 30 * 60);
    assertThat(written(ValueTypes.AMP_DATETIME, value)).isEqualTo(hex);
  }

  @Test
  void unexpectedTagsAndSimpleValues_areProtocolErrors() {
    for (String item :
        List.of(
            "c11a514b67b0", // tag 1 (epoch date-time)
            "c0187b", // tag 0 on an integer
            "d820187b", // tag 32 on an integer
            "d9d9f7f5", // self-described CBOR on true
            "f7", // undefined
            "f0", // simple value 16
            "f820", // simple value 32
            "c5820102")) { // tag 5 (bigfloat) array
      assertThatThrownBy(() -> decode(ANSWER_V + item))
          .as(item)
          .isInstanceOf(ProtocolException.class);
    }
  }

  @Test
  void malformedFrames_areProtocolErrors() {
    for (String payload :
        List.of(
            ANSWER_V + "01" + "00", // trailing byte
            ANSWER_V, // value missing
            ANSWER_V + "5a7fffffff00", // byte string claiming 2 GiB
            "a2616101616201", // {"a": 1, "b": 1}
            "a16466616c6ca0", // {"fall": {}}
            "a2a0a0a0a0", // map keys that are maps
            "bf66616e737765726131ff")) { // answer without values
      assertThatThrownBy(() -> decode(payload)).as(payload).isInstanceOf(ProtocolException.class);
    }
  }

  @Test
  void indefiniteLengthItems_areAccepted() {
    InboundMessage m =
        decode("bf66616e7377657261316676616c756573bf61769f0102ff617a7f61616162ffffff");
    assertThat(m.fields().get("v", ValueTypes.listOf(ValueTypes.INT))).containsExactly(1, 2);
    assertThat(m.fields().get("z", ValueTypes.UNICODE)).isEqualTo("ab");
  }

  /** The hex of one answer value. */
  private <T> String written(ValueType<T> type, T value) {
    String hex =
        HexFormat.of()
            .formatHex(
                codec.encode(
                    OutboundMessage.answer("1", List.of(new TypedValue<>("v", type, value)))));
    assertThat(hex.substring(8)).startsWith(ANSWER_V);
    return hex.substring(8 + ANSWER_V.length());
  }

  /** Reads one answer value given as hex. */
  private <T> T read(String valueHex, ValueType<T> type) {
    return decode(ANSWER_V + valueHex).fields().get("v", type);
  }

  private InboundMessage decode(String payloadHex) {
    byte[] payload = HexFormat.of().parseHex(payloadHex);
    ByteBuffer frame =
        ByteBuffer.allocate(4 + payload.length).putInt(payload.length).put(payload).flip();
    InboundMessage m = codec.newDecoder().next(frame);
    assertThat(frame.hasRemaining()).isFalse();
    return m;
  }
}
