package org.amp4j;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Values by tag, for the tags a peer gives its calls: {@link Long#toHexString} of a counter. A tag
 * is kept as its number, so that registering and taking a call costs neither a hash of text nor an
 * entry object. A tag not in that form, which this peer never gave, is in no table ({@link
 * #number}). Not thread-safe.
 *
 * <p>The numbers come from a counter and the calls are mostly answered in about the order they were
 * made, so a number goes in the slot of its low bits ({@code number & (capacity - 1)}): the calls
 * outstanding at one time, a run of numbers, each find their own slot. A number whose slot holds an
 * older call still outstanding goes into a hash map on the side, unless the table is half full or
 * more, which then doubles. It halves once it has stayed under an eighth full for as many removals
 * as it has slots: a table whose calls are all answered at once and then made again (as the answers
 * of one read, and the calls their callers then make) keeps its size instead of halving down and
 * doubling back each time, while one whose load has fallen shrinks, at a cost spread over those
 * removals.
 *
 * @param <V> the values
 */
final class TagTable<V> {

  /** {@link #number} of a tag that is not {@link Long#toHexString} of a number. */
  static final long NOT_A_TAG = -1;

  private static final int MIN_CAPACITY = 16;

  private long[] numbers = new long[MIN_CAPACITY];
  private Object[] values = new Object[MIN_CAPACITY]; // null: a free slot
  private int inSlots;
  // removals in a row that left the table under an eighth full (see remove)
  private int quietRemovals;
  private final Map<Long, V> aside = new HashMap<>(); // numbers whose slot was taken

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
    return inSlots + aside.size();
  }

  /** The value of a tag number, or null. */
  @SuppressWarnings("unchecked")
  V get(long number) {
    if (number < 0) {
      return null;
    }
    int at = slot(number);
    if (values[at] != null && numbers[at] == number) {
      return (V) values[at];
    }
    return aside.isEmpty() ? null : aside.get(number);
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
    int at = slot(number);
    if (values[at] != null && numbers[at] == number) {
      values[at] = value;
    } else if (!aside.isEmpty() && aside.containsKey(number)) {
      aside.put(number, value);
    } else if (values[at] == null) {
      numbers[at] = number;
      values[at] = value;
      inSlots++;
    } else if (size() * 2 >= values.length) {
      resize(values.length * 2);
      put(number, value);
    } else {
      aside.put(number, value);
    }
  }

  /** Takes out the value of a tag number; null if there is none. */
  @SuppressWarnings("unchecked")
  V remove(long number) {
    if (number < 0) {
      return null;
    }
    int at = slot(number);
    V value;
    if (values[at] != null && numbers[at] == number) {
      value = (V) values[at];
      values[at] = null;
      inSlots--;
    } else {
      value = aside.isEmpty() ? null : aside.remove(number);
    }
    if (value != null) {
      if (size() * 8 >= values.length || values.length == MIN_CAPACITY) {
        quietRemovals = 0;
      } else if (++quietRemovals >= values.length) {
        resize(values.length / 2);
      }
    }
    return value;
  }

  /** The values, in no particular order. */
  @SuppressWarnings("unchecked")
  List<V> values() {
    List<V> out = new ArrayList<>(size());
    for (Object v : values) {
      if (v != null) {
        out.add((V) v);
      }
    }
    out.addAll(aside.values());
    return out;
  }

  /** How many slots the table has; for tests. */
  int capacity() {
    return values.length;
  }

  private void resize(int capacity) {
    long[] oldNumbers = numbers;
    Object[] oldValues = values;
    Map<Long, V> oldAside = aside.isEmpty() ? Map.of() : new HashMap<>(aside);
    numbers = new long[capacity];
    values = new Object[capacity];
    inSlots = 0;
    quietRemovals = 0;
    aside.clear();
    for (int i = 0; i < oldValues.length; i++) {
      if (oldValues[i] != null) {
        @SuppressWarnings("unchecked")
        V v = (V) oldValues[i];
        place(oldNumbers[i], v);
      }
    }
    oldAside.forEach(this::place);
  }

  /** Puts a number not in the table into its slot, or aside if the slot is taken. */
  private void place(long number, V value) {
    int at = slot(number);
    if (values[at] == null) {
      numbers[at] = number;
      values[at] = value;
      inSlots++;
    } else {
      aside.put(number, value);
    }
  }

  private int slot(long number) {
    return (int) number & (values.length - 1);
  }
}
