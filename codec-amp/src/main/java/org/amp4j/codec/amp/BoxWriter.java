package org.amp4j.codec.amp;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import org.amp4j.EncodingException;
import org.amp4j.Limits;
import org.amp4j.spi.ValuePath;

/**
 * Collects the pairs of one box to write and serializes them sorted by key as unsigned bytes, as
 * Twisted does (spec 2.3), followed by the {@code 0x0000} terminator. Checks every key (1..255
 * bytes, no duplicates) and value (at most the value limit) as it is added, and keeps the exact
 * serialized length, so that the box is written into an array of exactly its size. Not thread-safe.
 *
 * <p>The pairs sit in arrays, position by position. Up to {@value #SORTED_LIMIT} pairs, as most
 * boxes have, are kept sorted as they are added, each new key finding its place (and any equal key)
 * by a scan. Beyond that, a pair is appended, a hash set of the keys catches repeats, and the pairs
 * are sorted once when written, so that a box of thousands of pairs costs no quadratic time.
 *
 * <p>An integer value of a machine integer type ({@link #addInteger}) is kept as a {@code long} and
 * its digits are written straight into the box. A message's writer is the calling thread's own
 * ({@link #forMessage}), emptied and handed back after each message ({@link #release}), so that a
 * message allocates no arrays besides its output; the writers of nested records are new.
 *
 * <p>A box writer that splits values (the {@code amp.split-values} extension) writes a value longer
 * than 65,535 bytes as consecutive pairs with the same key, each carrying the next part of at most
 * 65,535 bytes:
 *
 * <pre>
 * key "blob", 70,000 bytes  =>  00 04 "blob" ff ff [bytes 0..65534]
 *                               00 04 "blob" 11 71 [bytes 65535..69999]
 * </pre>
 */
final class BoxWriter {

  /** The most pairs kept sorted as they are added. */
  static final int SORTED_LIMIT = 16;

  /** The most pairs a thread's writer keeps room for between messages. */
  static final int KEPT_PAIRS = 64;

  private static final ThreadLocal<BoxWriter> PER_THREAD =
      ThreadLocal.withInitial(() -> new BoxWriter(0, false, SORTED_LIMIT));

  private int maxValueLength;
  private boolean splitValues;
  private ByteKey[] keys;
  // byte[], or a String of chars up to U+00FF (addLatin1), or null where numbers[position] is
  private Object[] values;
  private long[] numbers; // the integer values (addInteger), made at the first one
  private int size;
  private Set<ByteKey> seen; // the keys, once there are more than SORTED_LIMIT
  private long length = 2; // the terminator
  private boolean inUse; // a thread's writer, between forMessage and release

  /**
   * @param maxValueLength the longest value allowed
   * @param splitValues whether values longer than 65,535 bytes are split over repeated keys;
   *     otherwise such values are refused
   * @param expectedPairs how many pairs the box will likely have (room is made for more if needed)
   */
  BoxWriter(int maxValueLength, boolean splitValues, int expectedPairs) {
    this.maxValueLength = maxValueLength;
    this.splitValues = splitValues;
    int capacity = Math.max(1, expectedPairs);
    this.keys = new ByteKey[capacity];
    this.values = new Object[capacity];
  }

  /**
   * The calling thread's writer, empty and set up for one message, or a new one if the thread's is
   * in use (a message encoded while another is). Hand it back with {@link #release}.
   *
   * @param maxValueLength the longest value allowed
   * @param splitValues whether values longer than 65,535 bytes are split over repeated keys
   */
  static BoxWriter forMessage(int maxValueLength, boolean splitValues) {
    BoxWriter writer = PER_THREAD.get();
    if (writer.inUse) {
      return new BoxWriter(maxValueLength, splitValues, SORTED_LIMIT);
    }
    writer.inUse = true;
    writer.maxValueLength = maxValueLength;
    writer.splitValues = splitValues;
    return writer;
  }

  /**
   * Empties this writer for its thread's next message: forgets the values (so that it holds on to
   * none of them) and any room beyond {@link #KEPT_PAIRS} pairs.
   */
  void release() {
    if (keys.length > KEPT_PAIRS) {
      keys = new ByteKey[SORTED_LIMIT];
      values = new Object[SORTED_LIMIT];
      numbers = null;
    } else {
      Arrays.fill(keys, 0, size, null);
      Arrays.fill(values, 0, size, null);
    }
    size = 0;
    seen = null;
    length = 2;
    inUse = false;
  }

