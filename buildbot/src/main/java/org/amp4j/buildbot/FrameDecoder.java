package org.amp4j.buildbot;

import java.nio.ByteBuffer;
import org.amp4j.Limits;
import org.amp4j.ProtocolException;
import org.amp4j.spi.InboundMessage;
import org.amp4j.spi.MessageDecoder;

/**
 * The decoder of one connection: collects each frame's 4-byte length prefix and then its payload
 * across calls, allocating the payload only once its length passed {@code maxFrameLength}, and
 * parses each complete payload with {@link MessageReader}. It takes no byte beyond the frame it
 * completes. After a {@link ProtocolException} it refuses further input. Not thread-safe.
 */
final class FrameDecoder implements MessageDecoder {

  private final int maxFrameLength;
  private final MessageReader reader;
  private final byte[] prefix = new byte[Frames.PREFIX_LENGTH];
  private int prefixFilled;
  private byte[] payload; // null while the prefix is incomplete
  private int payloadFilled;
  private ProtocolException failure;

  FrameDecoder(Limits limits) {
    this.maxFrameLength = limits.maxFrameLength();
    this.reader = new MessageReader(limits);
  }

  @Override
  public InboundMessage next(ByteBuffer input) {
    if (failure != null) {
      throw new ProtocolException("decoder already failed: " + failure.getMessage(), failure);
    }
    try {
      return advance(input);
    } catch (ProtocolException e) {
      failure = e;
      throw e;
    } catch (RuntimeException e) {
      failure = new ProtocolException("malformed buildbot frame: " + e, e);
      throw failure;
    }
  }

  private InboundMessage advance(ByteBuffer input) {
    if (payload == null) {
      int n = Math.min(prefix.length - prefixFilled, input.remaining());
      input.get(prefix, prefixFilled, n);
      prefixFilled += n;
      if (prefixFilled < prefix.length) {
        return null;
      }
      long length = ByteBuffer.wrap(prefix).getInt() & 0xFFFF_FFFFL;
      payload = new byte[Frames.checkLength(length, maxFrameLength)];
      payloadFilled = 0;
    }
    int n = Math.min(payload.length - payloadFilled, input.remaining());
    input.get(payload, payloadFilled, n);
    payloadFilled += n;
    if (payloadFilled < payload.length) {
      return null;
    }
    byte[] complete = payload;
    payload = null;
    prefixFilled = 0;
    return reader.parse(complete);
  }
}
