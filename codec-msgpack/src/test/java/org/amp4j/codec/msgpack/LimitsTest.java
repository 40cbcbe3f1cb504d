package org.amp4j.codec.msgpack;

import static org.amp4j.codec.msgpack.Wire.codec;
import static org.amp4j.codec.msgpack.Wire.frame;
import static org.amp4j.codec.msgpack.Wire.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.amp4j.EncodingException;
import org.amp4j.Limits;
import org.amp4j.ProtocolException;
import org.amp4j.spi.OutboundMessage;
import org.amp4j.spi.TypedValue;
import org.amp4j.value.ValueTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every limit, on both sides, and hostile declared lengths checked before allocation. */
class LimitsTest {

  private static final Limits SMALL =
      Limits.builder()
          .maxValueLength(8)
          .maxFrameLength(200)
          .maxListLength(3)
          .maxFieldCount(2)
          .maxNestingDepth(2)
          .maxIntegerDigits(30)
          .build();

  private final OneValue small = new OneValue(SMALL);

  private static void assertProtocolError(byte[] frame, String message) {
    assertThatThrownBy(() -> codec(SMALL).newDecoder().next(ByteBuffer.wrap(frame)))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining(message);
  }

  @Test
  void frameLength_zero_isRefused() {
    assertProtocolError(hex("00000000"), "frame length 0");
  }

