package org.amp4j.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.amp4j.DefinitionException;
import org.amp4j.spi.TypeProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Public, as is {@link Provider}: {@link java.util.ServiceLoader} creates the provider. */
public class TypeRegistryTest {

  /** A user type: a temperature carried as a float. */
  public record Celsius(double degrees) {
    static final ValueType<Celsius> TYPE =
        ValueTypes.FLOAT.map("celsius", Celsius::new, Celsius::degrees);
  }

  /** Listed in src/test/resources/META-INF/services/org.amp4j.spi.TypeProvider. */
  public static final class Provider implements TypeProvider {
    @Override
    public void registerTypes(TypeRegistry.Builder builder) {
      builder.register(Celsius.class, Celsius.TYPE);
    }
  }

  record Reading(String place, Celsius temperature, List<Celsius> history) {}

  @Test
  void discovered_hasBuiltInsAndTypesOfProvidersOnTheClassPath() {
    TypeRegistry r = TypeRegistry.discovered();
    assertThat(r.typeOf(Celsius.class)).isSameAs(Celsius.TYPE);
    assertThat(r.typeOf(long.class)).isSameAs(ValueTypes.LONG);
    assertThat(r.typeOf(String.class)).isSameAs(ValueTypes.UNICODE);
  }

  @Test
  void discovered_isComputedOnce() {
    assertThat(TypeRegistry.discovered()).isSameAs(TypeRegistry.discovered());
  }

  @Test
  void standard_doesNotLookAtTheClassPath() {
    assertThatThrownBy(() -> TypeRegistry.standard().schemaOf(Reading.class))
        .isInstanceOf(DefinitionException.class)
        .hasMessageContaining("Celsius");
  }

  @Test
  void registeredRecordType_isCarriedAsItsType_notAsNestedRecords() {
    RecordSchema<Reading> schema = TypeRegistry.discovered().schemaOf(Reading.class);
    assertThat(schema.fields().get(1).type()).isSameAs(Celsius.TYPE);
    ValueType<?> history = schema.fields().get(2).type();
    assertThat(history.kind()).isEqualTo(ValueType.Kind.LIST);
    assertThat(history.elementType()).isSameAs(Celsius.TYPE);
  }

  @Test
  void install_registersTheProvidersTypes() {
    TypeRegistry r = TypeRegistry.builder().install(new Provider()).build();
    assertThat(r.typeOf(Celsius.class)).isSameAs(Celsius.TYPE);
  }

  @Test
  void install_providerThatThrows_failsNamingTheProvider() {
    TypeProvider broken =
        b -> {
          throw new IllegalStateException("no config");
        };
    assertThatThrownBy(() -> TypeRegistry.builder().install(broken))
        .isInstanceOf(DefinitionException.class)
        .hasMessageContaining("type provider " + broken.getClass().getName() + " failed")
        .hasMessageContaining("no config")
        .hasCauseInstanceOf(IllegalStateException.class);
  }

  @Test
  void ofProviders_providerThatThrows_failsNamingTheProvider() {
    TypeProvider broken =
        b -> {
          throw new NoClassDefFoundError("com/example/Missing");
        };
    assertThatThrownBy(() -> TypeRegistry.ofProviders(List.of(new Provider(), broken)))
        .isInstanceOf(DefinitionException.class)
        .hasMessageContaining(broken.getClass().getName())
        .hasMessageContaining("com/example/Missing");
  }

  @Test
  void ofProviders_twoProvidersOfOneClass_failsNamingBoth() {
    TypeProvider other =
        b -> b.register(Celsius.class, ValueTypes.UNICODE.map("c", s -> new Celsius(0), c -> ""));
    assertThatThrownBy(() -> TypeRegistry.ofProviders(List.of(new Provider(), other)))
        .isInstanceOf(DefinitionException.class)
        .hasMessageContaining(Celsius.class.getName())
        .hasMessageContaining(Provider.class.getName())
        .hasMessageContaining(other.getClass().getName());
  }

  @Test
  void ofProviders_providersThatReregisterABuiltInUnchanged_doNotConflict() {
    TypeProvider a = b -> b.register(long.class, ValueTypes.LONG);
    TypeProvider c = b -> b.register(long.class, ValueTypes.LONG);
    assertThat(TypeRegistry.ofProviders(List.of(a, c)).typeOf(long.class))
        .isSameAs(ValueTypes.LONG);
  }

  @Test
  void discover_unloadableProvider_failsNamingIt(@TempDir Path dir) throws IOException {
    Path services = dir.resolve("org.amp4j.spi.TypeProvider");
    Files.writeString(services, "com.example.NoSuchProvider\n", StandardCharsets.UTF_8);
    ClassLoader loader =
        new ClassLoader(getClass().getClassLoader()) {
          @Override
          public Enumeration<URL> getResources(String name) throws IOException {
            if (name.equals("META-INF/services/org.amp4j.spi.TypeProvider")) {
              return Collections.enumeration(List.of(services.toUri().toURL()));
            }
            return super.getResources(name);
          }
        };
    assertThatThrownBy(() -> TypeRegistry.discover(loader))
        .isInstanceOf(DefinitionException.class)
        .hasMessageContaining("cannot load a type provider")
        .hasMessageContaining("com.example.NoSuchProvider");
  }

  @Test
  void register_null_fails() {
    assertThatThrownBy(() -> TypeRegistry.builder().register(Celsius.class, null))
        .isInstanceOf(NullPointerException.class);
  }
}
