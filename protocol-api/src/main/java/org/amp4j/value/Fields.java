package org.amp4j.value;

import java.util.List;
import java.util.Set;

/**
 * The values of one received message (or one nested record), as a codec decoded them, read by wire
 * key with a type chosen by the reader.
 *
 * <p>A codec whose wire format carries no types (AMP) converts the raw form only when {@link #get}
 * names the type; a self-describing one (JSON, msgpack) checks the carried type against it.
 */
public interface Fields {

  /** The wire keys present, in the order received. */
  Set<String> names();

  /** Whether a key is present. */
  boolean contains(String name);

  /**
   * The value under a key, converted to a type.
   *
   * @throws IllegalArgumentException if the key is absent or the value is not of that type; the
   *     message says what was expected and what was found
   */
  <T> T get(String name, ValueType<T> type);

  /**
   * The value under a key converted to a type, or null when the key is absent: what {@link
   * #contains} then {@link #get} give, which an implementation may do with one lookup.
   *
   * @throws IllegalArgumentException if the value is not of that type
   */
  default <T> T getIfPresent(String name, ValueType<T> type) {
    return contains(name) ? get(name, type) : null;
  }

  /**
   * The value under a key in the codec's own untyped form, for tools with no schema: the raw bytes
   * for AMP, the natural Java value for self-describing codecs. Null when absent.
   */
  Object raw(String name);

  /**
   * Reads a record from these fields.
   *
   * @throws IllegalArgumentException naming the field that is missing or malformed
   */
  default <R> R read(RecordSchema<R> schema) {
    List<RecordSchema.FieldSpec> fields = schema.fields();
    Object[] values = new Object[fields.size()];
    for (int i = 0; i < values.length; i++) {
      RecordSchema.FieldSpec f = fields.get(i);
      try {
        values[i] = getIfPresent(f.name(), f.type());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            schema.name() + "." + f.name() + ": " + e.getMessage(), e);
      }
      if (values[i] == null && !f.optional()) {
        throw new IllegalArgumentException(
            schema.name() + "." + f.name() + ": required " + f.type().name() + " is missing");
      }
    }
    return schema.create(values);
  }
}
