package org.amp4j.codec.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.amp4j.Limits;
import org.amp4j.spi.Codec;
import org.amp4j.spi.CodecProvider;
import org.amp4j.spi.InboundMessage;
import org.amp4j.spi.OutboundMessage;
import org.amp4j.spi.TypedValue;
import org.amp4j.value.AmpDateTime;
import org.amp4j.value.AmpDecimal;
import org.amp4j.value.ValueType;
import org.amp4j.value.ValueTypes;
import org.junit.jupiter.api.Test;

/** How the JSON codec writes and reads each value kind, checked against JSON text by eye. */
class JsonValuesTest {

  private final Codec codec = new JsonCodecProvider().create(Limits.DEFAULTS);

  @Test
  void serviceLoader_findsJson() {
    assertThat(ServiceLoader.load(CodecProvider.class).stream().map(p -> p.get().name()))
        .contains("json");
  }

  @Test
  void decimal_isANumberWithPythonsScaleAndSign() {
    assertThat(written(ValueTypes.DECIMAL, AmpDecimal.parse("1.10"))).isEqualTo("1.10");
    assertThat(written(ValueTypes.DECIMAL, AmpDecimal.parse("-0"))).isEqualTo("-0");
    assertThat(written(ValueTypes.DECIMAL, AmpDecimal.parse("100E+0"))).isEqualTo("100");
    assertThat(written(ValueTypes.DECIMAL, AmpDecimal.parse("1e2"))).isEqualTo("1E+2");
    assertThat(written(ValueTypes.DECIMAL, AmpDecimal.parse("sNaN12"))).isEqualTo("\"sNaN12\"");
    assertThat(written(ValueTypes.DECIMAL, AmpDecimal.parse("-Infinity")))
        .isEqualTo("\"-Infinity\"");
  }

