package org.amp4j;

import java.util.ArrayList;
import java.util.List;

/**
 * Values by tag, for the tags a peer gives its calls: {@link Long#toHexString} of a counter. A tag
 * is kept as its number, in a table of open addressing (linear probing, at most half full), so that
 * registering and taking a call costs neither a hash of text nor an entry object. A tag not in that
 * form, which this peer never gave, is in no table ({@link #number}). Not thread-safe.
 *
 * @param <V> the values
 */
final class TagTable<V> {

  /** {@link #number} of a tag that is not {@link Long#toHexString} of a number. */
  static final long NOT_A_TAG = -1;

  private static final int MIN_CAPACITY = 16;

  private long[] numbers = new long[MIN_CAPACITY];
  private Object[] values = new Object[MIN_CAPACITY]; // null: a free slot
  private int size;

  /**
   * The number whose {@link Long#toHexString} a tag is, or {@link #NOT_A_TAG}: for text of 1 to 16
   * lowercase hex digits without a leading zero ({@code "0"} itself is the tag of 0). Numbers given
   * as tags are positive, so a negative number (16 digits from {@code 8}) is never a tag.
   */
  static long number(String tag) {
    int n = tag.length();
    if (n == 0 || n > 16 || (n > 1 && tag.charAt(0) == '0')) {
      return NOT_A_TAG;
    }
    long v = 0;
    for (int i = 0; i < n; i++) {
      char c = tag.charAt(i);
      int d;
      if (c >= '0' && c <= '9') {
        d = c - '0';
      } else if (c >= 'a' && c <= 'f') {
        d = c - 'a' + 10;
      } else {
        return NOT_A_TAG;
      }
      v = v << 4 | d;
    }
    return v < 0 ? NOT_A_TAG : v;
  }

  int size() {
    return size;
  }

  /** The value of a tag number, or null. */
  @SuppressWarnings("unchecked")
  V get(long number) {
    if (number < 0) {
      return null;
    }
    int at = find(number);
    return at < 0 ? null : (V) values[at];
  }

  /**
   * Puts a value under a tag number, replacing any.
   *
   * @param number a tag number, not negative
   */
  void put(long number, V value) {
    if (number < 0 || value == null) {
      throw new IllegalArgumentException("a tag number and a value are needed: " + number);
    }
    int mask = values.length - 1;
    for (int at = slot(number, mask); ; at = (at + 1) & mask) {
      if (values[at] == null) {
        numbers[at] = number;
        values[at] = value;
        if (++size * 2 > values.length) {
          resize(values.length * 2);
        }
        return;
      }
      if (numbers[at] == number) {
        values[at] = value;
        return;
      }
    }
  }

  /** Takes out the value of a tag number; null if there is none. */
  @SuppressWarnings("unchecked")
  V remove(long number) {
    if (number < 0) {
      return null;
    }
    int at = find(number);
    if (at < 0) {
      return null;
    }
    V value = (V) values[at];
    free(at);
    if (--size * 8 < values.length && values.length > MIN_CAPACITY) {
      resize(values.length / 2);
    }
    return value;
  }

  /** The values, in no particular order. */
  @SuppressWarnings("unchecked")
  List<V> values() {
    List<V> out = new ArrayList<>(size);
    for (Object v : values) {
      if (v != null) {
        out.add((V) v);
      }
    }
    return out;
  }

  private int find(long number) {
    int mask = values.length - 1;
    for (int at = slot(number, mask); values[at] != null; at = (at + 1) & mask) {
      if (numbers[at] == number) {
        return at;
      }
    }
    return -1;
  }

  /**
   * Frees a slot, moving back the entries after it that would otherwise no longer be found (their
   * probe passed through it), so that no marker of a removed entry is needed.
   */
  private void free(int at) {
    int mask = values.length - 1;
    int hole = at;
    for (int next = (hole + 1) & mask; values[next] != null; next = (next + 1) & mask) {
      int home = slot(numbers[next], mask);
      // the entry at next may fill the hole if its home is not after the hole on its way to next
      boolean mayMove =
          hole <= next ? (home <= hole || home > next) : (home <= hole && home > next);
      if (mayMove) {
        numbers[hole] = numbers[next];
        values[hole] = values[next];
        hole = next;
      }
    }
    values[hole] = null;
  }

  private void resize(int capacity) {
    long[] oldNumbers = numbers;
    Object[] oldValues = values;
    numbers = new long[capacity];
    values = new Object[capacity];
    int mask = capacity - 1;
    for (int i = 0; i < oldValues.length; i++) {
      if (oldValues[i] != null) {
        int at = slot(oldNumbers[i], mask);
        while (values[at] != null) {
          at = (at + 1) & mask;
        }
        numbers[at] = oldNumbers[i];
        values[at] = oldValues[i];
      }
    }
  }

  /** Where a number's probe starts: tags count up, so their low bits spread them already. */
  private static int slot(long number, int mask) {
    return (int) number & mask;
  }
}
