package org.amp4j.buildbot;

import org.amp4j.ProtocolException;

/**
 * The stream framing of the {@code buildbot} codec, which is the {@code LENGTH_PREFIXED} framing of
 * the WebSocket transport: each binary WebSocket message is one frame.
 *
 * <pre>
 * +---------------------------+---------------------------------+
 * | length: u32 big-endian    | payload: exactly one msgpack map |
 * +---------------------------+---------------------------------+
 * </pre>
 */
final class Frames {

  /** Bytes in the length prefix. */
  static final int PREFIX_LENGTH = 4;

  private Frames() {}

  /**
   * Checks a received length, before anything is allocated for the payload.
   *
   * @param length the prefix read as an unsigned 32-bit number
   * @throws ProtocolException if it is 0 or above {@code maxFrameLength}
   */
  static int checkLength(long length, int maxFrameLength) {
    if (length == 0) {
      throw new ProtocolException("frame length 0: a frame holds one msgpack map");
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
