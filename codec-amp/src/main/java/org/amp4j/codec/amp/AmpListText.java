package org.amp4j.codec.amp;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.amp4j.Limits;
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
   * @throws IllegalArgumentException if there are more than {@code maxListLength} records or a
   *     record has more than {@code maxFieldCount} fields
   */
  static List<RawBox> split(byte[] value, Limits limits) {
    List<RawBox> boxes = new ArrayList<>();
    BoxParser parser = new BoxParser(BoxParser.Config.records(limits));
    ByteBuffer in = ByteBuffer.wrap(value);
    RawBox box;
    do {
      try {
        box = parser.next(in);
      } catch (BoxParser.TooManyFields e) {
        throw new IllegalArgumentException("a record " + e.getMessage(), e);
      } catch (ProtocolException e) {
        throw new BadTextException(e.getMessage(), e);
      }
      if (box != null) {
        if (boxes.size() == limits.maxListLength()) {
          throw new IllegalArgumentException(
              "more than " + limits.maxListLength() + " records (maxListLength)");
        }
        boxes.add(box);
      }
    } while (box != null);
    return boxes;
  }
}
