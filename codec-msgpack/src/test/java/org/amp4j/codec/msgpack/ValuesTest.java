package org.amp4j.codec.msgpack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.amp4j.EncodingException;
import org.amp4j.ProtocolException;
import org.amp4j.value.AmpDateTime;
import org.amp4j.value.AmpDecimal;
import org.amp4j.value.RecordSchema;
import org.amp4j.value.ValueType;
import org.amp4j.value.ValueTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each value kind: its exact bytes, its round trip, and what the reader's type accepts. */
class ValuesTest {

  private final OneValue one = new OneValue();

  @ParameterizedTest
  @CsvSource({
    "0, 00",
    "127, 7f",
    "128, cc80",
    "255, ccff",
    "256, cd0100",
    "65536, ce00010000",
    "4294967296, cf0000000100000000",
    "9223372036854775807, cf7fffffffffffffff",
    "9223372036854775808, cf8000000000000000",
    "18446744073709551615, cfffffffffffffffff",
    "-1, ff",
    "-32, e0",
    "-33, d0df",
    "-129, d1ff7f",
    "-32769, d2ffff7fff",
    "-2147483649, d3ffffffff7fffffff",
    "-9223372036854775808, d38000000000000000",
    // beyond 64 bits: ext 8 (c7), length 9, type 1, fewest two's complement bytes
    "18446744073709551616, c70901010000000000000000",
    "-9223372036854775809, c70901ff7fffffffffffffff",
    "-18446744073709551616, c70901ff0000000000000000",
    "-18446744073709551617, c70901feffffffffffffffff",
  })
  void integer_usesSmallestEncoding(String decimal, String hex) {
    BigInteger value = new BigInteger(decimal);
    assertThat(one.encode(ValueTypes.INTEGER, value)).isEqualTo(hex);
    assertThat(one.decode(hex).get("v", ValueTypes.INTEGER)).isEqualTo(value);
    assertThat(one.decode(hex).raw("v")).isEqualTo(value);
  }

  @Test
  void longAndInt_takeTheirFastPath_writingWhatIntegerWrites() {
    // LONG and INT skip the BigInteger (MachineIntegers); the bytes are those of INTEGER
    for (long v :
        new long[] {
          0,
          1,
          -1,
          127,
          128,
          -32,
          -33,
          255,
          256,
          65_535,
          65_536,
          Integer.MAX_VALUE,
          Integer.MIN_VALUE,
          1L << 32,
          Long.MAX_VALUE,
          Long.MIN_VALUE
        }) {
      String expected = one.encode(ValueTypes.INTEGER, BigInteger.valueOf(v));
      assertThat(one.encode(ValueTypes.LONG, v)).as("long %d", v).isEqualTo(expected);
      if (v == (int) v) {
        assertThat(one.encode(ValueTypes.INT, (int) v)).as("int %d", v).isEqualTo(expected);
      }
    }
  }

  @Test
  void integer_acceptsNonMinimalIntFormats() {
    // msgpack allows any int width; int8 0x05, uint64 0x05, int64 -1
    assertThat(one.decode("d005").get("v", ValueTypes.INT)).isEqualTo(5);
    assertThat(one.decode("cf0000000000000005").get("v", ValueTypes.INT)).isEqualTo(5);
    assertThat(one.decode("d3ffffffffffffffff").get("v", ValueTypes.INT)).isEqualTo(-1);
  }

  @Test
  void integer_hugeRoundTrips() {
    BigInteger big = BigInteger.TEN.pow(4299).negate();
    assertThat(one.roundTrip(ValueTypes.INTEGER, big)).isEqualTo(big);
  }

  @Test
  void integer_digitsLimitOnEncode() {
    BigInteger ok = BigInteger.TEN.pow(4300).subtract(BigInteger.ONE); // 4300 nines
    assertThat(one.roundTrip(ValueTypes.INTEGER, ok)).isEqualTo(ok);
    assertThatThrownBy(() -> one.encode(ValueTypes.INTEGER, BigInteger.TEN.pow(4300)))
        .isInstanceOf(EncodingException.class)
        .hasMessageContaining("4301 digits, more than maxIntegerDigits 4300");
  }

  @ParameterizedTest
  @CsvSource({
    "c70001, empty payload",
    "c70201007f, not in the fewest bytes",
    "c70201ff80, not in the fewest bytes",
    "d40105, fits in 64 bits",
    "c7090100ffffffffffffffff, fits in 64 bits",
    "c708018000000000000000, fits in 64 bits",
  })
  void extInteger_malformed_isProtocolError(String hex, String message) {
    assertThatThrownBy(() -> one.decode(hex))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("value 'v'")
        .hasMessageContaining(message);
  }

