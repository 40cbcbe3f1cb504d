package org.amp4j.transport.websocket;

import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;

/**
 * The {@link Framing#LENGTH_PREFIXED} layout: frames of a 4-byte big-endian payload length followed
 * by the payload.
 *
 * <pre>
 * +--------+--------+--------+--------+----------------+
 * |        length (unsigned, < 2^31)  | length bytes   |
 * +--------+--------+--------+--------+----------------+
 * </pre>
 */
final class LengthPrefixed {

  static final int PREFIX = 4;

  private LengthPrefixed() {}

  /**
   * Splits a write into its frames' payloads.
   *
   * @return pairs of (offset, length) of each payload within {@code data}, flattened
   * @throws IllegalArgumentException if {@code data} is not a sequence of whole frames
   */
  static int[] payloads(byte[] data) {
    int count = 0;
    for (int offset = 0; offset < data.length; count++) {
      offset = next(data, offset);
    }
    int[] payloads = new int[2 * count];
    int offset = 0;
    for (int i = 0; i < count; i++) {
      payloads[2 * i] = offset + PREFIX;
      payloads[2 * i + 1] = length(data, offset);
      offset += PREFIX + payloads[2 * i + 1];
    }
    return payloads;
  }

  /** The offset of the frame after the one at {@code offset}, checking that it is whole. */
  private static int next(byte[] data, int offset) {
    int left = data.length - offset;
    if (left < PREFIX) {
      throw notWhole(data, offset, left + " bytes, too few for a length");
    }
    int length = length(data, offset);
    if (length < 0) {
      throw notWhole(data, offset, "a negative length " + length);
    }
    if (length > left - PREFIX) {
      throw notWhole(
          data, offset, "a length of " + length + " but only " + (left - PREFIX) + " bytes follow");
    }
    return offset + PREFIX + length;
  }

  private static int length(byte[] data, int offset) {
    return ((data[offset] & 0xff) << 24)
        | ((data[offset + 1] & 0xff) << 16)
        | ((data[offset + 2] & 0xff) << 8)
        | (data[offset + 3] & 0xff);
  }

  private static IllegalArgumentException notWhole(byte[] data, int offset, String problem) {
    return new IllegalArgumentException(
        "write of "
            + data.length
            + " bytes is not made of whole length-prefixed frames: at offset "
            + offset
            + " there is "
            + problem);
  }

  /** A received payload with its length in front, in a new heap buffer ready to read. */
  static ByteBuffer prefixed(ByteBuf payload) {
    int length = payload.readableBytes();
    ByteBuffer framed = ByteBuffer.allocate(PREFIX + length);
    framed.putInt(length);
    payload.getBytes(payload.readerIndex(), framed);
    return framed.flip();
  }
}
