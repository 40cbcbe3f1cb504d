package org.amp4j.examples;

import java.util.UUID;
import org.amp4j.spi.TypeProvider;
import org.amp4j.value.TypeRegistry;

/**
 * Registers {@link UUID} ({@link Uuids#TYPE}) and {@link Point} ({@link Point#TYPE}). Listed in
 * {@code META-INF/services/org.amp4j.spi.TypeProvider}, so {@link TypeRegistry#discovered()} knows
 * both types whenever this module is on the class path.
 */
public final class ExampleTypes implements TypeProvider {

  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public ExampleTypes() {}

  @Override
  public void registerTypes(TypeRegistry.Builder builder) {
    builder.register(UUID.class, Uuids.TYPE).register(Point.class, Point.TYPE);
  }
}