  /**
   * Adds a pair.
   *
   * @param where the value's position, for messages
   * @param key the key
   * @param value the value
   * @throws EncodingException if the key is empty, longer than 255 bytes or repeated, or the value
   *     is longer than the limit
   */
  void add(ValuePath where, ByteKey key, byte[] value) {
    checkKey(where, key);
    if (value.length > maxValueLength
        || (!splitValues && value.length > Limits.AMP_MAX_VALUE_LENGTH)) {
      throw tooLong(where, value.length, false, maxValueLength);
    }
    int at = place(where, key);
    values[at] = value;
    length += (4L + key.length()) * parts(value.length) + value.length;
  }

  /**
   * Adds a pair whose value is text of chars up to U+00FF, one byte per char (ISO-8859-1, as tags
   * are), written straight into the box rather than into an array of its own first.
   *
   * @param where the value's position, for messages
   * @param key the key
   * @param text the value; the caller has checked that no char is above U+00FF
   * @throws EncodingException if the key is empty, longer than 255 bytes or repeated, or the value
   *     is longer than the limit
   */
  void addLatin1(ValuePath where, ByteKey key, String text) {
    int n = text.length();
    if (n > Limits.AMP_MAX_VALUE_LENGTH) {
      add(where, key, text.getBytes(StandardCharsets.ISO_8859_1)); // split or refused there
      return;
    }
    checkKey(where, key);
    if (n > maxValueLength) {
      throw tooLong(where, n, false, maxValueLength);
    }
    int at = place(where, key);
    values[at] = text;
    length += 4L + key.length() + n;
  }

  /**
   * Adds a pair whose value is the text of an integer ({@link IntegerText}), written straight into
   * the box.
   *
   * @param where the value's position, for messages
   * @param key the key
   * @param value the integer
   * @param textLength {@link IntegerText#length} of the integer, which the caller has checked
   *     against the value limits
   * @throws EncodingException if the key is empty, longer than 255 bytes or repeated
   */
  void addInteger(ValuePath where, ByteKey key, long value, int textLength) {
    checkKey(where, key);
    int at = place(where, key);
    if (numbers == null) {
      numbers = new long[keys.length];
    }
    values[at] = null;
    numbers[at] = value;
    length += 4L + key.length() + textLength;
  }

  /** Checks that a key is 1 to 255 bytes. */
  private static void checkKey(ValuePath where, ByteKey key) {
    if (key.length() == 0) {
      throw new EncodingException(
          "key of value " + where + " is empty, which would end the box early");
    }
    if (key.length() > BoxParser.MAX_KEY_LENGTH) {
      throw new EncodingException(
          "key of value "
              + where
              + " is "
              + key.length()
              + " bytes, longer than "
              + BoxParser.MAX_KEY_LENGTH);
    }
  }

  /**
   * Makes room for a pair at its key's place, moving the pairs after it.
   *
   * @return the position of the new pair, whose key is set
   * @throws EncodingException if the key is in the box already
   */
  private int place(ValuePath where, ByteKey key) {
    int at = size < SORTED_LIMIT ? sortedPosition(where, key) : lastPosition(where, key);
    if (size == keys.length) {
      keys = Arrays.copyOf(keys, size * 2);
      values = Arrays.copyOf(values, size * 2);
      if (numbers != null) {
        numbers = Arrays.copyOf(numbers, size * 2);
      }
    }
    if (at < size) {
      System.arraycopy(keys, at, keys, at + 1, size - at);
      System.arraycopy(values, at, values, at + 1, size - at);
      if (numbers != null) {
        System.arraycopy(numbers, at, numbers, at + 1, size - at);
      }
    }
    keys[at] = key;
    size++;
    return at;
  }

  /** Where a key goes among the sorted keys; throws if it is there already. */
  private int sortedPosition(ValuePath where, ByteKey key) {
    int at = size;
    int order = 1;
    while (at > 0 && (order = keys[at - 1].compareTo(key)) > 0) {
      at--;
    }
    if (order == 0) {
      throw repeated(where);
    }
    return at;
  }

  /** The end, for a key added beyond {@link #SORTED_LIMIT}; throws if it is there already. */
  private int lastPosition(ValuePath where, ByteKey key) {
    if (seen == null) {
      seen = new HashSet<>(Arrays.asList(keys).subList(0, size));
    }
    if (!seen.add(key)) {
      throw repeated(where);
    }
    return size;
  }

