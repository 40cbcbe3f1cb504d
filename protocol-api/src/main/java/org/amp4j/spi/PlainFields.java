package org.amp4j.spi;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.amp4j.value.Fields;
import org.amp4j.value.ValueType;

/**
 * {@link Fields} over values a self-describing codec decoded up front into plain Java values (a
 * map, in the order received). The codec's {@link Reader} checks each value against the reader's
 * type on {@link #get}. Immutable if the map is.
 */
public final class PlainFields implements Fields {

  /** How a codec turns its plain values into typed ones, and shows them. */
  public interface Reader {

    /**
     * A plain value as a type, resolved for the codec.
     *
     * @throws IllegalArgumentException if it is not a value of the type; the message says what was
     *     expected and what was found
     */
    <T> T read(Object plain, ValueType<T> type);

    /**
     * A plain value in the form {@link Fields#raw} gives tools; by default the value itself, with
     * {@code byte[]} copied.
     */
    default Object natural(Object plain) {
      return plain instanceof byte[] bytes ? bytes.clone() : plain;
    }

    /** A plain value as {@link #toString} shows it. */
    String show(Object plain);
  }

  private final Map<String, Object> values;
  private final Reader reader;

  /**
   * @param values plain values by wire key, in the order received (null where the format carried a
   *     null); not copied
   * @param reader reads them as types
   */
  public PlainFields(Map<String, Object> values, Reader reader) {
    this.values = Objects.requireNonNull(values, "values");
    this.reader = Objects.requireNonNull(reader, "reader");
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
    return reader.read(values.get(name), type);
  }

  @Override
  public <T> T getIfPresent(String name, ValueType<T> type) {
    Object plain = values.get(name);
    return plain == null && !values.containsKey(name) ? null : reader.read(plain, type);
  }

  /** The codec's {@link Reader#natural natural} form of the value; null when absent or null. */
  @Override
  public Object raw(String name) {
    return reader.natural(values.get(name));
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("Fields{");
    String separator = "";
    for (Map.Entry<String, Object> e : values.entrySet()) {
      b.append(separator).append(e.getKey()).append('=').append(reader.show(e.getValue()));
      separator = ", ";
    }
    return b.append('}').toString();
  }
}
