package org.amp4j.codec.json;

import static org.amp4j.codectest.MachineIntegerChecks.GENERAL_INT;
import static org.amp4j.codectest.MachineIntegerChecks.GENERAL_LONG;
import static org.amp4j.codectest.MachineIntegerChecks.assertSameOutcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.amp4j.EncodingException;
import org.amp4j.Limits;
import org.amp4j.codectest.MachineIntegerChecks;
import org.amp4j.spi.Codec;
import org.amp4j.spi.OutboundMessage;
import org.amp4j.spi.TypedValue;
import org.amp4j.value.AmpDecimal;
import org.amp4j.value.ValueType;
import org.amp4j.value.ValueTypes;
import org.junit.jupiter.api.Test;

/**
 * {@link ValueTypes#LONG} and {@link ValueTypes#INT} are written and read without a BigInteger or
 * number text ({@link org.amp4j.spi.MachineIntegers}, {@link JsonNumber} kept as a {@code long});
 * the bytes, values and failures are those of the general path, which types mapped the same way
 * over {@link ValueTypes#INTEGER} still take.
 */
class JsonMachineIntegerTest {

  private static final Codec CODEC = new JsonCodecProvider().create(Limits.DEFAULTS);
  private static final Codec FEW_DIGITS =
      new JsonCodecProvider().create(Limits.builder().maxIntegerDigits(3).build());

  // The same conversions as LONG and INT, but other types: these take the general path.
  @Property
  void long_isWrittenAsTheGeneralPathWritesIt(@ForAll("longs") long v) {
    assertThat(written(CODEC, ValueTypes.LONG, v))
        .isEqualTo(written(CODEC, GENERAL_LONG, v))
        .isEqualTo(Long.toString(v));
    assertSameOutcome(
        () -> written(FEW_DIGITS, ValueTypes.LONG, v), () -> written(FEW_DIGITS, GENERAL_LONG, v));
  }

  @Property
  void int_isWrittenAsTheGeneralPathWritesIt(@ForAll int v) {
    assertThat(written(CODEC, ValueTypes.INT, v)).isEqualTo(written(CODEC, GENERAL_INT, v));
    assertSameOutcome(
        () -> written(FEW_DIGITS, ValueTypes.INT, v), () -> written(FEW_DIGITS, GENERAL_INT, v));
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void wrongClass_failsAsTheGeneralPathFails() {
    ValueType fast = ValueTypes.INT;
    ValueType general = GENERAL_INT;
    for (Object bad : new Object[] {5L, "5", 5.0}) {
      assertSameOutcome(() -> written(CODEC, fast, bad), () -> written(CODEC, general, bad));
    }
    assertThatThrownBy(() -> written(CODEC, fast, 5L))
        .isInstanceOf(EncodingException.class)
        .hasMessageStartingWith("value 'v' cannot be converted to integer(int)");
  }

  @Test
  void aFormatWithItsOwnIntegers_writesLongsThroughIt() {
    JacksonCodec.Format quoted =
        new JacksonCodec.Format() {
          @Override
          public void writeInteger(JsonGenerator out, BigInteger value) throws IOException {
            out.writeString(value.toString());
          }
        };
    Codec codec = new JacksonCodec("json", new JsonFactory(), Limits.DEFAULTS, quoted);
    assertThat(written(codec, ValueTypes.LONG, -42L)).isEqualTo("\"-42\"");
    assertThat(written(codec, ValueTypes.INT, 7)).isEqualTo("\"7\"");
  }

  @Property
  void integerLiteral_isReadAsTheGeneralPathReadsIt(@ForAll("literals") String json) {
    assertSameOutcome(() -> read(json, ValueTypes.LONG), () -> read(json, GENERAL_LONG));
    assertSameOutcome(() -> read(json, ValueTypes.INT), () -> read(json, GENERAL_INT));
  }

  @Test
  void edgeCases_areReadAsTheGeneralPathReadsThem() {
    for (String json :
        List.of(
            "0",
            "-0",
            "-1",
            "1.5",
            "1e2",
            "-0.0",
            "\"5\"",
            "true",
            "null",
            "[5]",
            "999999999999999999",
            "-999999999999999999",
            "9223372036854775807",
            "-9223372036854775808",
            "9223372036854775808",
            "-9223372036854775809",
            "2147483647",
            "2147483648",
            "-2147483648",
            "-2147483649",
            "12345678901234567890")) {
      integerLiteral_isReadAsTheGeneralPathReadsIt(json);
    }
  }

  @Test
  void intOutOfRange_failsWithTheGeneralMessage() {
    assertThatThrownBy(() -> read("-2147483649", ValueTypes.INT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "expected integer(int), got -2147483649 (integer -2147483649 does not fit in an int)");
  }

  @Test
  void integerLiteral_keepsItsTextForOtherTypes() {
    assertThat(read("-0", ValueTypes.DECIMAL)).isEqualTo(AmpDecimal.parse("-0"));
    assertThat(read("-120", ValueTypes.DECIMAL)).isEqualTo(AmpDecimal.parse("-120"));
    assertThat(read("-120", ValueTypes.FLOAT)).isEqualTo(-120.0);
    assertThat(read("9007199254740993", ValueTypes.FLOAT)).isEqualTo(9007199254740992.0);
    assertThat(read("-120", ValueTypes.INTEGER)).isEqualTo(BigInteger.valueOf(-120));
    assertThatThrownBy(() -> read("-120", ValueTypes.UNICODE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected unicode, got -120");
  }

  @Property
  void jsonNumber_ofAnyIntegerLiteral_keepsItsTextAndDigits(@ForAll("literals") String json)
      throws IOException {
    try (JsonParser in = new JsonFactory().createParser(json)) {
      if (!in.nextToken().isNumeric() || in.currentToken().name().endsWith("FLOAT")) {
        return;
      }
      JsonNumber n = JsonNumber.integer(in);
      assertThat(n.text()).isEqualTo(json);
      assertThat(n.integral()).isTrue();
      assertThat(n.integerDigits()).isEqualTo(json.replace("-", "").length());
      boolean canonical = json.length() <= JsonNumber.MAX_LONG_CHARS && !json.equals("-0");
      assertThat(n.isLong()).isEqualTo(canonical);
      if (canonical) {
        assertThat(n.longValue()).isEqualTo(Long.parseLong(json));
      }
    }
  }

  private static <T> String written(Codec codec, ValueType<T> type, T value) {
    byte[] frame =
        codec.encode(OutboundMessage.answer("1", List.of(new TypedValue<>("v", type, value))));
    String json = new String(frame, 4, frame.length - 4, StandardCharsets.UTF_8);
    String prefix = "{\"answer\":\"1\",\"values\":{\"v\":";
    return json.substring(prefix.length(), json.length() - 2);
  }

  private static <T> T read(String valueJson, ValueType<T> type) {
    byte[] frame = JsonFrames.frame("{\"answer\":\"1\",\"values\":{\"v\":" + valueJson + "}}");
    return CODEC.newDecoder().next(ByteBuffer.wrap(frame)).fields().get("v", type);
  }

  @Provide
  Arbitrary<Long> longs() {
    return MachineIntegerChecks.longs();
  }

  @Provide
  Arbitrary<String> literals() {
    return Arbitraries.oneOf(
        longs().map(Object::toString),
        Arbitraries.bigIntegers()
            .between(BigInteger.TEN.pow(22).negate(), BigInteger.TEN.pow(22))
            .map(Object::toString),
        Arbitraries.of("-0", "0.0", "-1.5e3", "1E2"));
  }
}
