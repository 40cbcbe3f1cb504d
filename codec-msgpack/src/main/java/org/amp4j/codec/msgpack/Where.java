package org.amp4j.codec.msgpack;

/**
 * Where a value sits in a message, for error messages: {@code 'items'}, {@code 'items'[2]}, {@code
 * 'items'[2].name}. Built as a cheap chain; rendered only when an error is reported.
 */
final class Where {

  private final Where parent;
  private final String key;
  private final int index;

  private Where(Where parent, String key, int index) {
    this.parent = parent;
    this.key = key;
    this.index = index;
  }

  /** A top-level key. */
  static Where key(String key) {
    return new Where(null, key, -1);
  }

  /** Element {@code i} of this list. */
  Where element(int i) {
    return new Where(this, null, i);
  }

  /** Field {@code name} of this record. */
  Where field(String name) {
    return new Where(this, name, -1);
  }

  @Override
  public String toString() {
    if (parent == null) {
      return "'" + key + "'";
    }
    return parent + (key == null ? "[" + index + "]" : "." + key);
  }
}
