package org.amp4j.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.amp4j.Field;
import org.junit.jupiter.api.Test;

/** Reading a record from fields, through the default {@code getIfPresent} and an override. */
class FieldsTest {

  record Pair(long a, @Field(name = "second", optional = true) String b) {}

  /** Fields over a map, with only the methods an implementation must have. */
  private static class MapFields implements Fields {
    private final Map<String, Object> values;

    MapFields(Map<String, Object> values) {
      this.values = values;
    }

    @Override
    public Set<String> names() {
      return values.keySet();
    }

    @Override
    public boolean contains(String name) {
      return values.containsKey(name);
    }

    @Override
    public <T> T get(String name, ValueType<T> type) {
      if (!values.containsKey(name)) {
        throw new IllegalArgumentException("'" + name + "' is missing");
      }
      Object v = values.get(name);
      try {
        return type.fromWire(v);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("expected " + type.name() + ", found " + v, e);
      }
    }

    @Override
    public Object raw(String name) {
      return values.get(name);
    }
  }

  /** The same, reading each value with one lookup, as codecs do. */
  private static final class OneLookupFields extends MapFields {
    OneLookupFields(Map<String, Object> values) {
      super(values);
    }

    @Override
    public <T> T getIfPresent(String name, ValueType<T> type) {
      Object v = raw(name);
      return v == null ? null : get(name, type);
    }
  }

  private static final RecordSchema<Pair> PAIR = TypeRegistry.standard().schemaOf(Pair.class);

  @Test
  void getIfPresent_byDefault_isNullForAnAbsentKey_andGetOtherwise() {
    Fields f = new MapFields(Map.of("a", java.math.BigInteger.valueOf(7)));
    assertThat(f.getIfPresent("a", ValueTypes.LONG)).isEqualTo(7L);
    assertThat(f.getIfPresent("b", ValueTypes.LONG)).isNull();
    assertThatThrownBy(() -> f.getIfPresent("a", ValueTypes.UNICODE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("expected unicode");
  }

  @Test
  void read_fillsPresentFields_leavesAbsentOptionalOnesNull_andNamesWhatIsWrong() {
    for (boolean override : new boolean[] {false, true}) {
      java.util.function.Function<Map<String, Object>, Fields> make =
          override ? OneLookupFields::new : MapFields::new;
      assertThat(make.apply(Map.of("a", java.math.BigInteger.valueOf(7), "second", "x")).read(PAIR))
          .isEqualTo(new Pair(7, "x"));
      assertThat(make.apply(Map.of("a", java.math.BigInteger.valueOf(7))).read(PAIR))
          .isEqualTo(new Pair(7, null));
      assertThatThrownBy(() -> make.apply(Map.of("second", "x")).read(PAIR))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("Pair.a: required integer(long) is missing");
      assertThatThrownBy(() -> make.apply(Map.of("a", "seven")).read(PAIR))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("Pair.a: expected integer(long), found seven");
    }
  }
}
