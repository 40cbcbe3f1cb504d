package org.amp4j.codec.json;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The map of a few received values, up to {@link #MAX} keys, in the order received: keys and values
 * side by side in one array, found by comparing keys in turn, which for so few keys costs less than
 * hashing them and makes one object instead of a {@code LinkedHashMap}'s entries. {@link
 * PlainReader} fills it with {@link #add} while it reads the map, then hands it out; from then on
 * it is not changed, and every method that would change it throws {@link
 * UnsupportedOperationException}. Keys are never null; values may be (a null received).
 */
final class FieldMap extends AbstractMap<String, Object> {

  /** The most keys a map of this kind holds; {@link PlainReader} keeps larger maps otherwise. */
  static final int MAX = 8;

  private static final Object[] EMPTY = {};

  private Object[] slots = EMPTY; // key, value, key, value...
  private int size;

  /**
   * Adds a key that the map does not hold yet, while it is being read.
   *
   * @return false, having added nothing, if the map already holds {@link #MAX} keys
   */
  boolean add(String key, Object value) {
    if (size == MAX) {
      return false;
    }
    if (2 * size == slots.length) {
      slots = Arrays.copyOf(slots, Math.max(4, 2 * slots.length));
    }
    slots[2 * size] = key;
    slots[2 * size + 1] = value;
    size++;
    return true;
  }

  private int indexOf(Object key) {
    for (int i = 0; i < 2 * size; i += 2) {
      Object k = slots[i];
      if (k == key || k.equals(key)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean containsKey(Object key) {
    return indexOf(key) >= 0;
  }

  @Override
  public Object get(Object key) {
    int i = indexOf(key);
    return i < 0 ? null : slots[i + 1];
  }

  @Override
  public Set<Map.Entry<String, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return size;
      }

      @Override
      public Iterator<Map.Entry<String, Object>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < 2 * size;
          }

          @Override
          public Map.Entry<String, Object> next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            Map.Entry<String, Object> e =
                new AbstractMap.SimpleImmutableEntry<>((String) slots[next], slots[next + 1]);
            next += 2;
            return e;
          }
        };
      }
    };
  }
}
