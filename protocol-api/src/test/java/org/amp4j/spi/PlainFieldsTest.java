package org.amp4j.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.amp4j.value.ValueType;
import org.amp4j.value.ValueTypes;
import org.junit.jupiter.api.Test;

class PlainFieldsTest {

  /** Reads text only; shows values in angle brackets. */
  private static final PlainFields.Reader TEXT =
      new PlainFields.Reader() {
        @Override
        public <T> T read(Object plain, ValueType<T> type) {
          if (!(plain instanceof String)) {
            throw new IllegalArgumentException("expected " + type.name() + ", got " + plain);
          }
          return type.fromWire(plain);
        }

        @Override
        public String show(Object plain) {
          return "<" + plain + ">";
        }
      };

  private static PlainFields fields() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("s", "x");
    values.put("b", new byte[] {1});
    values.put("n", null);
    return new PlainFields(values, TEXT);
  }

  @Test
  void get_readsThroughTheReader_andNamesAMissingKey() {
    PlainFields f = fields();
    assertThat(f.names()).containsExactly("s", "b", "n");
    assertThat(f.contains("n")).isTrue();
    assertThat(f.get("s", ValueTypes.UNICODE)).isEqualTo("x");
    assertThatThrownBy(() -> f.get("zz", ValueTypes.UNICODE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'zz' is missing");
    assertThatThrownBy(() -> f.get("b", ValueTypes.UNICODE))
        .hasMessageStartingWith("expected unicode");
  }

  @Test
  void getIfPresent_isNullOnlyForAnAbsentKey_andAPresentNullStillGoesToTheReader() {
    PlainFields f = fields();
    assertThat(f.getIfPresent("s", ValueTypes.UNICODE)).isEqualTo("x");
    assertThat(f.getIfPresent("zz", ValueTypes.UNICODE)).isNull();
    assertThatThrownBy(() -> f.getIfPresent("n", ValueTypes.UNICODE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected unicode, got null");
    assertThatThrownBy(() -> f.getIfPresent("b", ValueTypes.UNICODE))
        .hasMessageStartingWith("expected unicode");
  }

  @Test
  void raw_copiesBytes_byDefault() {
    PlainFields f = fields();
    ((byte[]) f.raw("b"))[0] = 9;
    assertThat(f.raw("b")).isEqualTo(new byte[] {1});
    assertThat(f.raw("n")).isNull();
    assertThat(f.raw("zz")).isNull();
  }

  @Test
  void toString_showsEachValueByTheReader() {
    assertThat(new PlainFields(Map.of("s", "x"), TEXT)).hasToString("Fields{s=<x>}");
  }
}
