package org.amp4j.codectest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.amp4j.value.ValueType;
import org.amp4j.value.ValueTypes;

/**
 * For the tests of a codec's fast path for {@link ValueTypes#LONG} and {@link ValueTypes#INT}
 * ({@link org.amp4j.spi.MachineIntegers}): types that convert exactly as those two do, with the
 * same names and messages, but are other types and so take the general path; a check that two paths
 * give the same outcome; and longs around every change of digit count.
 */
public final class MachineIntegerChecks {

  /** Converts as {@link ValueTypes#LONG}, through the general path. */
  public static final ValueType<Long> GENERAL_LONG =
      ValueTypes.INTEGER.map(
          "integer(long)",
          v -> fitting(v, 63, "a long").longValue(),
          (Long l) -> BigInteger.valueOf(l));

  /** Converts as {@link ValueTypes#INT}, through the general path. */
  public static final ValueType<Integer> GENERAL_INT =
      ValueTypes.INTEGER.map(
          "integer(int)",
          v -> fitting(v, 31, "an int").intValue(),
          (Integer i) -> BigInteger.valueOf(i));

  private MachineIntegerChecks() {}

  private static BigInteger fitting(BigInteger v, int bits, String what) {
    if (v.bitLength() > bits) {
      throw new IllegalArgumentException("integer " + v + " does not fit in " + what);
    }
    return v;
  }

  /** The same value, or failures of the same class and message. */
  public static void assertSameOutcome(Supplier<Object> fast, Supplier<Object> general) {
    Object expected;
    try {
      expected = general.get();
    } catch (RuntimeException e) {
      assertThatThrownBy(fast::get).isInstanceOf(e.getClass()).hasMessage(e.getMessage());
      return;
    }
    assertThat(fast.get()).isEqualTo(expected);
  }

  /** Any long, often a small one, an extreme, or one either side of a power of ten. */
  public static Arbitrary<Long> longs() {
    return Arbitraries.oneOf(
        Arbitraries.longs(),
        Arbitraries.longs().between(-1000, 1000),
        Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L),
        Arbitraries.integers()
            .between(0, 18)
            .flatMap(
                e -> {
                  long p = BigInteger.TEN.pow(e).longValueExact();
                  return Arbitraries.of(p - 1, p, p + 1, -p + 1, -p, -p - 1);
                }));
  }
}
