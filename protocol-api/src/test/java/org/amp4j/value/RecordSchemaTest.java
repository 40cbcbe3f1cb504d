package org.amp4j.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.amp4j.Field;
import org.junit.jupiter.api.Test;

/** Reading and creating records through a schema: accessors and the canonical constructor. */
class RecordSchemaTest {

  // not public: the schema reaches its accessors and constructor all the same
  record Pair(long a, @Field(name = "second", optional = true) String b) {}

  record Positive(long n) {
    Positive {
      if (n < 0) {
        throw new IllegalArgumentException("negative: " + n);
      }
    }
  }

  record Grumpy(long n) {
    @Override
    public long n() {
      throw new UnsupportedOperationException("no");
    }
  }

  private static <R> RecordSchema<R> schema(Class<R> type) {
    return TypeRegistry.standard().schemaOf(type);
  }

  @Test
  void get_readsEachFieldByPositionAndBySpec() {
    RecordSchema<Pair> schema = schema(Pair.class);
    Pair p = new Pair(7, "x");

    assertThat(schema.get(p, 0)).isEqualTo(7L);
    assertThat(schema.get(p, 1)).isEqualTo("x");
    assertThat(schema.get(p, schema.fields().get(1))).isEqualTo("x");
    assertThat(schema.get(new Pair(1, null), 1)).isNull();
  }

  @Test
  void create_callsTheCanonicalConstructor() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("a", 3L);
    assertThat(schema(Pair.class).create(values)).isEqualTo(new Pair(3, null));
    values.put("second", "y");
    assertThat(schema(Pair.class).create(values)).isEqualTo(new Pair(3, "y"));
  }

  @Test
  void create_whenTheConstructorRejects_failsNamingTheRecordAndItsReason() {
    assertThatThrownBy(() -> schema(Positive.class).create(Map.of("n", -1L)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Positive: rejected by its constructor: negative: -1")
        .hasCauseInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void create_withoutARequiredField_fails() {
    assertThatThrownBy(() -> schema(Pair.class).create(Map.of("second", "y")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Pair.a: required field is missing");
  }

  @Test
  void get_whenTheAccessorThrows_failsNamingTheField() {
    assertThatThrownBy(() -> schema(Grumpy.class).get(new Grumpy(1), 0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Grumpy.n accessor failed")
        .hasCauseInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void get_ofAnotherClassOrAFieldOfAnotherSchema_fails() {
    RecordSchema raw = schema(Pair.class);
    assertThatThrownBy(() -> raw.get(new Positive(1), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a " + Pair.class.getName());
    RecordSchema.FieldSpec other = schema(Positive.class).fields().get(0);
    assertThatThrownBy(() -> schema(Pair.class).get(new Pair(1, null), other))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a field of Pair");
  }

  @Test
  void get_takesAnEqualFieldSpec_andADynamicSchemaReadsByName() {
    RecordSchema<Pair> schema = schema(Pair.class);
    RecordSchema.FieldSpec a = schema.fields().get(0);
    RecordSchema.FieldSpec copy =
        new RecordSchema.FieldSpec(a.name(), a.type(), a.optional(), a.component());
    assertThat(schema.get(new Pair(9, null), copy)).isEqualTo(9L);

    RecordSchema<Map<String, Object>> dynamic =
        RecordSchema.dynamic(
            "D", java.util.List.of(new RecordSchema.FieldSpec("n", ValueTypes.LONG, false, null)));
    assertThat(
            dynamic.get(
                Map.of("n", 4L), new RecordSchema.FieldSpec("n", ValueTypes.LONG, false, null)))
        .isEqualTo(4L);
  }

  @Test
  void components_areReadByGeneratedCode_evenOfRecordsThatAreNotPublic() {
    assertThat(schema(Pair.class).readsByReflection()).isFalse();
    assertThat(schema(Grumpy.class).readsByReflection()).isFalse();
    assertThat(schema(Pair.class).get(new Pair(3, "z"), 1)).isEqualTo("z");
  }

  @Test
  void theReflectiveReader_givesWhatTheAccessorThrows_asItIs() throws Exception {
    java.lang.reflect.Method n = Grumpy.class.getDeclaredMethod("n");
    n.setAccessible(true);
    assertThatThrownBy(() -> RecordSchema.reflective(n).apply(new Grumpy(1)))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage("no");
    java.lang.reflect.Method a = Pair.class.getDeclaredMethod("a");
    a.setAccessible(true);
    assertThat(RecordSchema.reflective(a).apply(new Pair(7, null))).isEqualTo(7L);
  }
}
