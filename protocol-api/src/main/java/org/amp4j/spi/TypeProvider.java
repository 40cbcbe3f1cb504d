package org.amp4j.spi;

import org.amp4j.value.TypeRegistry;

/**
 * Registers argument types of a library, so that its users need not: found through {@link
 * java.util.ServiceLoader} from {@code META-INF/services/org.amp4j.spi.TypeProvider} by {@link
 * TypeRegistry#discovered()}, or installed by hand with {@link TypeRegistry.Builder#install}.
 *
 * <pre>{@code
 * public final class ExampleTypes implements TypeProvider {
 *   public void registerTypes(TypeRegistry.Builder builder) {
 *     builder.register(UUID.class, Uuids.TYPE).register(Point.class, Point.TYPE);
 *   }
 * }
 * }</pre>
 *
 * <p>Implementations need a public no-argument constructor. {@link #registerTypes} may be called
 * more than once, on different builders, and should only register types: no I/O, no global state.
 * Two providers found on the class path must not register the same class (which one would win would
 * depend on the class path order); {@link TypeRegistry#discovered()} refuses that.
 */
public interface TypeProvider {

  /**
   * Registers this provider's types with {@link TypeRegistry.Builder#register}.
   *
   * @param builder the builder of the registry being made
   */
  void registerTypes(TypeRegistry.Builder builder);
}
