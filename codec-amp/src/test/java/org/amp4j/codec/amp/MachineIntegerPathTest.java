package org.amp4j.codec.amp;

import static org.amp4j.codectest.MachineIntegerChecks.GENERAL_INT;
import static org.amp4j.codectest.MachineIntegerChecks.GENERAL_LONG;
import static org.amp4j.codectest.MachineIntegerChecks.assertSameOutcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.amp4j.EncodingException;
import org.amp4j.Limits;
import org.amp4j.codectest.MachineIntegerChecks;
import org.amp4j.spi.ValuePath;
import org.amp4j.value.ValueType;
import org.amp4j.value.ValueTypes;
import org.junit.jupiter.api.Test;

/**
 * {@link ValueTypes#LONG} and {@link ValueTypes#INT} are written and read without a BigInteger
 * ({@link org.amp4j.spi.MachineIntegers}); the results, failures included, are those of the general
 * path, which types mapped the same way over {@link ValueTypes#INTEGER} still take.
 */
class MachineIntegerPathTest {

  private static final Limits LIMITS = Limits.builder().maxIntegerDigits(19).build();
  private static final ValueEncoder ENCODER = new ValueEncoder(LIMITS, false, new KeyCache());
  private static final ValueDecoder DECODER = new ValueDecoder(LIMITS);
  private static final ValuePath WHERE = ValuePath.key("n");

  @Property
  void long_isWrittenAsTheGeneralPathWritesIt(@ForAll("longs") long v) {
    assertThat(ENCODER.encode(ValueTypes.LONG, v, WHERE))
        .isEqualTo(ENCODER.encode(GENERAL_LONG, v, WHERE))
        .asString(StandardCharsets.US_ASCII)
        .isEqualTo(Long.toString(v));
  }

  @Property
  void int_isWrittenAsTheGeneralPathWritesIt(@ForAll int v) {
    assertThat(ENCODER.encode(ValueTypes.INT, v, WHERE))
        .isEqualTo(ENCODER.encode(GENERAL_INT, v, WHERE));
  }

  @Property
  void long_isReadAsTheGeneralPathReadsIt(@ForAll("integerTexts") String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    assertSameOutcome(
        () -> DECODER.decode(bytes, ValueTypes.LONG, 0),
        () -> DECODER.decode(bytes, GENERAL_LONG, 0));
    assertSameOutcome(
        () -> DECODER.decode(bytes, ValueTypes.INT, 0),
        () -> DECODER.decode(bytes, GENERAL_INT, 0));
  }

  @Test
  void edgeCases_areReadAsTheGeneralPathReadsThem() {
    for (String text :
        new String[] {
          "0",
          "-0",
          "007",
          "-007",
          " 5",
          "5 ",
          "+5",
          "1_000",
          "",
          "-",
          "--1",
          "1.5",
          "٣",
          "999999999999999999",
          "-999999999999999999",
          "9223372036854775807",
          "-9223372036854775808",
          "9223372036854775808",
          "2147483647",
          "2147483648",
          "-2147483648",
          "-2147483649",
          "12345678901234567890"
        }) {
      long_isReadAsTheGeneralPathReadsIt(text);
    }
  }

  @Test
  void int_outOfRange_failsWithTheGeneralMessage() {
    byte[] big = "2147483648".getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> DECODER.decode(big, ValueTypes.INT, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("integer 2147483648 does not fit in an int");
  }

  @Test
  void tooManyDigits_failsToEncode() {
    ValueEncoder fewDigits =
        new ValueEncoder(Limits.builder().maxIntegerDigits(3).build(), false, new KeyCache());
    assertThat(fewDigits.encode(ValueTypes.LONG, -999L, WHERE)).asString().isEqualTo("-999");
    assertThatThrownBy(() -> fewDigits.encode(ValueTypes.LONG, 1000L, WHERE))
        .isInstanceOf(EncodingException.class)
        .hasMessageContaining("value 'n'")
        .hasMessageContaining("4 digits");
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void nullOrWrongClass_failsAsTheGeneralPathFails() {
    assertThatThrownBy(() -> ENCODER.encode(ValueTypes.LONG, null, WHERE))
        .isInstanceOf(EncodingException.class)
        .hasMessage("value 'n' is null");
    ValueType raw = ValueTypes.INT;
    assertThatThrownBy(() -> ENCODER.encode(raw, 5L, WHERE))
        .isInstanceOf(EncodingException.class)
        .hasMessageStartingWith("value 'n' cannot be converted to integer(int)");
  }

  @Provide
  Arbitrary<Long> longs() {
    return MachineIntegerChecks.longs();
  }

  @Provide
  Arbitrary<String> integerTexts() {
    return Arbitraries.oneOf(
        Arbitraries.longs().map(Object::toString),
        Arbitraries.strings().withChars("-+_ 0123456789.").ofMaxLength(22),
        Arbitraries.bigIntegers()
            .between(BigInteger.TEN.pow(20).negate(), BigInteger.TEN.pow(20))
            .map(Object::toString));
  }
}
