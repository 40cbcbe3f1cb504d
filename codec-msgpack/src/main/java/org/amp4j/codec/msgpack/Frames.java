package org.amp4j.codec.msgpack;

import org.amp4j.ProtocolException;

/**
 * The frame layout: a 4-byte big-endian length, then exactly that many bytes holding one msgpack
 * object.
 */
final class Frames {

  /** Bytes in the length prefix. */
  static final int PREFIX_LENGTH = 4;

  private Frames() {}

  /**
   * Checks a received length prefix, before anything is allocated for the payload.
   *
   * @param length the prefix read as an unsigned 32-bit number
   * @throws ProtocolException if it is 0 or above {@code maxFrameLength}
   */
  static int checkLength(long length, int maxFrameLength) {
    if (length == 0) {
      throw new ProtocolException("frame length 0: a frame holds one msgpack object");
    }
    if (length > maxFrameLength) {
      throw new ProtocolException(
          "frame length " + length + " exceeds maxFrameLength " + maxFrameLength);
    }
    return (int) length;
  }

  /** Writes a payload length into the first 4 bytes of a frame. */
  static void putLength(byte[] frame, int length) {
    frame[0] = (byte) (length >>> 24);
    frame[1] = (byte) (length >>> 16);
    frame[2] = (byte) (length >>> 8);
    frame[3] = (byte) length;
  }
}
