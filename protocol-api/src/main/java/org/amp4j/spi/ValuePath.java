package org.amp4j.spi;

import java.util.Objects;

/**
 * Where a value sits in a message, for error messages: {@code 'items'}, {@code 'items'[2]}, {@code
 * 'items'[2].name}. Codecs build it as a cheap chain while they walk a value; it is rendered only
 * when an error is reported. Immutable and thread-safe.
 */
public final class ValuePath {

  private final ValuePath parent;
  private final String key;
  private final int index;

  private ValuePath(ValuePath parent, String key, int index) {
    this.parent = parent;
    this.key = key;
    this.index = index;
  }

  /** The value under a top-level key of a message. */
  public static ValuePath key(String key) {
    return new ValuePath(null, Objects.requireNonNull(key, "key"), -1);
  }

  /** Element {@code i} of the list at this path. */
  public ValuePath element(int i) {
    return new ValuePath(this, null, i);
  }

  /** Field {@code name} of the record at this path. */
  public ValuePath field(String name) {
    return new ValuePath(this, Objects.requireNonNull(name, "name"), -1);
  }

  /** Whether this is a top-level key (not inside a list or record). */
  public boolean isTopLevel() {
    return parent == null;
  }

  /** The path as error messages show it, such as {@code 'items'[2].name}. */
  @Override
  public String toString() {
    if (parent == null) {
      return "'" + key + "'";
    }
    return parent + (key == null ? "[" + index + "]" : "." + key);
  }
}
