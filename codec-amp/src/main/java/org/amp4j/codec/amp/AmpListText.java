package org.amp4j.codec.amp;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.amp4j.ProtocolException;

/**
 * AMP AmpList framing (spec 7.12): the value is a concatenation of complete boxes, one per record.
 * Read with the normal box parser, so key order is free, repeated keys take the last value and an
 * empty box is a record with no fields; as in Twisted, an incomplete trailing box is ignored and a
 * key longer than 255 bytes is an error. (Writing uses {@link BoxWriter}.)
 */
final class AmpListText {

  private AmpListText() {}

  /**
   * The boxes in a value.
   *
   * @throws BadTextException if a box is malformed
   */
  static List<RawBox> split(byte[] value) {
    List<RawBox> boxes = new ArrayList<>();
    BoxParser parser = new BoxParser(ListOfText.MAX_ELEMENT_LENGTH, Long.MAX_VALUE);
    try {
      parser.feed(ByteBuffer.wrap(value), boxes::add);
    } catch (ProtocolException e) {
      throw new BadTextException(e.getMessage(), e);
    }
    return boxes;
  }
}
