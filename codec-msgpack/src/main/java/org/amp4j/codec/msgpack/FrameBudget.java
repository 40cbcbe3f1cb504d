package org.amp4j.codec.msgpack;

import org.amp4j.EncodingException;
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
   * Checks the payload written so far (the packer writes the payload only; {@link FrameOutput}
   * keeps the length prefix).
   *
   * @throws EncodingException if it is longer than the frame limit
   */
  void check(MessagePacker out) {
    long payload = out.getTotalWrittenBytes();
    if (payload > maxFrameLength) {
      throw new EncodingException(
          "message is at least "
              + payload
              + " bytes, longer than maxFrameLength "
              + maxFrameLength);
    }
  }
}