  @Test
  void bytes_areBin() {
    assertThat(one.encode(ValueTypes.BYTES, new byte[] {1, 2, (byte) 0xff}))
        .isEqualTo("c4030102ff");
    assertThat(one.encode(ValueTypes.BYTES, new byte[0])).isEqualTo("c400");
    assertThat(one.encode(ValueTypes.BYTES, new byte[256])).startsWith("c50100");
    assertThat(one.decode("c4030102ff").get("v", ValueTypes.BYTES)).containsExactly(1, 2, 0xff);
    assertThat(one.decode("c50002abcd").get("v", ValueTypes.BYTES)).containsExactly(0xab, 0xcd);
  }

  @Test
  void unicode_isStr() {
    assertThat(one.encode(ValueTypes.UNICODE, "")).isEqualTo("a0");
    assertThat(one.encode(ValueTypes.UNICODE, "h\u00e9\uD83D\uDE00"))
        .isEqualTo("a7" + "68" + "c3a9" + "f09f9880");
    assertThat(one.encode(ValueTypes.UNICODE, "x".repeat(32))).startsWith("d920");
    assertThat(one.encode(ValueTypes.UNICODE, "x".repeat(256))).startsWith("da0100");
    assertThat(one.decode("a768c3a9f09f9880").get("v", ValueTypes.UNICODE))
        .isEqualTo("h\u00e9\uD83D\uDE00");
    assertThat(one.decode("d90178").get("v", ValueTypes.UNICODE)).isEqualTo("x");
  }

  @Test
  void unicode_unpairedSurrogate_failsEncoding() {
    assertThatThrownBy(() -> one.encode(ValueTypes.UNICODE, "a\uD800b"))
        .isInstanceOf(EncodingException.class)
        .hasMessageContaining("value 'v'")
        .hasMessageContaining("unpaired surrogate");
  }

  @ParameterizedTest
  @CsvSource({"a1ff", "a2c0af", "a3eda080", "a4f4908080", "a2c378"})
  void unicode_invalidUtf8_isProtocolError(String hex) {
    assertThatThrownBy(() -> one.decode(hex))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("not valid UTF-8");
  }

  @Test
  void boolean_isBool() {
    assertThat(one.encode(ValueTypes.BOOLEAN, true)).isEqualTo("c3");
    assertThat(one.encode(ValueTypes.BOOLEAN, false)).isEqualTo("c2");
    assertThat(one.decode("c3").get("v", ValueTypes.BOOLEAN)).isTrue();
  }

  @Test
  void float_isFloat64_andFloat32IsAccepted() {
    assertThat(one.encode(ValueTypes.FLOAT, 1.5)).isEqualTo("cb3ff8000000000000");
    assertThat(one.encode(ValueTypes.FLOAT, -0.0)).isEqualTo("cb8000000000000000");
    assertThat(one.encode(ValueTypes.FLOAT, Double.NaN)).isEqualTo("cb7ff8000000000000");
    assertThat(one.encode(ValueTypes.FLOAT, Double.NEGATIVE_INFINITY))
        .isEqualTo("cbfff0000000000000");
    assertThat(one.decode("ca3fc00000").get("v", ValueTypes.FLOAT)).isEqualTo(1.5);
    assertThat(one.decode("ca7f800000").get("v", ValueTypes.FLOAT))
        .isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(one.roundTrip(ValueTypes.FLOAT, 0.1)).isEqualTo(0.1);
    assertThat(one.roundTrip(ValueTypes.FLOAT, -0.0)).isEqualTo(-0.0);
    assertThat(one.roundTrip(ValueTypes.FLOAT, Double.MIN_VALUE)).isEqualTo(Double.MIN_VALUE);
  }

  @Test
  void float_acceptsInteger_butIntegerRejectsFloat() {
    assertThat(one.decode("2a").get("v", ValueTypes.FLOAT)).isEqualTo(42.0);
    assertThatThrownBy(() -> one.decode("cb3ff8000000000000").get("v", ValueTypes.INTEGER))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected integer, got float 1.5");
  }

