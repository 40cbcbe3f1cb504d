package org.amp4j.codec.amp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Python's float repr, including the traps of spec 7.7. */
class FloatReprTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    // Powers of two: asymmetric rounding intervals.
    "0x1p-24, 5.960464477539063e-08",
    "0x1p-1074, 5e-324",
    // Exact tie between two 17-digit candidates: even last digit.
    "1344881641200634.75, 1344881641200634.8",
    // Java 17's Double.toString says 9.999999999999999E22.
    "1e23, 1e+23",
    // Layout thresholds.
    "1e16, 1e+16",
    "1e15, 1000000000000000.0",
    "9007199254740992, 9007199254740992.0",
    "0.0001, 0.0001",
    "0.00001, 1e-05",
    "1e-7, 1e-07",
    "1.5e-7, 1.5e-07",
    "1e300, 1e+300",
    "1.7976931348623157e308, 1.7976931348623157e+308",
    "0.1, 0.1",
    "100, 100.0",
    "-1.5, -1.5",
    "123456789.125, 123456789.125",
    "0, 0.0",
    "-0.0, -0.0",
    "NaN, nan",
    "Infinity, inf",
    "-Infinity, -inf"
  })
  void traps(String javaLiteral, String python) {
    double d =
        javaLiteral.startsWith("0x")
            ? Double.parseDouble(javaLiteral)
            : Double.parseDouble(javaLiteral);
    assertThat(FloatRepr.repr(d)).isEqualTo(python);
  }

  @Test
  void minValueIsFiveNotFourPointNine() {
    assertThat(Double.toString(Double.MIN_VALUE)).isEqualTo("4.9E-324");
    assertThat(FloatRepr.repr(Double.MIN_VALUE)).isEqualTo("5e-324");
  }

  @Test
  void negativeNanIsPlainNan() {
    assertThat(FloatRepr.repr(Double.longBitsToDouble(0xfff8000000000001L))).isEqualTo("nan");
  }

  @Test
  void wholeTwistedTable() {
    Map<String, Object> table =
        Vectors.category("value_table").stream()
            .filter(v -> "table_float_repr".equals(Vectors.name(v)))
            .findFirst()
            .orElseThrow();
    List<Map<String, Object>> entries = Vectors.list(table, "entries");
    assertThat(entries).hasSize(46);
    for (Map<String, Object> e : entries) {
      double d = Vectors.floatValue(e.get("value"));
      String expected = (String) e.get("wire_text");
      assertThat(FloatRepr.repr(d))
          .as(Long.toHexString(Double.doubleToRawLongBits(d)))
          .isEqualTo(expected);
      double back = FloatText.parse(expected.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      assertThat(
              Double.isNaN(d)
                  ? Double.isNaN(back)
                  : Double.doubleToRawLongBits(back) == Double.doubleToRawLongBits(d))
          .as(expected)
          .isTrue();
    }
  }

  @Test
  void hundredThousandRandomDoublesRoundTrip() {
    SplittableRandom random = new SplittableRandom(20260101);
    for (int i = 0; i < 100_000; i++) {
      long bits = random.nextLong();
      double d = Double.longBitsToDouble(bits);
      String repr = FloatRepr.repr(d);
      if (Double.isNaN(d)) {
        assertThat(repr).isEqualTo("nan");
        continue;
      }
      if (Double.isInfinite(d)) {
        assertThat(repr).isIn("inf", "-inf");
        continue;
      }
      assertThat(Double.doubleToRawLongBits(Double.parseDouble(repr))).as(repr).isEqualTo(bits);
      assertThat(repr.length()).as(repr).isLessThanOrEqualTo(24);
    }
  }

  @Test
  void neverLongerThanJavaDigits() {
    // Shortest: never more significant digits than Java's (not always shortest) output.
    SplittableRandom random = new SplittableRandom(5);
    for (int i = 0; i < 20_000; i++) {
      double d = Math.abs(Double.longBitsToDouble(random.nextLong()));
      if (Double.isNaN(d) || Double.isInfinite(d) || d == 0) {
        continue;
      }
      FloatRepr.Shortest s = FloatRepr.shortest(d);
      String java =
          Double.toString(d)
              .replaceFirst("E.*", "")
              .replace(".", "")
              .replaceFirst("^0+", "")
              .replaceFirst("0+$", "");
      assertThat(s.digits().length())
          .as(Double.toString(d))
          .isLessThanOrEqualTo(Math.max(1, java.length()));
    }
  }
}
