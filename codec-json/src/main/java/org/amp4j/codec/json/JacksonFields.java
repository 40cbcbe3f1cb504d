package org.amp4j.codec.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.amp4j.value.Fields;
import org.amp4j.value.ValueType;

/**
 * The values of one received message (or one record in a list of records) as plain values, checked
 * against the reader's type on each {@link #get} ({@link ValueReader}). Immutable.
 */
final class JacksonFields implements Fields {

  private final Map<String, Object> values;
  private final ValueReader reader;

  /**
   * @param values plain values by key, in the order received (unmodifiable)
   * @param reader reads them as types
   */
  JacksonFields(Map<String, Object> values, ValueReader reader) {
    this.values = values;
    this.reader = reader;
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

  /**
   * The natural value: {@code String}, {@code Boolean}, {@code BigInteger} (an integer), {@code
   * BigDecimal} (a JSON number with a fraction or exponent, exactly as written), {@code Double} (a
   * native float), {@code byte[]} (native bytes, a copy), {@code List}, or {@code Map<String,
   * Object>} for a record; null when absent or null. Bytes, float specials and date-times that JSON
   * carries as text are text.
   */
  @Override
  public Object raw(String name) {
    return natural(values.get(name));
  }

  private static Object natural(Object plain) {
    if (plain instanceof JsonNumber n) {
      try {
        return n.integral() ? new BigInteger(n.text()) : new BigDecimal(n.text());
      } catch (NumberFormatException e) {
        return n.text(); // an exponent beyond BigDecimal's range
      }
    }
    if (plain instanceof byte[] b) {
      return b.clone();
    }
    if (plain instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object o : l) {
        out.add(natural(o));
      }
      return Collections.unmodifiableList(out);
    }
    if (plain instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put((String) k, natural(v)));
      return Collections.unmodifiableMap(out);
    }
    return plain;
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("Fields{");
    values.forEach(
        (k, v) -> b.append(b.length() > 7 ? ", " : "").append(k).append('=').append(Texts.show(v)));
    return b.append('}').toString();
  }
}
