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

  private ListOfText() {}

  /** Appends one element with its length prefix; the caller has checked its length. */
  static void appendElement(ByteSink out, byte[] element) {
    if (element.length > MAX_ELEMENT_LENGTH) {
      throw new IllegalStateException("element of " + element.length + " bytes");
    }
    out.writeU16(element.length);
    out.write(element);
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
