package org.amp4j.codec.amp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.amp4j.value.AmpDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The value text classes one by one. Accept/reject lists were checked against CPython 3.11 /
 * Twisted 22.4 ({@code int(b)}, {@code float(b)}, {@code Decimal}, {@code DateTime.fromString}).
 */
class TextFormatsTest {

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  // ------------------------------------------------------------------ Integer

  @ParameterizedTest(name = "int({0}) = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1|1",
        "' 12 '|12",
        "+7|7",
        "007|7",
        "1_000|1000",
        "-0|0",
        "'\u000b1\t\r\n'|1",
        "-18446744073709551617|-18446744073709551617",
        "999999999999999999|999999999999999999",
        "-999999999999999999|-999999999999999999",
        "1000000000000000000|1000000000000000000",
        "9223372036854775807|9223372036854775807",
        "-9223372036854775808|-9223372036854775808",
        "9223372036854775808|9223372036854775808",
        "000000000000000000000000001|1"
      })
  void integerParsesLikePythonInt(String text, String value) {
    assertThat(IntegerText.parse(b(text), 4300)).isEqualTo(new BigInteger(value));
  }

  @ParameterizedTest(name = "int({0}) fails")
  @ValueSource(
      strings = {
        "1.5", "", " ", "1__0", "_1", "1_", "0x10", "1e5", "+-1", "--1", "- 1", "1 2", "\u001c1",
        "1\u001f", "\u00851", "１", "+", "-", "-_1", "1-", "1\u0000"
      })
  void integerRejectsWhatPythonRejects(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> IntegerText.parse(bytes, 4300)).isInstanceOf(BadTextException.class);
  }

  @Test
  void integerDigitLimitBothWays() {
    BigInteger big = BigInteger.TEN.pow(10); // 11 digits
    assertThat(IntegerText.format(big.subtract(BigInteger.ONE), 10)).isEqualTo(b("9999999999"));
    assertThat(IntegerText.format(big.negate().add(BigInteger.ONE), 10))
        .isEqualTo(b("-9999999999"));
    assertThatThrownBy(() -> IntegerText.format(big, 10))
        .hasMessageContaining("11 digits, more than 10");
    assertThatThrownBy(() -> IntegerText.format(BigInteger.TEN.pow(100_000), 4300))
        .hasMessageContaining("more than 4300");
    assertThatThrownBy(() -> IntegerText.parse(b("0" + "1".repeat(10)), 10))
        .hasMessageContaining("11 digits");
    assertThat(IntegerText.format(BigInteger.ZERO, 1)).isEqualTo(b("0"));
    // Around the long range, where formatting switches between its two paths.
    BigInteger max = BigInteger.valueOf(Long.MAX_VALUE);
    BigInteger min = BigInteger.valueOf(Long.MIN_VALUE);
    assertThat(IntegerText.format(max, 19)).isEqualTo(b("9223372036854775807"));
    assertThat(IntegerText.format(min, 19)).isEqualTo(b("-9223372036854775808"));
    assertThat(IntegerText.format(max.add(BigInteger.ONE), 19)).isEqualTo(b("9223372036854775808"));
    assertThat(IntegerText.format(min.subtract(BigInteger.ONE), 19))
        .isEqualTo(b("-9223372036854775809"));
    assertThatThrownBy(() -> IntegerText.format(max, 18))
        .hasMessageContaining("19 digits, more than 18");
  }

  @ParameterizedTest(name = "format({0})")
  @ValueSource(
      longs = {
        0,
        1,
        -1,
        9,
        -9,
        10,
        -10,
        99,
        100,
        -101,
        123456789,
        Long.MAX_VALUE,
        Long.MIN_VALUE,
        Long.MIN_VALUE + 1,
        1_000_000_000_000_000_000L,
        -999_999_999_999_999_999L
      })
  void integerFormatsALongAsLongToStringDoes(long value) {
    String text = Long.toString(value);
    int digits = value < 0 ? text.length() - 1 : text.length();
    assertThat(IntegerText.format(BigInteger.valueOf(value), digits)).isEqualTo(b(text));
    assertThatThrownBy(() -> IntegerText.format(BigInteger.valueOf(value), digits - 1))
        .hasMessage("integer has " + digits + " digits, more than " + (digits - 1));
  }

  // ------------------------------------------------------------------ Float

  @ParameterizedTest(name = "float({0}) = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1|1.0",
        "' 12 '|12.0",
        "-0|-0.0",
        "1.|1.0",
        ".5|0.5",
        "1.e5|100000.0",
        "1_0.5|10.5",
        "1e1_0|10000000000.0",
        "0.1_5|0.15",
        "infinity|inf",
        "-InF|-inf",
        "+nan|nan",
        "NaN|nan",
        "Infinity|inf",
        "1e99999999999999999999999|inf",
        "-1e400|-inf",
        "1e-99999|0.0",
        "1.0E300|1e+300",
        "'  -2.5E+2\t'|-250.0",
        "4.9E-324|5e-324"
      })
  void floatParsesLikePythonFloat(String text, String repr) {
    assertThat(FloatRepr.repr(FloatText.parse(b(text)))).isEqualTo(repr);
  }

  @ParameterizedTest(name = "float({0}) fails")
  @ValueSource(
      strings = {
        "1d",
        "1f",
        "1D",
        "0x1p3",
        "0x10",
        "1_e5",
        "1e_5",
        "nan(1)",
        "",
        " ",
        ".",
        "e5",
        "1e",
        "1e+",
        "infinit",
        "infinityy",
        "1.5\u0000",
        "\u00a01",
        "1.2.3",
        "in_f",
        "_1",
        "1__0",
        "\u001c1.5",
        "NaNd",
        "Infinityf",
        "0X1P3"
      })
  void floatRejectsJavaOnlySyntax(String text) {
    assertThatThrownBy(() -> FloatText.parse(b(text))).isInstanceOf(BadTextException.class);
  }

  // ------------------------------------------------------------------ Unicode

  @Test
  void unicodeIsStrictUtf8() {
    assertThat(UnicodeText.encode("\u00e9\ud83d\ude00")).isEqualTo(Vectors.hex("c3a9f09f9880"));
    assertThat(UnicodeText.encode("a\u0000b")).isEqualTo(Vectors.hex("610062"));
    assertThat(UnicodeText.decode(Vectors.hex("c3a9f09f9880"))).isEqualTo("\u00e9\ud83d\ude00");
    assertThatThrownBy(() -> UnicodeText.encode("x\ud800y"))
        .hasMessageContaining("unpaired surrogate");
    assertThatThrownBy(() -> UnicodeText.encode("\udc00")).isInstanceOf(BadTextException.class);
  }

  @ParameterizedTest(name = "{0} is not UTF-8")
  @ValueSource(
      strings = {
        "eda0bdedb880",
        "c080",
        "e08080",
        "f4908080",
        "ff",
        "c3",
        "80",
        "f09f98",
        "edbfbf"
      })
  void unicodeRejectsSurrogatesOverlongsAndTruncation(String hex) {
    assertThatThrownBy(() -> UnicodeText.decode(Vectors.hex(hex)))
        .isInstanceOf(BadTextException.class);
  }

  @Test
  void unicodeReadsAReceivedReplacementCharacter_andStillRejectsMalformedTextAroundOne() {
    assertThat(UnicodeText.decode(Vectors.hex("61efbfbd62"))).isEqualTo("a\ufffdb");
    assertThatThrownBy(() -> UnicodeText.decode(Vectors.hex("efbfbdff")))
        .isInstanceOf(BadTextException.class);
  }

  @Test
  void replacementDecodingForNamesAndDescriptions() {
    assertThat(UnicodeText.decodeWithReplacement(Vectors.hex("61ff62"))).isEqualTo("a\ufffdb");
  }

  // ------------------------------------------------------------------ Boolean

  @Test
  void booleanIsExactlyTrueOrFalse() {
    assertThat(BooleanText.format(true)).isEqualTo(b("True"));
    assertThat(BooleanText.format(false)).isEqualTo(b("False"));
    assertThat(BooleanText.parse(b("True"))).isTrue();
    assertThat(BooleanText.parse(b("False"))).isFalse();
    for (String bad : List.of("true", "TRUE", "1", "", " True", "False ", "0", "yes")) {
      assertThatThrownBy(() -> BooleanText.parse(b(bad)))
          .as(bad)
          .isInstanceOf(BadTextException.class);
    }
  }

  // ------------------------------------------------------------------ Decimal

  @ParameterizedTest(name = "Decimal({0}) = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "' 1.5 '|1.5",
        "1_000.5|1000.5",
        "1__0|10",
        "1e5_|1E+5",
        "NaN_1|NaN1",
        "_1|1",
        "-_1|-1",
        "in_f|Infinity",
        ".5|0.5",
        "-.5|-0.5",
        "5.|5",
        "-0E-2|-0.00",
        "sNaN007|sNaN7",
        "-nan|-NaN",
        "'\u001c1\u001f'|1"
      })
  void decimalParsesLikePythonDecimal(String text, String canonical) {
    assertThat(
            new String(DecimalText.format(DecimalText.parse(b(text))), StandardCharsets.US_ASCII))
        .isEqualTo(canonical);
  }

  @ParameterizedTest(name = "Decimal({0}) fails")
  @ValueSource(
      strings = {"1e", "1,5", "0x1", "infinityy", ".", "1.2.3", "_", "_ 1", "1 _", "\u00e91"})
  void decimalRejectsWhatPythonRejects(String text) {
    assertThatThrownBy(() -> DecimalText.parse(b(text))).isInstanceOf(BadTextException.class);
  }

  // ------------------------------------------------------------------ DateTime

  @ParameterizedTest(name = "offset {0}s -> {1}")
  @CsvSource({
    "0, 2000-01-01T00:00:00.000000-00:00",
    "30, 2000-01-01T00:00:00.000000-00:00",
    "-30, 2000-01-01T00:00:00.000000-00:01",
    "90, 2000-01-01T00:00:00.000000+00:01",
    "-90, 2000-01-01T00:00:00.000000-00:02",
    "19800, 2000-01-01T00:00:00.000000+05:30",
    "-64800, 2000-01-01T00:00:00.000000-18:00"
  })
  void dateTimeOffsetsFollowTwisted(int offsetSeconds, String text) {
    OffsetDateTime t =
        OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.ofTotalSeconds(offsetSeconds));
    assertThat(new String(DateTimeText.format(AmpDateTime.of(t)), StandardCharsets.US_ASCII))
        .isEqualTo(text);
  }

  @Test
  void dateTimeTruncatesNanosAndChecksYear() {
    OffsetDateTime t = OffsetDateTime.of(2012, 1, 23, 12, 34, 56, 54_321_999, ZoneOffset.UTC);
    assertThat(new String(DateTimeText.format(AmpDateTime.of(t)), StandardCharsets.US_ASCII))
        .isEqualTo("2012-01-23T12:34:56.054321-00:00");
    assertThatThrownBy(() -> AmpDateTime.of(t.withYear(10_000))).hasMessageContaining("year 10000");
    assertThatThrownBy(() -> AmpDateTime.of(t.withYear(0))).hasMessageContaining("year 0");
  }

  @Test
  void dateTimeOffsetsBeyond18Hours_readAndWriteAsAmpDateTime() {
    AmpDateTime plus = DateTimeText.parse(b("2012-01-23T12:34:56.054321+23:59"));
    assertThat(plus.offsetSeconds()).isEqualTo(86_340);
    AmpDateTime minus = DateTimeText.parse(b("2012-01-23T12:34:56.054321-18:01"));
    assertThat(minus.offsetSeconds()).isEqualTo(-64_860);
    assertThat(new String(DateTimeText.format(plus), StandardCharsets.US_ASCII))
        .isEqualTo("2012-01-23T12:34:56.054321+23:59");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2012-01-23T12:34:56.054321-00:00|2012-01-23T12:34:56.054321Z",
        "2012-01-23T12:34:56.054321+00:00|2012-01-23T12:34:56.054321Z",
        "2012x01x23x12x34x56x054321+05x30|2012-01-23T12:34:56.054321+05:30",
        "2012-02-29T12:34:56.054321-00:00|2012-02-29T12:34:56.054321Z",
        "2012-01-23T12:34:56.054321+18:00|2012-01-23T12:34:56.054321+18:00",
        "2012-01-23T12:34:56.054321+00:99|2012-01-23T12:34:56.054321+01:39",
        "2012- 1-23T12:34:56.054321-00:00|2012-01-23T12:34:56.054321Z",
        "2012-+1-23T12:34:56.054321-00:00|2012-01-23T12:34:56.054321Z",
        "2012-01-23T12:34:56.054321+-1:00|2012-01-23T12:34:56.054321-01:00",
        "' 201-01-23T12:34:56.054321-00:00'|0201-01-23T12:34:56.054321Z",
        "2_12-01-23T12:34:56.054321-00:00|0212-01-23T12:34:56.054321Z",
        "2012-01-23T12:34:56.  4321-00:00|2012-01-23T12:34:56.004321Z"
      })
  void dateTimeParsesLikeTwisted(String text, String iso) {
    assertThat(DateTimeText.parse(b(text)).toOffsetDateTime()).isEqualTo(OffsetDateTime.parse(iso));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2012-01-23T12:34:56.000000Z00:00|sign 'Z'",
        "2012-01-23T12:34:56Z|not 32 characters",
        "2012-13-23T12:34:56.054321-00:00|month 13",
        "2012-02-30T12:34:56.054321-00:00|day 30",
        "2011-02-29T12:34:56.054321-00:00|day 29",
        "2012-01-23T24:00:00.000000-00:00|hour 24",
        "2012-01-23T12:60:00.000000-00:00|minute 60",
        "2012-01-23T12:34:60.000000-00:00|second 60",
        "2012-01-23T12:34:56.054321+24:00|within 24 hours",
        "0000-01-23T12:34:56.054321-00:00|year 0",
        "2012-0a-23T12:34:56.054321-00:00|month '0a'",
        "'2012-01-23T12:34:56.054321-00:00 '|not 32 characters"
      })
  void dateTimeRejects(String text, String message) {
    assertThatThrownBy(() -> DateTimeText.parse(b(text)))
        .isInstanceOf(BadTextException.class)
        .hasMessageContaining(message);
  }

  @Test
  void dateTimeRejectsNonAscii() {
    byte[] text = b("2012-01-23T12:34:56.054321-00:00");
    text[4] = (byte) 0xE9;
    assertThatThrownBy(() -> DateTimeText.parse(text)).hasMessageContaining("ASCII");
  }

  // ------------------------------------------------------------------ ListOf

  @Test
  void listOfFramingAndTwistedsTrailingGarbage() {
    assertThat(ListOfText.join(new byte[][] {b("1"), b(""), b("-2")}, 9))
        .isEqualTo(Vectors.hex("000131000000022d32"));
    assertThat(ListOfText.split(Vectors.hex("000131000000022d32"), 100))
        .containsExactly(b("1"), b(""), b("-2"));
    assertThat(ListOfText.split(Vectors.hex("00013100056162"), 100)).containsExactly(b("1"));
    assertThat(ListOfText.split(Vectors.hex("0001310005"), 100)).containsExactly(b("1"));
    assertThat(ListOfText.split(Vectors.hex("00"), 100)).isEmpty();
    assertThat(ListOfText.split(new byte[0], 100)).isEmpty();
  }

  // ------------------------------------------------------------------ Show

  @Test
  void showQuotesEscapesAndShortens() {
    assertThat(Show.bytes(b("1.5"))).isEqualTo("\"1.5\"");
    assertThat(Show.bytes(Vectors.hex("225c00ff"))).isEqualTo("\"\\\"\\\\\\x00\\xff\"");
    assertThat(Show.bytes(new byte[100])).endsWith("... (100 bytes)");
  }
}
