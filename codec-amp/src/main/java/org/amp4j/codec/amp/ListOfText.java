package org.amp4j.codec.amp;

import java.util.ArrayList;
import java.util.List;

/**
 * AMP ListOf framing (spec 7.11): each element's text prefixed with its u16 big-endian length, no
 * count and no terminator. Reading ignores an incomplete trailing element, as Twisted does.
 */
final class ListOfText {

  /** The largest element a u16 length prefix can describe. */
  static final int MAX_ELEMENT_LENGTH = 0xFFFF;

  /** The bytes of an element's length prefix. */
  static final int PREFIX_LENGTH = 2;

  private ListOfText() {}

  /**
   * The value of a list: each element with its length prefix; the caller has checked the lengths.
   *
   * @param length the length of the value: each element's plus {@link #PREFIX_LENGTH}
   */
  static byte[] join(byte[][] elements, int length) {
    byte[] out = new byte[length];
    int at = 0;
    for (byte[] element : elements) {
      if (element.length > MAX_ELEMENT_LENGTH) {
        throw new IllegalStateException("element of " + element.length + " bytes");
      }
      out[at] = (byte) (element.length >>> 8);
      out[at + 1] = (byte) element.length;
      System.arraycopy(element, 0, out, at + PREFIX_LENGTH, element.length);
      at += PREFIX_LENGTH + element.length;
    }
    return out;
  }

  /**
   * The element texts; an incomplete trailing element is dropped (Twisted's behaviour).
   *
   * @throws IllegalArgumentException if there are more than {@code maxElements} elements
   */
  static List<byte[]> split(byte[] value, int maxElements) {
    List<byte[]> elements = new ArrayList<>();
    int i = 0;
    while (i + 2 <= value.length) {
      int len = ((value[i] & 0xFF) << 8) | (value[i + 1] & 0xFF);
      if (i + 2 + len > value.length) {
        break;
      }
      if (elements.size() == maxElements) {
        throw new IllegalArgumentException(
            "more than " + maxElements + " elements (maxListLength)");
      }
      byte[] element = new byte[len];
      System.arraycopy(value, i + 2, element, 0, len);
      elements.add(element);
      i += 2 + len;
    }
    return elements;
  }
}
