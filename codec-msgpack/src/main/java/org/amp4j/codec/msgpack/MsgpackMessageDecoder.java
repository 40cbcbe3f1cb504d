package org.amp4j.codec.msgpack;

import java.nio.ByteBuffer;
import org.amp4j.Limits;
import org.amp4j.ProtocolException;
import org.amp4j.spi.InboundMessage;
import org.amp4j.spi.MessageDecoder;

/**
 * The decoder of one msgpack connection: collects the 4-byte length prefix and then the payload of
 * each frame across calls, allocating the payload only once its length passed the limit, and parses
 * each complete payload with {@link MessageParser}. It takes no byte beyond the frame it completes.
 * After a {@link ProtocolException} it refuses further input. Not thread-safe.
 */
final class MsgpackMessageDecoder implements MessageDecoder {

  private final int maxFrameLength;
  private final MessageParser parser;
  private final byte[] prefix = new byte[Frames.PREFIX_LENGTH];
  private int prefixFilled;
  private byte[] payload; // null while the prefix is incomplete
  private int payloadFilled;
  private ProtocolException failure;

  MsgpackMessageDecoder(Limits limits) {
    this.maxFrameLength = limits.maxFrameLength();
    this.parser = new MessageParser(limits);
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
      failure = new ProtocolException("malformed msgpack frame: " + e, e);
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
    return parser.parse(complete);
  }
}
