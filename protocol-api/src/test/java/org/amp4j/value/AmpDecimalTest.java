package org.amp4j.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AmpDecimalTest {

  @ParameterizedTest
  @CsvSource({
    "1.10, 1.10",
    "-0, -0",
    "-0.00, -0.00",
    "1E+2, 1E+2",
    "0.0000001, 1E-7",
    "0.000001, 0.000001",
    "0E-7, 0E-7",
    "-1.23456E-8, -1.23456E-8",
    "NaN, NaN",
    "-NaN, -NaN",
    "sNaN, sNaN",
    "-sNaN, -sNaN",
    "NaN123, NaN123",
    "Infinity, Infinity",
    "-Infinity, -Infinity",
    "inf, Infinity",
    "-INF, -Infinity",
    "nan, NaN",
    "'  1_000.5 ', 1000.5",
    "+7, 7",
    "1__0, 10",
    "_1, 1",
    "NaN_1, NaN1",
  })
  void parse_thenToString_isPythonStr(String text, String expected) {
    assertThat(AmpDecimal.parse(text).toString()).isEqualTo(expected);
  }

  @Test
  void specialValues_keepSignAndKind() {
    AmpDecimal negZero = AmpDecimal.parse("-0.00");
    assertThat(negZero.isNegative()).isTrue();
    assertThat(negZero.isFinite()).isTrue();
    assertThat(negZero).isNotEqualTo(AmpDecimal.parse("0.00"));
    assertThat(AmpDecimal.parse("sNaN").kind()).isEqualTo(AmpDecimal.Kind.SIGNALING_NAN);
    assertThat(AmpDecimal.parse("NaN12").payload()).isEqualTo(BigInteger.valueOf(12));
    assertThat(AmpDecimal.parse("1.0")).isNotEqualTo(AmpDecimal.parse("1.00"));
  }

  @Test
  void toBigDecimal_refusesSpecials() {
    assertThat(AmpDecimal.of(new BigDecimal("-2.5")).toBigDecimal()).isEqualByComparingTo("-2.5");
    assertThatThrownBy(() -> AmpDecimal.NAN.toBigDecimal()).isInstanceOf(ArithmeticException.class);
  }

  @ParameterizedTest
  @CsvSource({"''", "abc", "1..2", "'_ 1'", "0x10", "1e", "--1", "NaNx"})
  void parse_rejectsNonDecimals(String text) {
    assertThatThrownBy(() -> AmpDecimal.parse(text)).isInstanceOf(NumberFormatException.class);
  }
}