  @Test
  void frameLength_overLimit_isRefusedFromThePrefixAlone() {
    assertProtocolError(hex("000000c9"), "frame length 201 exceeds maxFrameLength 200");
    assertProtocolError(hex("ffffffff"), "frame length 4294967295 exceeds maxFrameLength 200");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "c6 7fffffff 00", // bin 32 claiming 2 GB
        "c6 ffffffff 00", // bin 32 claiming 4 GB
        "db 7fffffff 61", // str 32
        "dd 7fffffff 01", // array 32
        "c9 7fffffff 01 00", // ext 32 of type 1
        "c9 7fffffff 02 00", // ext 32 of type 2
        "c5 ffff 00", // bin 16
        "da ffff 00", // str 16
        "dc ffff 00", // array 16
        "c7 ff 03 00", // ext 8 of type 3
      })
  void hostileDeclaredLength_isProtocolError(String valueHex) {
    assertThatThrownBy(() -> new OneValue().decode(valueHex)).isInstanceOf(ProtocolException.class);
    assertThatThrownBy(() -> small.decode(valueHex)).isInstanceOf(ProtocolException.class);
  }

  @Test
  void hostileDeclaredLength_namesTheRemainingBytes() {
    assertThatThrownBy(() -> new OneValue().decode("c6 7fffffff 00"))
        .isInstanceOf(ProtocolException.class)
        .hasMessage("value 'v': bin of 2147483647 bytes exceeds maxValueLength 16777216");
    // within the limits, but not within the frame
    assertThatThrownBy(() -> new OneValue().decode("c6 00f42400 00"))
        .isInstanceOf(ProtocolException.class)
        .hasMessage("value 'v': bin of 16000000 bytes exceeds the 1 bytes left in the frame");
    assertThatThrownBy(() -> new OneValue().decode("dd 000f0000 01"))
        .hasMessage("value 'v': array of 983040 elements exceeds the 1 bytes left in the frame");
    assertThatThrownBy(() -> new OneValue().decode("c9 00001000 01 00"))
        .hasMessageContaining("ext 1 of 4096 bytes exceeds the ext 1 length");
    assertThatThrownBy(() -> new OneValue().decode("c9 00000100 01 00"))
        .hasMessage("value 'v': ext 1 of 256 bytes exceeds the 1 bytes left in the frame");
  }

  @Test
  void hostileMapHeader_inValues_isProtocolError() {
    byte[] f = frame("82 a6 616e73776572 a1 74 a6 76616c756573 df 7fffffff a1 76 01");
    assertThatThrownBy(() -> codec().newDecoder().next(ByteBuffer.wrap(f)))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("map of 2147483647 entries exceeds maxFieldCount 4096");
  }

  @Test
  void valueLength_bothWays() {
    assertThat(small.roundTrip(ValueTypes.UNICODE, "12345678")).isEqualTo("12345678");
    assertThatThrownBy(() -> small.encode(ValueTypes.UNICODE, "123456789"))
        .isInstanceOf(EncodingException.class)
        .hasMessageContaining("9 bytes, longer than maxValueLength 8");
    assertThatThrownBy(() -> small.encode(ValueTypes.BYTES, new byte[9]))
        .isInstanceOf(EncodingException.class);
    assertThatThrownBy(() -> small.decode("a9 313233343536373839"))
        .isInstanceOf(ProtocolException.class)
        .hasMessage("value 'v': str of 9 bytes exceeds maxValueLength 8");
    assertThatThrownBy(() -> small.decode("c409 000000000000000000"))
        .isInstanceOf(ProtocolException.class)
        .hasMessage("value 'v': bin of 9 bytes exceeds maxValueLength 8");
  }

  @Test
  void listLength_bothWays() {
    var ints = ValueTypes.listOf(ValueTypes.INT);
    assertThat(small.roundTrip(ints, List.of(1, 2, 3))).containsExactly(1, 2, 3);
    assertThatThrownBy(() -> small.encode(ints, List.of(1, 2, 3, 4)))
        .isInstanceOf(EncodingException.class)
        .hasMessageContaining("4 elements, more than maxListLength 3");
    assertThatThrownBy(() -> small.decode("94 01020304"))
        .isInstanceOf(ProtocolException.class)
        .hasMessage("value 'v': array of 4 elements exceeds maxListLength 3");
  }

  @Test
  void fieldCount_bothWays() {
    List<TypedValue<?>> three = new ArrayList<>();
    for (String k : List.of("a", "b", "c")) {
      three.add(new TypedValue<>(k, ValueTypes.INT, 1));
    }
    assertThatThrownBy(() -> codec(SMALL).encode(OutboundMessage.answer("t", three)))
        .isInstanceOf(EncodingException.class)
        .hasMessageContaining("3 values, more than maxFieldCount 2");
    byte[] f = frame("82 a6 616e73776572 a1 74 a6 76616c756573 83 a161 01 a162 01 a163 01");
    assertThatThrownBy(() -> codec(SMALL).newDecoder().next(ByteBuffer.wrap(f)))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("map of 3 entries exceeds maxFieldCount 2");
    // a record inside a list counts too
    assertThatThrownBy(() -> small.decode("91 83 a161 01 a162 01 a163 01"))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("value 'v'[0]: map of 3 entries exceeds maxFieldCount 2");
  }

  @Test
  void nestingDepth_bothWays() {
    var two = ValueTypes.listOf(ValueTypes.listOf(ValueTypes.INT));
    assertThat(small.roundTrip(two, List.of(List.of(1)))).isEqualTo(List.of(List.of(1)));
    var three = ValueTypes.listOf(two);
    assertThatThrownBy(() -> small.encode(three, List.of(List.of(List.of(1)))))
        .isInstanceOf(EncodingException.class)
        .hasMessageContaining("deeper than maxNestingDepth 2");
    assertThatThrownBy(() -> small.decode("91 91 91 01"))
        .isInstanceOf(ProtocolException.class)
        .hasMessage("value 'v'[0][0] nests lists and records deeper than maxNestingDepth 2");
  }

  @Test
  void deepNesting_failsWithoutStackOverflow() {
    String deep = "91".repeat(100_000) + "01";
    Limits big = Limits.builder().maxFrameLength(1 << 20).build();
    assertThatThrownBy(() -> new OneValue(big).decode(deep))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("deeper than maxNestingDepth 32");
  }

  @Test
  void integerDigits_bothWays() {
    BigInteger ok = BigInteger.TEN.pow(30).subtract(BigInteger.ONE);
    assertThat(small.roundTrip(ValueTypes.INTEGER, ok)).isEqualTo(ok);
    assertThatThrownBy(() -> small.encode(ValueTypes.INTEGER, BigInteger.TEN.pow(30)))
        .isInstanceOf(EncodingException.class)
        .hasMessageContaining("31 digits, more than maxIntegerDigits 30");
    // 10^30 = 0x0c9f2c9cd04674edea40000000: 13 bytes, within the ext 1 length bound
    assertThatThrownBy(() -> small.decode("c70d01 0c9f2c9cd04674edea40000000"))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("31 digits, more than maxIntegerDigits 30");
    // an ext 1 longer than any 30-digit integer is refused from its header
    assertThatThrownBy(() -> small.decode("c71401" + "01".repeat(20)))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("ext 1 of 20 bytes exceeds");
  }

  @Test
  void frameLength_onEncode() {
    List<TypedValue<?>> values =
        Collections.nCopies(
            1,
            new TypedValue<>(
                "v", ValueTypes.listOf(ValueTypes.UNICODE), Collections.nCopies(3, "12345678")));
    Limits tight = SMALL.toBuilder().maxFrameLength(40).build();
    assertThatThrownBy(() -> codec(tight).encode(OutboundMessage.answer("t", values)))
        .isInstanceOf(EncodingException.class)
        .hasMessageContaining("longer than maxFrameLength 40");
    assertThat(codec(SMALL).encode(OutboundMessage.answer("t", values))).isNotEmpty();
  }

  @Test
  void protocolStrings_areBoundedToo() {
    assertThatThrownBy(
            () -> codec(SMALL).encode(OutboundMessage.call("LongCommandName", "t", List.of())))
        .isInstanceOf(EncodingException.class)
        .hasMessageContaining("longer than maxValueLength 8");
    byte[] f = frame("82 a4 63616c6c a9 313233343536373839 a4 61726773 80");
    assertThatThrownBy(() -> codec(SMALL).newDecoder().next(ByteBuffer.wrap(f)))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("str of 9 bytes exceeds maxValueLength 8");
  }
}
