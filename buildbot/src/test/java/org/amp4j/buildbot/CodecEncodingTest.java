package org.amp4j.buildbot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.amp4j.EncodingException;
import org.amp4j.Limits;
import org.amp4j.spi.OutboundMessage;
import org.amp4j.spi.TypedValue;
import org.amp4j.value.ValueTypes;
import org.junit.jupiter.api.Test;

/** What the protocol cannot carry fails to encode, with a message saying why. */
class CodecEncodingTest {

  private static byte[] call(String op, String tag, TypedValue<?>... values) {
    return Wire.CODEC.encode(OutboundMessage.call(op, tag, List.of(values)));
  }

  private static TypedValue<Object> any(String name, Object value) {
    return new TypedValue<>(name, BuildbotTypes.ANY, value);
  }

  @Test
  void callWithoutTag_isRefused() {
    assertThatThrownBy(() -> call("print", null))
        .isInstanceOf(EncodingException.class)
        .hasMessageContaining("without answer");
  }

  @Test
  void tagThatIsNotHex_isRefused() {
    assertThatThrownBy(() -> call("print", "xyz"))
        .isInstanceOf(EncodingException.class)
        .hasMessageContaining("tag 'xyz' is not a seq_number");
    assertThatThrownBy(() -> call("print", "11112222333344445"))
        .isInstanceOf(EncodingException.class);
    assertThatThrownBy(() -> call("print", "-1")).isInstanceOf(EncodingException.class);
  }

  @Test
  void commandNamedResponse_isRefused() {
    assertThatThrownBy(() -> call("response", "1")).hasMessageContaining("marks answers");
  }

  @Test
  void valueNamedLikeTheEnvelope_isRefused() {
    assertThatThrownBy(() -> call("print", "1", new TypedValue<>("op", ValueTypes.UNICODE, "x")))
        .hasMessageContaining("cannot be named 'op'");
    assertThatThrownBy(
            () -> call("print", "1", new TypedValue<>("seq_number", ValueTypes.LONG, 1L)))
        .hasMessageContaining("cannot be named 'seq_number'");
  }

  @Test
  void answerWithOtherValues_isRefused() {
    assertThatThrownBy(
            () ->
                Wire.CODEC.encode(
                    OutboundMessage.answer(
                        "1", List.of(new TypedValue<>("total", ValueTypes.LONG, 3L)))))
        .isInstanceOf(EncodingException.class)
        .hasMessageContaining("one value named 'result'");
  }

  @Test
  void decimal_cannotBeCarried() {
    assertThatThrownBy(
            () ->
                call(
                    "x",
                    "1",
                    new TypedValue<>("d", ValueTypes.BIG_DECIMAL, new java.math.BigDecimal("1.5"))))
        .hasMessageContaining("cannot carry");
  }

  @Test
  void anyWithUnsupportedJavaValues_isRefused() {
    assertThatThrownBy(() -> call("x", "1", any("v", new Object())))
        .hasMessageContaining("has no msgpack form");
    assertThatThrownBy(() -> call("x", "1", any("v", Arrays.asList("a", null))))
        .hasMessageContaining("'v'[1] is null");
    assertThatThrownBy(() -> call("x", "1", any("v", Map.of(1, "a"))))
        .hasMessageContaining("map key must be a String");
    assertThatThrownBy(() -> call("x", "1", any("v", BigInteger.TWO.pow(64))))
        .hasMessageContaining("does not fit in 64 bits");
    assertThatThrownBy(() -> call("x", "1", any("v", "\ud800")))
        .hasMessageContaining("unpaired surrogate");
  }

  @Test
  void limits_areEnforcedWhileEncoding() {
    Limits limits =
        Limits.builder()
            .maxFrameLength(64)
            .maxValueLength(8)
            .maxListLength(2)
            .maxNestingDepth(2)
            .build();
    BuildbotCodec codec = new BuildbotCodec(limits);
    assertThatThrownBy(
            () -> codec.encode(OutboundMessage.call("x", "1", List.of(any("v", "123456789")))))
        .hasMessageContaining("longer than maxValueLength 8");
    assertThatThrownBy(
            () -> codec.encode(OutboundMessage.call("x", "1", List.of(any("v", List.of(1, 2, 3))))))
        .hasMessageContaining("more than maxListLength 2");
    assertThatThrownBy(
            () ->
                codec.encode(
                    OutboundMessage.call("x", "1", List.of(any("v", List.of(List.of(List.of())))))))
        .hasMessageContaining("maxNestingDepth 2");
    List<TypedValue<?>> many = new java.util.ArrayList<>();
    for (int i = 0; i < 10; i++) {
      many.add(any("k" + i, "1234567"));
    }
    assertThatThrownBy(() -> codec.encode(OutboundMessage.call("x", "1", many)))
        .hasMessageContaining("longer than maxFrameLength 64");
  }

  @Test
  void optionalPresent_isItsContent() {
    byte[] a = call("x", "1", any("v", Optional.of("s")));
    byte[] b = call("x", "1", any("v", "s"));
    assertThat(a).isEqualTo(b);
  }

  @Test
  void errorDescriptionWithLoneSurrogate_isStillSent() {
    byte[] bytes = Wire.CODEC.encode(OutboundMessage.error("1", "X", "bad \ud800"));
    assertThat(Wire.decode(bytes).errorDescription()).isEqualTo("bad ?");
  }
}
