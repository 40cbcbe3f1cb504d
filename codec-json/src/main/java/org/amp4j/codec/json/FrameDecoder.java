package org.amp4j.codec.json;

import java.nio.ByteBuffer;
import org.amp4j.ProtocolException;
import org.amp4j.spi.InboundMessage;
import org.amp4j.spi.MessageDecoder;

/**
 * The decoder of one connection: cuts the stream into frames (a 4-byte big-endian length, then that
 * many bytes) and reads each as a message. The length is checked before anything is allocated for
 * the payload; a partial frame is kept across calls, and a whole frame already in a heap buffer is
 * read in place. After a {@link ProtocolException} the decoder refuses further input. Not
 * thread-safe.
 */
final class FrameDecoder implements MessageDecoder {

  private final String codec;
  private final MessageReader reader;
  private final int maxFrameLength;
  private final byte[] header = new byte[4];
  private int headerFill;
  private byte[] payload;
  private int payloadFill;
  private ProtocolException failure;

  FrameDecoder(String codec, MessageReader reader, int maxFrameLength) {
    this.codec = codec;
    this.reader = reader;
    this.maxFrameLength = maxFrameLength;
  }

  @Override
  public InboundMessage next(ByteBuffer input) {
    if (failure != null) {
      throw new ProtocolException("decoder already failed: " + failure.getMessage(), failure);
    }
    try {
      return nextFrame(input);
    } catch (ProtocolException e) {
      failure = e;
      throw e;
    } catch (RuntimeException e) {
      failure = new ProtocolException(codec + " decoder failed: " + e, e);
      throw failure;
    }
  }

  private InboundMessage nextFrame(ByteBuffer input) {
    while (headerFill < 4) {
      if (!input.hasRemaining()) {
        return null;
      }
      header[headerFill++] = input.get();
      if (headerFill == 4) {
        checkLength();
      }
    }
    int length = length();
    if (payload == null && input.hasArray() && input.remaining() >= length) {
      int at = input.arrayOffset() + input.position();
      input.position(input.position() + length);
      headerFill = 0;
      return reader.read(input.array(), at, length);
    }
    if (payload == null) {
      payload = new byte[length];
      payloadFill = 0;
    }
    int n = Math.min(input.remaining(), length - payloadFill);
    input.get(payload, payloadFill, n);
    payloadFill += n;
    if (payloadFill < length) {
      return null;
    }
    byte[] whole = payload;
    payload = null;
    headerFill = 0;
    return reader.read(whole, 0, length);
  }

  private void checkLength() {
    long length = Integer.toUnsignedLong(length());
    if (length == 0) {
      throw new ProtocolException(codec + " frame of length 0");
    }
    if (length > maxFrameLength) {
      throw new ProtocolException(
          codec + " frame length " + length + " exceeds maxFrameLength " + maxFrameLength);
    }
  }

  private int length() {
    return (header[0] & 0xFF) << 24
        | (header[1] & 0xFF) << 16
        | (header[2] & 0xFF) << 8
        | (header[3] & 0xFF);
  }
}
