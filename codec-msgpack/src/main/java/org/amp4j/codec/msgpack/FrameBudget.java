package org.amp4j.codec.msgpack;

import org.amp4j.EncodingException;
import org.amp4j.spi.LengthPrefixedDecoder;
import org.msgpack.core.MessagePacker;

/**
 * Stops an encoding as soon as the frame being written outgrows {@code maxFrameLength}, so that a
 * huge message fails early instead of after it was built in full. Immutable.
 */
final class FrameBudget {

  private final int maxFrameLength;

  FrameBudget(int maxFrameLength) {
    this.maxFrameLength = maxFrameLength;
  }

  /**
   * Checks the payload written so far (the packer holds the length prefix too).
   *
   * @throws EncodingException if it is longer than the frame limit
   */
  void check(MessagePacker out) {
    long payload = out.getTotalWrittenBytes() - LengthPrefixedDecoder.PREFIX_LENGTH;
    if (payload > maxFrameLength) {
      throw new EncodingException(
          "message is at least "
              + payload
              + " bytes, longer than maxFrameLength "
              + maxFrameLength);
    }
  }
}
