package org.amp4j.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ValueTypesTest {

  @Test
  void long_outOfRange_failsToDecode() {
    assertThat(ValueTypes.LONG.fromWire(BigInteger.valueOf(Long.MIN_VALUE)))
        .isEqualTo(Long.MIN_VALUE);
    assertThatThrownBy(() -> ValueTypes.LONG.fromWire(BigInteger.TWO.pow(63)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not fit in a long");
    assertThatThrownBy(() -> ValueTypes.INT.fromWire(BigInteger.TWO.pow(31)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void datetime_truncatesToMicrosAndRefusesYearZero() {
    OffsetDateTime t = OffsetDateTime.of(2020, 1, 2, 3, 4, 5, 123_456_789, ZoneOffset.UTC);
    assertThat(ValueTypes.DATETIME.toWire(t)).isEqualTo(AmpDateTime.of(t.withNano(123_456_000)));
    assertThatThrownBy(
            () ->
                ValueTypes.DATETIME.toWire(OffsetDateTime.of(0, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("year 0");
  }

  @Test
  void datetime_offsetBeyond18Hours_onlyAsAmpDateTime() {
    AmpDateTime far = new AmpDateTime(java.time.LocalDateTime.of(9999, 12, 31, 23, 59), 86_340);
    assertThat(ValueTypes.AMP_DATETIME.fromWire(far)).isEqualTo(far);
    assertThatThrownBy(() -> ValueTypes.DATETIME.fromWire(far))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("18:00");
    assertThatThrownBy(() -> new AmpDateTime(far.local(), 86_400))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void map_convertsBothWays() {
    ValueType<UUID> uuid = ValueTypes.UNICODE.map("uuid", UUID::fromString, UUID::toString);
    UUID u = UUID.randomUUID();
    assertThat(uuid.kind()).isEqualTo(ValueType.Kind.UNICODE);
    assertThat(uuid.toWire(u)).isEqualTo(u.toString());
    assertThat(uuid.fromWire(u.toString())).isEqualTo(u);
  }

  @Test
  void registry_registeredTypeIsUsedInRecords() {
    record WithId(UUID id) {}
    TypeRegistry r =
        TypeRegistry.builder()
            .register(UUID.class, ValueTypes.UNICODE.map("uuid", UUID::fromString, UUID::toString))
            .build();
    assertThat(r.schemaOf(WithId.class).fields().get(0).type().name()).isEqualTo("uuid");
    assertThatThrownBy(() -> TypeRegistry.standard().schemaOf(WithId.class))
        .hasMessageContaining("WithId.id");
  }
}
