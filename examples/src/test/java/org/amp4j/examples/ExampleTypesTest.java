package org.amp4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.amp4j.DefinitionException;
import org.amp4j.Responders;
import org.amp4j.value.TypeRegistry;
import org.amp4j.value.ValueType;
import org.junit.jupiter.api.Test;

/** The three ways of registering the example types, and what happens without them. */
class ExampleTypesTest {

  @Test
  void discovered_knowsUuidAndPoint_throughServiceLoader() {
    TypeRegistry types = TypeRegistry.discovered();
    assertThat(types.typeOf(UUID.class)).isSameAs(Uuids.TYPE);
    assertThat(types.typeOf(Point.class)).isSameAs(Point.TYPE);
  }

  @Test
  void builder_register_and_install_giveTheSameTypes() {
    // By hand, type by type:
    TypeRegistry byHand =
        TypeRegistry.builder()
            .register(UUID.class, Uuids.TYPE)
            .register(Point.class, Point.TYPE)
            .build();
    // By hand, with a provider that is not (or need not be) in META-INF/services:
    TypeRegistry installed = TypeRegistry.builder().install(new ExampleTypes()).build();

    for (TypeRegistry types : List.of(byHand, installed)) {
      assertThat(types.typeOf(UUID.class)).isSameAs(Uuids.TYPE);
      assertThat(types.typeOf(Point.class)).isSameAs(Point.TYPE);
    }
  }

  @Test
  void move_listOfPoints_isAListOfPointValues_notNestedRecords() {
    ValueType<?> path = TypeRegistry.discovered().schemaOf(Move.class).fields().get(2).type();
    assertThat(path.kind()).isEqualTo(ValueType.Kind.LIST);
    assertThat(path.elementType()).isSameAs(Point.TYPE);
  }

  @Test
  void move_withoutTheExampleTypes_failsWhenDefined() {
    assertThatThrownBy(
            () ->
                Responders.builder(TypeRegistry.standard())
                    .on(Move.class, m -> new Move.Moved(m.id(), m.from(), 0)))
        .isInstanceOf(DefinitionException.class)
        .hasMessageContaining("java.util.UUID");
  }
}
