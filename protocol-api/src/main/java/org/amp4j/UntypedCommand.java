package org.amp4j;

import java.util.List;
import java.util.Objects;
import org.amp4j.spi.TypedValue;
import org.amp4j.value.RecordSchema;

/**
 * A command given by name with an ordered list of typed arguments, for tools (the CLI, bridges)
 * that have no Java class for it.
 *
 * @param name the wire name
 * @param arguments the arguments
 * @param requiresAnswer false to send without a tag and expect nothing back
 */
public record UntypedCommand(String name, List<TypedValue<?>> arguments, boolean requiresAnswer) {
  /** Validates the parts. */
  public UntypedCommand {
    Objects.requireNonNull(name, "name");
    arguments = List.copyOf(arguments);
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (TypedValue<?> a : arguments) {
      RecordSchema.checkKey(a.name(), name + "." + a.name());
      if (!seen.add(a.name())) {
        throw new DefinitionException(name + "." + a.name() + ": argument given twice");
      }
    }
  }

  /** A command that expects an answer. */
  public static UntypedCommand of(String name, List<TypedValue<?>> arguments) {
    return new UntypedCommand(name, arguments, true);
  }
}
