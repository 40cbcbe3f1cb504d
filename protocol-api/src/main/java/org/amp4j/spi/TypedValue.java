package org.amp4j.spi;

import java.util.Objects;
import org.amp4j.value.ValueType;

/**
 * One value to send: its wire key, its type and the Java value.
 *
 * @param name the wire key
 * @param type the value type
 * @param value the value, not null
 * @param <T> the Java type
 */
public record TypedValue<T>(String name, ValueType<T> type, T value) {
  /** Validates the parts. */
  public TypedValue {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
  }

  /** The wire form of the value. */
  public Object wireValue() {
    return type.toWire(value);
  }
}