  @ParameterizedTest
  @CsvSource({
    "1.10, d602312e3130",
    "-0, d5022d30",
    "1E+2, d60231452b32",
    "sNaN12, c70602734e614e3132",
    "-Infinity, c709022d496e66696e697479",
    "NaN, c703024e614e",
    "0.000001, d702302e303030303031",
  })
  void decimal_isExt2Text(String text, String hex) {
    AmpDecimal value = AmpDecimal.parse(text);
    assertThat(value.toString()).isEqualTo(text);
    assertThat(one.encode(ValueTypes.DECIMAL, value)).isEqualTo(hex);
    assertThat(one.decode(hex).get("v", ValueTypes.DECIMAL)).isEqualTo(value);
  }

  @Test
  void decimal_bigDecimalView() {
    assertThat(one.roundTrip(ValueTypes.BIG_DECIMAL, new BigDecimal("-12.340")))
        .isEqualTo(new BigDecimal("-12.340"));
  }

  @Test
  void decimal_malformedText_isProtocolError() {
    assertThatThrownBy(() -> one.decode("d602312e3a30")).isInstanceOf(ProtocolException.class);
    assertThatThrownBy(() -> one.decode("d60231c3a930"))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("not ASCII");
    assertThatThrownBy(() -> one.decode("c70002"))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("not a decimal");
  }

  @Test
  void decimal_digitLimit() {
    OneValue small = new OneValue(org.amp4j.Limits.builder().maxIntegerDigits(3).build());
    assertThat(small.roundTrip(ValueTypes.DECIMAL, AmpDecimal.parse("1.23E+99")))
        .isEqualTo(AmpDecimal.parse("1.23E+99"));
    assertThatThrownBy(() -> small.encode(ValueTypes.DECIMAL, AmpDecimal.parse("12.34")))
        .isInstanceOf(EncodingException.class)
        .hasMessageContaining("4 digits, more than maxIntegerDigits 3");
    assertThatThrownBy(() -> small.decode("d60231323334"))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("4 digits, more than maxIntegerDigits 3");
    // text longer than digits + 16 is refused from its header
    assertThatThrownBy(() -> small.decode("c71402" + "30".repeat(20)))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("ext 2 of 20 bytes exceeds");
  }

  @Test
  void datetime_isExt3_16Bytes() {
    AmpDateTime t =
        new AmpDateTime(LocalDateTime.of(2000, 1, 2, 3, 4, 5, 123_456_000), 5 * 3600 + 1800);
    String hex = "d803" + "00000000386ec025" + "0001e240" + "00004d58";
    assertThat(one.encode(ValueTypes.AMP_DATETIME, t)).isEqualTo(hex);
    assertThat(one.decode(hex).get("v", ValueTypes.AMP_DATETIME)).isEqualTo(t);
    assertThat(one.decode(hex).get("v", ValueTypes.DATETIME))
        .isEqualTo(
            OffsetDateTime.of(2000, 1, 2, 3, 4, 5, 123_456_000, ZoneOffset.ofHoursMinutes(5, 30)));
  }

