package org.amp4j.codec.amp;

import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.amp4j.Limits;
import org.amp4j.ProtocolException;
import org.amp4j.spi.InboundMessage;
import org.amp4j.spi.MessageDecoder;

/**
 * The decoder of one AMP connection: parses boxes incrementally ({@link BoxParser}) and hands each
 * to the consumer as a message ({@link MessageRouter}) as soon as its terminator arrives. After a
 * {@link ProtocolException} the decoder refuses further input. Not thread-safe.
 */
final class AmpMessageDecoder implements MessageDecoder {

  private final BoxParser parser;
  private final MessageRouter router;
  private ProtocolException failure;

  AmpMessageDecoder(Limits limits) {
    this.parser =
        new BoxParser(
            Math.min(Limits.AMP_MAX_VALUE_LENGTH, limits.maxValueLength()),
            limits.maxFrameLength());
    this.router = new MessageRouter(new ValueDecoder(limits));
  }

  @Override
  public void decode(ByteBuffer input, Consumer<InboundMessage> out) {
    if (failure != null) {
      throw new ProtocolException("decoder already failed: " + failure.getMessage(), failure);
    }
    try {
      parser.feed(input, box -> out.accept(router.route(box)));
    } catch (ProtocolException e) {
      failure = e;
      throw e;
    }
  }

  /** Whether the input so far ended exactly at a box boundary (no partial box buffered). */
  boolean atBoxBoundary() {
    return parser.atBoxBoundary();
  }
}