  @Test
  void decimal_readsNumberTextExactly() {
    assertThat(read("-0.00", ValueTypes.DECIMAL)).isEqualTo(AmpDecimal.parse("-0.00"));
    assertThat(read("1.10", ValueTypes.DECIMAL).toString()).isEqualTo("1.10");
    assertThat(read("1e2", ValueTypes.DECIMAL).toString()).isEqualTo("1E+2");
    assertThat(read("\"-NaN\"", ValueTypes.DECIMAL)).isEqualTo(AmpDecimal.nan(false, true, null));
    assertThatThrownBy(() -> read("\"1.5\"", ValueTypes.DECIMAL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected decimal, got \"1.5\"");
  }

  @Test
  void float_isTheShortestNumberAndSpecialsAreStrings() {
    assertThat(written(ValueTypes.FLOAT, 0.1)).isEqualTo("0.1");
    assertThat(written(ValueTypes.FLOAT, -0.0)).isEqualTo("-0.0");
    assertThat(written(ValueTypes.FLOAT, 1e23)).isEqualTo("1.0E23");
    // JDK 17's Double.toString gives 5.6843418860808015E-14 here, one digit too many.
    assertThat(written(ValueTypes.FLOAT, 0x1p-44)).isEqualTo("5.684341886080802E-14");
    assertThat(written(ValueTypes.FLOAT, Double.NaN)).isEqualTo("\"NaN\"");
    assertThat(written(ValueTypes.FLOAT, Double.NEGATIVE_INFINITY)).isEqualTo("\"-Infinity\"");
    assertThat(read("\"Infinity\"", ValueTypes.FLOAT)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(read("-0.0", ValueTypes.FLOAT)).isEqualTo(-0.0);
  }

  @Test
  void float_acceptsAnIntegerLiteral() {
    assertThat(read("3", ValueTypes.FLOAT)).isEqualTo(3.0);
    assertThatThrownBy(() -> read("1" + "0".repeat(400), ValueTypes.FLOAT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected float");
  }

  @Test
  void integer_refusesNonIntegralNumbers() {
    assertThat(read("-12345678901234567890", ValueTypes.INTEGER))
        .isEqualTo(new BigInteger("-12345678901234567890"));
    for (String json : List.of("1.0", "1e2", "\"1\"", "true", "null")) {
      assertThatThrownBy(() -> read(json, ValueTypes.INTEGER))
          .as(json)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("expected integer, got");
    }
    assertThatThrownBy(() -> read("2147483648", ValueTypes.INT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected integer(int), got 2147483648");
  }

  @Test
  void bytes_arePaddedBase64() {
    assertThat(written(ValueTypes.BYTES, new byte[] {0, 'b', 'i', 'n'})).isEqualTo("\"AGJpbg==\"");
    assertThat(read("\"AGJpbg==\"", ValueTypes.BYTES)).containsExactly(0, 'b', 'i', 'n');
    for (String json : List.of("\"AGJpbg\"", "\"AGJp bg==\"", "\"AGJ-bg==\"")) {
      assertThatThrownBy(() -> read(json, ValueTypes.BYTES))
          .as(json)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("expected bytes");
    }
  }

  @Test
  void dateTime_isIsoTextWithMicrosecondsAndOffsetSecondsWhenNeeded() {
    LocalDateTime t = LocalDateTime.of(2024, 2, 29, 13, 14, 15, 161_718_000);
    assertThat(written(ValueTypes.AMP_DATETIME, new AmpDateTime(t, 0)))
        .isEqualTo("\"2024-02-29T13:14:15.161718+00:00\"");
    assertThat(written(ValueTypes.AMP_DATETIME, new AmpDateTime(t, -(3600 + 61))))
        .isEqualTo("\"2024-02-29T13:14:15.161718-01:01:01\"");
    assertThat(read("\"0001-01-01T00:00:00-23:59:59\"", ValueTypes.AMP_DATETIME))
        .isEqualTo(new AmpDateTime(LocalDateTime.of(1, 1, 1, 0, 0), -86_399));
    for (String bad :
        List.of(
            "2024-02-30T00:00:00.000000+00:00",
            "2024-02-29 00:00:00.000000+00:00",
            "2024-02-29T00:00:00.000000Z",
            "2024-02-29T00:00:00.000000+24:00",
            "2024-02-29T00:00:00.00000+00:00")) {
      assertThatThrownBy(() -> read("\"" + bad + "\"", ValueTypes.AMP_DATETIME))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("expected datetime");
    }
  }

  @Test
  void unicode_escapesAndAstralCharactersRoundTrip() {
    assertThat(read("\"\\u00e9\\ud83d\\ude00\\n\"", ValueTypes.UNICODE))
        .isEqualTo("\u00e9\ud83d\ude00\n");
  }

  @Test
  void raw_givesNaturalJavaValues() {
    InboundMessage m =
        decode(
            "{\"answer\":\"1\",\"values\":{\"i\":12345678901234567890,\"d\":1.10,\"s\":\"x\","
                + "\"b\":false,\"n\":null,\"l\":[1,[2]],\"r\":[{\"k\":0.5}]}}");
    assertThat(m.fields().raw("i")).isEqualTo(new BigInteger("12345678901234567890"));
    assertThat(m.fields().raw("d")).isEqualTo(new BigDecimal("1.10"));
    assertThat(m.fields().raw("s")).isEqualTo("x");
    assertThat(m.fields().raw("b")).isEqualTo(false);
    assertThat(m.fields().raw("n")).isNull();
    assertThat(m.fields().contains("n")).isTrue();
    assertThat(m.fields().raw("l")).isEqualTo(List.of(BigInteger.ONE, List.of(BigInteger.TWO)));
    assertThat(m.fields().raw("r")).isEqualTo(List.of(Map.of("k", new BigDecimal("0.5"))));
    assertThat(m.fields().names()).containsExactly("i", "d", "s", "b", "n", "l", "r");
  }

  @Test
  void null_isATypeError() {
    assertThatThrownBy(() -> read("null", ValueTypes.UNICODE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected unicode, got null");
    assertThatThrownBy(() -> read("[1,null]", ValueTypes.listOf(ValueTypes.INTEGER)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("element 1 of list<integer>: expected integer, got null");
  }

  @Test
  void aFrameSplitAtEveryByte_decodes() {
    byte[] frame = JsonFrames.frame("{\"call\":\"Sum\",\"tag\":\"\\u00ff\",\"args\":{\"a\":-0}}");
    var decoder = codec.newDecoder();
    InboundMessage m = null;
    for (int i = 0; i < frame.length; i++) {
      InboundMessage got = decoder.next(ByteBuffer.wrap(frame, i, 1));
      assertThat(got == null).isEqualTo(i < frame.length - 1);
      m = got == null ? m : got;
    }
    assertThat(m.command()).isEqualTo("Sum");
    assertThat(m.tag()).isEqualTo("\u00ff");
    assertThat(m.fields().get("a", ValueTypes.DECIMAL)).isEqualTo(AmpDecimal.parse("-0"));
    assertThat(m.fields().get("a", ValueTypes.INTEGER)).isEqualTo(BigInteger.ZERO);
  }

  /** The JSON text of one answer value. */
  private <T> String written(ValueType<T> type, T value) {
    byte[] frame =
        codec.encode(OutboundMessage.answer("1", List.of(new TypedValue<>("v", type, value))));
    String json = new String(frame, 4, frame.length - 4, StandardCharsets.UTF_8);
    String prefix = "{\"answer\":\"1\",\"values\":{\"v\":";
    assertThat(json).startsWith(prefix).endsWith("}}");
    return json.substring(prefix.length(), json.length() - 2);
  }

  /** Reads one answer value given as JSON text. */
  private <T> T read(String valueJson, ValueType<T> type) {
    return decode("{\"answer\":\"1\",\"values\":{\"v\":" + valueJson + "}}")
        .fields()
        .get("v", type);
  }

  private InboundMessage decode(String json) {
    byte[] frame = JsonFrames.frame(json);
    ByteBuffer in = ByteBuffer.wrap(Arrays.copyOf(frame, frame.length));
    InboundMessage m = codec.newDecoder().next(in);
    assertThat(in.hasRemaining()).isFalse();
    return m;
  }
}