  @Test
  void datetime_extremes() {
    AmpDateTime min = new AmpDateTime(LocalDateTime.of(1, 1, 1, 0, 0), -86_399);
    AmpDateTime max =
        new AmpDateTime(LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000), 86_399);
    assertThat(one.encode(ValueTypes.AMP_DATETIME, min))
        .isEqualTo("d803" + "fffffff1886e0900" + "00000000" + "fffeae81");
    assertThat(one.encode(ValueTypes.AMP_DATETIME, max))
        .isEqualTo("d803" + "0000003afff4417f" + "000f423f" + "0001517f");
    assertThat(one.roundTrip(ValueTypes.AMP_DATETIME, min)).isEqualTo(min);
    assertThat(one.roundTrip(ValueTypes.AMP_DATETIME, max)).isEqualTo(max);
  }

  @ParameterizedTest
  @CsvSource({
    "d803 fffffff1886e08ff 00000000 00000000, outside years 1..9999",
    "d803 0000003afff44180 00000000 00000000, outside years 1..9999",
    "d803 0000000000000000 000f4240 00000000, microseconds 1000000",
    "d803 0000000000000000 80000000 00000000, microseconds -2147483648",
    "d803 0000000000000000 00000000 00015180, offset 86400",
    "d803 0000000000000000 00000000 fffeae80, offset -86400",
    "c70f03 000000000000000000000000000000, has 15 bytes",
    "c71103 0000000000000000000000000000000000, has 17 bytes",
  })
  void datetime_malformed_isProtocolError(String hex, String message) {
    assertThatThrownBy(() -> one.decode(hex))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining(message);
  }

  @Test
  void list_isArray() {
    ValueType<List<Integer>> ints = ValueTypes.listOf(ValueTypes.INT);
    assertThat(one.encode(ints, List.of(1, -1, 300))).isEqualTo("9301ffcd012c");
    assertThat(one.decode("9301ffcd012c").get("v", ints)).containsExactly(1, -1, 300);
    ValueType<List<List<String>>> nested = ValueTypes.listOf(ValueTypes.listOf(ValueTypes.UNICODE));
    assertThat(one.roundTrip(nested, List.of(List.of("a"), List.of())))
        .isEqualTo(List.of(List.of("a"), List.of()));
    assertThat(one.decode("9301ffcd012c").raw("v"))
        .isEqualTo(List.of(BigInteger.ONE, BigInteger.ONE.negate(), BigInteger.valueOf(300)));
  }

  @Test
  void list_elementOfWrongType_namesElement() {
    assertThatThrownBy(() -> one.decode("9201a178").get("v", ValueTypes.listOf(ValueTypes.INT)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("element 1 of list<integer(int)>: expected integer(int), got unicode \"x\"");
  }

  record Item(String name, Integer count) {}

  static final RecordSchema<Map<String, Object>> ITEM =
      RecordSchema.dynamic(
          "Item",
          List.of(
              new RecordSchema.FieldSpec("name", ValueTypes.UNICODE, false, null),
              new RecordSchema.FieldSpec("count", ValueTypes.INT, true, null)));

  @Test
  void records_areArraysOfMaps() {
    ValueType<List<Map<String, Object>>> items = ValueTypes.records(ITEM);
    List<Map<String, Object>> value = List.of(Map.of("name", "a", "count", 2), Map.of("name", "b"));
    String hex = "92" + "82 a4 6e616d65 a1 61 a5 636f756e74 02" + "81 a4 6e616d65 a1 62";
    assertThat(one.encode(items, value)).isEqualTo(Wire.hex(Wire.hex(hex)));
    assertThat(one.decode(hex).get("v", items)).isEqualTo(value);
  }

  @Test
  void records_missingRequiredField_namesIt() {
    ValueType<List<Map<String, Object>>> items = ValueTypes.records(ITEM);
    assertThatThrownBy(() -> one.decode("91 81 a5 636f756e74 02").get("v", items))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("record 0 of records<Item>: Item.name: required unicode is missing");
  }

  @Test
  void nil_isTypeError_notProtocolError() {
    var fields = one.decode("c0");
    assertThat(fields.contains("v")).isTrue();
    assertThat(fields.raw("v")).isNull();
    assertThatThrownBy(() -> fields.get("v", ValueTypes.UNICODE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected unicode, got nil");
  }

  @Test
  void wrongKinds_areTypeErrors() {
    assertThatThrownBy(() -> one.decode("a178").get("v", ValueTypes.INTEGER))
        .hasMessage("expected integer, got unicode \"x\"");
    assertThatThrownBy(() -> one.decode("c400").get("v", ValueTypes.UNICODE))
        .hasMessage("expected unicode, got bytes of length 0");
    assertThatThrownBy(() -> one.decode("cd1000").get("v", ValueTypes.BOOLEAN))
        .hasMessage("expected boolean, got integer 4096");
    assertThatThrownBy(() -> one.decode("ce80000000").get("v", ValueTypes.INT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("expected integer(int), got integer 2147483648");
    assertThatThrownBy(() -> one.decode("90").get("v", ValueTypes.UNICODE))
        .hasMessage("expected unicode, got list of length 0");
  }

  @Test
  void perCodecType_isResolvedForMsgpack() {
    ValueType<Integer> asText = ValueTypes.UNICODE.map("n", Integer::valueOf, String::valueOf);
    ValueType<Integer> perCodec = ValueType.perCodec(asText, Map.of("msgpack", ValueTypes.INT));
    assertThat(one.encode(perCodec, 5)).isEqualTo("05");
    assertThat(one.decode("05").get("v", perCodec)).isEqualTo(5);
    ValueType<List<Integer>> list = ValueTypes.listOf(perCodec);
    assertThat(one.encode(list, List.of(5))).isEqualTo("9105");
    assertThat(one.decode("9105").get("v", list)).containsExactly(5);
  }

  @Test
  void unknownExtType_isProtocolError() {
    assertThatThrownBy(() -> one.decode("d40400"))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("unknown ext type 4");
    assertThatThrownBy(() -> one.decode("d6ffffffffff")) // msgpack timestamp
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("unknown ext type -1");
  }

  @Test
  void mapOutsideList_isProtocolError() {
    assertThatThrownBy(() -> one.decode("80"))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("a map is a value only as a record inside an array");
  }
}
