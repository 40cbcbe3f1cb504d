package org.amp4j.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.amp4j.EncodingException;
import org.amp4j.Limits;
import org.amp4j.value.RecordSchema;
import org.amp4j.value.RecordSchema.FieldSpec;
import org.amp4j.value.ValueType;
import org.amp4j.value.ValueTypes;
import org.junit.jupiter.api.Test;

class ValueChecksTest {

  private static final ValuePath V = ValuePath.key("v");
  private static final RecordSchema<Map<String, Object>> POINT =
      RecordSchema.dynamic(
          "Point",
          List.of(
              new FieldSpec("x", ValueTypes.INTEGER, false, null),
              new FieldSpec("label", ValueTypes.UNICODE, true, null)));

  private final ValueChecks checks =
      new ValueChecks(
          Limits.builder()
              .maxValueLength(4)
              .maxListLength(3)
              .maxNestingDepth(2)
              .maxFieldCount(1)
              .build());

  @Test
  void limits_atTheLimit_pass_beyondIt_failNamingValueAndLimit() {
    checks.checkLength(V, 4);
    checks.checkListLength(V, 3);
    checks.checkDepth(V, 2);
    assertThatThrownBy(() -> checks.checkLength(V, 5))
        .isInstanceOf(EncodingException.class)
        .hasMessage("value 'v' is 5 bytes, longer than maxValueLength 4");
    assertThatThrownBy(() -> checks.checkListLength(V.element(0), 4))
        .hasMessage("value 'v'[0] has 4 elements, more than maxListLength 3");
    assertThatThrownBy(() -> checks.checkDepth(V, 3))
        .hasMessage("value 'v' nests lists and records deeper than maxNestingDepth 2");
  }

  @Test
  void toWire_nullOrUnconvertible_failsNamingTheValue() {
    assertThat(ValueChecks.toWire(ValueTypes.LONG, 5L, V)).isEqualTo(BigInteger.valueOf(5));
    assertThatThrownBy(() -> ValueChecks.toWire(ValueTypes.LONG, null, V))
        .isInstanceOf(EncodingException.class)
        .hasMessage("value 'v' is null");
    ValueType<String> broken =
        ValueTypes.UNICODE.map(
            "broken",
            s -> s,
            s -> {
              throw new IllegalStateException("no");
            });
    assertThatThrownBy(() -> ValueChecks.toWire(broken, "x", V))
        .hasMessage("value 'v' cannot be converted to broken: no");
  }

  @Test
  void wire_ofAnotherClass_failsNamingBoth() {
    assertThat(ValueChecks.wire(String.class, "s", ValueTypes.UNICODE, V)).isEqualTo("s");
    assertThatThrownBy(() -> ValueChecks.wire(String.class, 1, ValueTypes.UNICODE, V))
        .isInstanceOf(EncodingException.class)
        .hasMessage("value 'v': the wire form of unicode must be a String, got java.lang.Integer");
  }

  @Test
  void presentFields_skipsAbsentOptionalFields_inSchemaOrder() {
    Map<FieldSpec, Object> present =
        checks.presentFields(POINT, Map.of("x", BigInteger.ONE), V.element(0));
    assertThat(present.keySet()).extracting(FieldSpec::name).containsExactly("x");
    assertThat(present.values()).containsExactly(BigInteger.ONE);
  }

  @Test
  void presentFields_nullRecordOrRequiredField_orTooMany_fail() {
    ValuePath at = V.element(1);
    assertThatThrownBy(() -> checks.presentFields(POINT, null, at))
        .hasMessage("value 'v'[1] is null");
    assertThatThrownBy(() -> checks.presentFields(POINT, new HashMap<>(), at))
        .hasMessage("value 'v'[1].x is required but null");
    assertThatThrownBy(
            () -> checks.presentFields(POINT, Map.of("x", BigInteger.ONE, "label", "a"), at))
        .hasMessage("value 'v'[1] has 2 fields, more than maxFieldCount 1");
  }
}