  /** The error for a repeated key (strict UTF-8 gives different names different keys). */
  private static EncodingException repeated(ValuePath where) {
    return new EncodingException(
        "value " + where + " repeats a key already in the box: two values have that name");
  }

  /**
   * The error for a value that is too long: over {@code maxValueLength}, or over what one AMP value
   * carries (65,535 bytes).
   *
   * @param where the value
   * @param length its length, or a lower bound of it
   * @param atLeast whether {@code length} is a lower bound
   * @param maxValueLength the configured limit
   */
  static EncodingException tooLong(
      ValuePath where, long length, boolean atLeast, int maxValueLength) {
    String is = "value " + where + " is " + (atLeast ? "at least " : "") + length + " bytes";
    if (length > maxValueLength) {
      return new EncodingException(is + ", longer than maxValueLength " + maxValueLength);
    }
    if (where.isTopLevel()) {
      return new EncodingException(
          is
              + ", but plain AMP carries at most 65,535 bytes per value"
              + " and the peer did not negotiate amp.split-values");
    }
    return new EncodingException(
        is
            + ", but AMP carries at most 65,535 bytes in a list element or a record field"
            + " (amp.split-values splits only top-level values)");
  }

  /** The serialized length, terminator included. */
  long length() {
    return length;
  }

  /** The serialized box: the sorted pairs and the terminator. */
  byte[] toByteArray() {
    byte[] out = new byte[Math.toIntExact(length)];
    writeTo(out, 0);
    return out;
  }

  /**
   * Writes the sorted pairs and the terminator.
   *
   * @param out where to write, with room for {@link #length()} bytes from {@code at}
   * @param at where the box starts
   * @return where the box ends
   */
  int writeTo(byte[] out, int at) {
    if (seen != null) {
      sort();
    }
    for (int i = 0; i < size; i++) {
      byte[] key = keys[i].bytes();
      Object v = values[i];
      if (v instanceof String text) {
        int n = text.length();
        at = writeU16(out, at, key.length);
        System.arraycopy(key, 0, out, at, key.length);
        at = writeU16(out, at + key.length, n);
        for (int j = 0; j < n; j++) {
          out[at + j] = (byte) text.charAt(j);
        }
        at += n;
        continue;
      }
      byte[] value = (byte[]) v;
      if (value == null) {
        long number = numbers[i];
        at = writeU16(out, at, key.length);
        System.arraycopy(key, 0, out, at, key.length);
        int textLength = IntegerText.length(number, Integer.MAX_VALUE);
        at = writeU16(out, at + key.length, textLength) + textLength;
        IntegerText.write(number, out, at);
        continue;
      }
      int from = 0;
      do {
        int n = Math.min(value.length - from, Limits.AMP_MAX_VALUE_LENGTH);
        at = writeU16(out, at, key.length);
        System.arraycopy(key, 0, out, at, key.length);
        at = writeU16(out, at + key.length, n);
        System.arraycopy(value, from, out, at, n);
        at += n;
        from += n;
      } while (from < value.length);
    }
    return writeU16(out, at, 0);
  }

  /** Sorts pairs added beyond {@link #SORTED_LIMIT}, which came unsorted. */
  private void sort() {
    Integer[] order = new Integer[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparing(i -> keys[i]));
    ByteKey[] sortedKeys = new ByteKey[keys.length];
    Object[] sortedValues = new Object[values.length];
    long[] sortedNumbers = numbers == null ? null : new long[numbers.length];
    for (int i = 0; i < size; i++) {
      sortedKeys[i] = keys[order[i]];
      sortedValues[i] = values[order[i]];
      if (numbers != null) {
        sortedNumbers[i] = numbers[order[i]];
      }
    }
    keys = sortedKeys;
    values = sortedValues;
    numbers = sortedNumbers;
  }

  private static int writeU16(byte[] out, int at, int value) {
    out[at] = (byte) (value >>> 8);
    out[at + 1] = (byte) value;
    return at + 2;
  }

  /** How many pairs a value of this length is written as. */
  private static int parts(int valueLength) {
    return valueLength == 0
        ? 1
        : (valueLength + Limits.AMP_MAX_VALUE_LENGTH - 1) / Limits.AMP_MAX_VALUE_LENGTH;
  }
}
