package org.amp4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.amp4j.cli.Interop.Echo;
import org.amp4j.cli.Interop.Rec;
import org.amp4j.value.AmpDecimal;

/** Edge values of every type, as Echo commands with one argument each, and their comparison. */
final class EchoValues {
  private EchoValues() {}

  static final BigInteger TWO_64_PLUS_1 = BigInteger.TWO.pow(64).add(BigInteger.ONE);

  static Echo integer(BigInteger v) {
    return new Echo(v, null, null, null, null, null, null, null, null, null, null);
  }

  static Echo string(byte[] v) {
    return new Echo(null, v, null, null, null, null, null, null, null, null, null);
  }

  static Echo unicode(String v) {
    return new Echo(null, null, v, null, null, null, null, null, null, null, null);
  }

  static Echo bool(boolean v) {
    return new Echo(null, null, null, v, null, null, null, null, null, null, null);
  }

  static Echo flt(double v) {
    return new Echo(null, null, null, null, v, null, null, null, null, null, null);
  }

  static Echo decimal(String v) {
    return new Echo(
        null, null, null, null, null, AmpDecimal.parse(v), null, null, null, null, null);
  }

  static Echo datetime(OffsetDateTime v) {
    return new Echo(null, null, null, null, null, null, v, null, null, null, null);
  }

  static Echo path(String v) {
    return new Echo(null, null, null, null, null, null, null, Path.of(v), null, null, null);
  }

  static Echo intList(List<BigInteger> v) {
    return new Echo(null, null, null, null, null, null, null, null, v, null, null);
  }

  static Echo textList(List<String> v) {
    return new Echo(null, null, null, null, null, null, null, null, null, v, null);
  }

  static Echo records(List<Rec> v) {
    return new Echo(null, null, null, null, null, null, null, null, null, null, v);
  }

  /** Every edge value, one Echo each. */
  static List<Echo> all() {
    List<Echo> out = new ArrayList<>();
    for (BigInteger i :
        List.of(
            BigInteger.ZERO,
            BigInteger.ONE.negate(),
            BigInteger.TWO.pow(63),
            BigInteger.TWO.pow(63).negate(),
            TWO_64_PLUS_1,
            BigInteger.TEN.pow(100))) {
      out.add(integer(i));
    }
    out.add(string(new byte[0]));
    out.add(string(new byte[] {0, (byte) 0xff}));
    byte[] big = new byte[65_535];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) i;
    }
    out.add(string(big));
    out.add(unicode(""));
    out.add(unicode("é😀"));
    out.add(unicode("\0"));
    out.add(unicode("é".repeat(32_767) + "a"));
    out.add(bool(true));
    out.add(bool(false));
    for (double d :
        new double[] {
          0.0,
          -0.0,
          Double.NaN,
          Double.POSITIVE_INFINITY,
          Double.NEGATIVE_INFINITY,
          1e16,
          Double.MIN_VALUE,
          0.1,
          Double.MAX_VALUE,
          1e23,
          Math.pow(2, -24)
        }) {
      out.add(flt(d));
    }
    for (String d :
        List.of(
            "1.10",
            "-0",
            "-0.00",
            "NaN",
            "sNaN",
            "-Infinity",
            "Infinity",
            "1E+2",
            "1E-7",
            "0E-7",
            "-1.23456E-8",
            "12345678901234567890123456789012345678901234567890")) {
      out.add(decimal(d));
    }
    out.add(datetime(OffsetDateTime.of(2012, 1, 23, 12, 34, 56, 54_321_000, ZoneOffset.UTC)));
    out.add(
        datetime(
            OffsetDateTime.of(
                2012, 1, 23, 12, 34, 56, 54_321_000, ZoneOffset.ofHoursMinutes(5, 30))));
    out.add(datetime(OffsetDateTime.of(2020, 2, 29, 0, 0, 0, 0, ZoneOffset.ofHours(-8))));
    out.add(datetime(OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)));
    out.add(datetime(OffsetDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000, ZoneOffset.UTC)));
    out.add(path("/amp-test/a"));
    out.add(intList(List.of()));
    out.add(intList(List.of(BigInteger.ONE, BigInteger.valueOf(-2), BigInteger.valueOf(3))));
    out.add(intList(List.of(TWO_64_PLUS_1)));
    out.add(textList(List.of("", "a,b", "é😀")));
    out.add(textList(List.of()));
    out.add(records(List.of()));
    out.add(
        records(
            List.of(
                new Rec(BigInteger.ONE, "one", null), new Rec(BigInteger.TWO, "two", "a note"))));
    return out;
  }

  /** One Echo carrying a value of every type at once. */
  static Echo everything() {
    return new Echo(
        TWO_64_PLUS_1,
        new byte[] {0, 1, (byte) 0xfe},
        "é😀",
        true,
        -0.0,
        AmpDecimal.parse("-0.00"),
        OffsetDateTime.of(2024, 2, 29, 13, 14, 15, 161_718_000, ZoneOffset.ofHours(1)),
        Path.of("/amp-test/p"),
        List.of(BigInteger.ONE, BigInteger.TWO),
        List.of("x"),
        List.of(new Rec(BigInteger.ONE, "one", null)));
  }

  static String describe(Echo e) {
    return e.toString().length() > 200 ? e.toString().substring(0, 200) + "..." : e.toString();
  }

  /** Asserts that an echo came back equal, byte arrays by content and floats by bit pattern. */
  static void assertSame(Echo sent, Echo got) {
    assertThat(got.integer()).isEqualTo(sent.integer());
    assertThat(got.string()).isEqualTo(sent.string());
    assertThat(got.unicode()).isEqualTo(sent.unicode());
    assertThat(got.bool()).isEqualTo(sent.bool());
    if (sent.flt() == null) {
      assertThat(got.flt()).isNull();
    } else if (sent.flt().isNaN()) {
      assertThat(got.flt()).isNaN();
    } else {
      assertThat(Double.doubleToRawLongBits(got.flt()))
          .as("float bits of %s", got.flt())
          .isEqualTo(Double.doubleToRawLongBits(sent.flt()));
    }
    assertThat(got.decimal()).isEqualTo(sent.decimal());
    assertThat(got.datetime()).isEqualTo(sent.datetime());
    assertThat(got.path()).isEqualTo(sent.path());
    assertThat(got.intList()).isEqualTo(sent.intList());
    assertThat(got.textList()).isEqualTo(sent.textList());
    assertThat(got.records()).isEqualTo(sent.records());
  }
}
