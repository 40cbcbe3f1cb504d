package org.amp4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.amp4j.value.ValueType;
import org.junit.jupiter.api.Test;

class UuidsTest {

  private static final UUID ID = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");

  @Test
  void type_isUnicodeText_inEveryCodec() {
    assertThat(Uuids.TYPE.kind()).isEqualTo(ValueType.Kind.UNICODE);
    assertThat(Uuids.TYPE.toWire(ID)).isEqualTo("123e4567-e89b-12d3-a456-426614174000");
    assertThat(Uuids.TYPE.fromWire("123E4567-E89B-12D3-A456-426614174000")).isEqualTo(ID);
    assertThat(Uuids.TYPE.forCodec("json")).isSameAs(Uuids.TYPE);
  }

  @Test
  void parse_malformedText_failsNamingIt() {
    for (String bad :
        new String[] {
          "",
          "1-2-3-4-5",
          "123e4567e89b12d3a456426614174000",
          "123e4567-e89b-12d3-a456-42661417400g"
        }) {
      assertThatThrownBy(() -> Uuids.TYPE.fromWire(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("not a UUID: \"" + bad + "\" (expected 8-4-4-4-12 hexadecimal digits)");
    }
  }

  @Test
  void parse_longText_isShortenedInTheMessage() {
    assertThatThrownBy(() -> Uuids.parse("x".repeat(10_000)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not a UUID: \"" + "x".repeat(60) + "...\"");
  }
}
