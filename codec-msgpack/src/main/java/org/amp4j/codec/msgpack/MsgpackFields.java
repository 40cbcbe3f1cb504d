package org.amp4j.codec.msgpack;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import org.amp4j.value.Fields;
import org.amp4j.value.ValueType;

/**
 * The values of one received message (or one record inside a list), decoded up front into their
 * natural Java form by {@link ValueDecoder}; {@link #get} checks each against the reader's type
 * ({@link TypedValues}). Immutable.
 */
final class MsgpackFields implements Fields {

  private final Map<String, Object> values;

  /**
   * @param values natural values by key, in the order received (nil is null)
   */
  MsgpackFields(Map<String, Object> values) {
    this.values = values;
  }

  @Override
  public Set<String> names() {
    return Collections.unmodifiableSet(values.keySet());
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
    return TypedValues.convert(values.get(name), type);
  }

  /**
   * The natural value: {@code BigInteger}, {@code byte[]} (a copy), {@code String}, {@code
   * Boolean}, {@code Double}, {@code AmpDecimal}, {@code AmpDateTime}, {@code List}, or {@code
   * Map<String, Object>} for a record; null when absent or nil.
   */
  @Override
  public Object raw(String name) {
    Object value = values.get(name);
    return value instanceof byte[] bytes ? bytes.clone() : value;
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("MsgpackFields{");
    values.forEach(
        (k, v) -> {
          if (b.length() > 14) {
            b.append(", ");
          }
          b.append(k).append('=').append(Show.value(v));
        });
    return b.append('}').toString();
  }
}
