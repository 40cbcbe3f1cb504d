package org.amp4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.amp4j.value.ValueType;
import org.junit.jupiter.api.Test;

class PointTest {

  @Test
  void forCodec_isAPairInStructuredCodecs_andTextElsewhere() {
    for (String codec : List.of("json", "msgpack", "cbor")) {
      assertThat(Point.TYPE.forCodec(codec).kind()).isEqualTo(ValueType.Kind.LIST);
    }
    for (String codec : List.of("amp", "some-future-codec")) {
      assertThat(Point.TYPE.forCodec(codec).kind()).isEqualTo(ValueType.Kind.UNICODE);
    }
  }

  @Test
  void asText_roundTrips() {
    Point p = new Point(-3, Long.MAX_VALUE);
    assertThat(Point.AS_TEXT.toWire(p)).isEqualTo("-3,9223372036854775807");
    assertThat(Point.AS_TEXT.fromWire("-3,9223372036854775807")).isEqualTo(p);
  }

  @Test
  void asPair_roundTrips() {
    Point p = new Point(3, 4);
    Object wire = Point.AS_PAIR.toWire(p);
    assertThat(wire).isEqualTo(List.of(3L, 4L));
    assertThat(Point.AS_PAIR.fromWire(wire)).isEqualTo(p);
  }

  @Test
  void parse_malformedText_failsNamingIt() {
    for (String bad :
        new String[] {"", "3", "3;4", "3,4,5", "3, 4", "x,4", "3,99999999999999999999"}) {
      assertThatThrownBy(() -> Point.AS_TEXT.fromWire(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("not a point: \"" + bad + "\" (expected \"x,y\", two integers)");
    }
  }

  @Test
  void asPair_wrongLength_fails() {
    assertThatThrownBy(() -> Point.AS_PAIR.fromWire(List.of(1L, 2L, 3L)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("list of 3 integers (expected 2: [x, y])");
  }
}
