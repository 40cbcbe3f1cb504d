package org.amp4j.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.amp4j.EncodingException;
import org.amp4j.codectest.MachineIntegerChecks;
import org.amp4j.value.ValueType;
import org.amp4j.value.ValueTypes;
import org.junit.jupiter.api.Test;

class MachineIntegersTest {

  private static final ValuePath WHERE = ValuePath.key("n");

  @Test
  void appliesToLongAndIntOnly() {
    assertThat(MachineIntegers.applies(ValueTypes.LONG)).isTrue();
    assertThat(MachineIntegers.applies(ValueTypes.INT)).isTrue();
    assertThat(MachineIntegers.applies(ValueTypes.INTEGER)).isFalse();
    assertThat(
            MachineIntegers.applies(
                ValueTypes.INTEGER.map("mine", BigInteger::longValue, BigInteger::valueOf)))
        .isFalse();
  }

  @Test
  void fromLong_givesWhatFromWireGives() {
    assertThat(MachineIntegers.fromLong(ValueTypes.LONG, Long.MIN_VALUE))
        .isEqualTo(ValueTypes.LONG.fromWire(BigInteger.valueOf(Long.MIN_VALUE)));
    assertThat(MachineIntegers.fromLong(ValueTypes.INT, -7)).isEqualTo(-7);
    assertThatThrownBy(() -> MachineIntegers.fromLong(ValueTypes.INT, 1L << 31))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("integer 2147483648 does not fit in an int");
    assertThatThrownBy(() -> ValueTypes.INT.fromWire(BigInteger.ONE.shiftLeft(31)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("integer 2147483648 does not fit in an int");
    assertThatThrownBy(() -> MachineIntegers.fromLong(ValueTypes.INTEGER, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void toLong_failsAsToWireFails() {
    assertThat(MachineIntegers.toLong(ValueTypes.LONG, 5L, WHERE)).isEqualTo(5L);
    assertThat(MachineIntegers.toLong(ValueTypes.INT, -5, WHERE)).isEqualTo(-5L);
    assertThatThrownBy(() -> MachineIntegers.toLong(ValueTypes.LONG, null, WHERE))
        .isInstanceOf(EncodingException.class)
        .hasMessage("value 'n' is null");
    ValueType raw = ValueTypes.INT;
    assertThatThrownBy(() -> MachineIntegers.toLong(raw, 5L, WHERE))
        .isInstanceOf(EncodingException.class)
        .hasMessageStartingWith("value 'n' cannot be converted to integer(int)");
  }

  @Property
  void digits_countsTheMagnitudesDigits(@ForAll("longs") long v) {
    assertThat(MachineIntegers.digits(v))
        .isEqualTo(BigInteger.valueOf(v).abs().toString().length());
  }

  @Provide
  Arbitrary<Long> longs() {
    return MachineIntegerChecks.longs();
  }
}
