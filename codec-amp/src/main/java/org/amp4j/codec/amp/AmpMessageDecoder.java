package org.amp4j.codec.amp;

import java.nio.ByteBuffer;
import org.amp4j.Limits;
import org.amp4j.ProtocolException;
import org.amp4j.spi.InboundMessage;
import org.amp4j.spi.MessageDecoder;

/**
 * The decoder of one AMP connection: parses boxes incrementally ({@link BoxParser}), one at a time,
 * and turns each into a message ({@link MessageRouter}) as soon as its terminator arrives. After a
 * {@link ProtocolException} the decoder refuses further input. Not thread-safe.
 */
final class AmpMessageDecoder implements MessageDecoder {

  private final BoxParser parser;
  private final MessageRouter router;
  private ProtocolException failure;

  /**
   * @param limits the limits
   * @param splitValues whether consecutive pairs with the same key are parts of one value ({@code
   *     amp.split-values}); otherwise the last value wins, as in Twisted
   */
  AmpMessageDecoder(Limits limits, boolean splitValues) {
    this.parser = new BoxParser(BoxParser.Config.messages(limits, splitValues));
    this.router = new MessageRouter(new ValueDecoder(limits));
  }

  @Override
  public InboundMessage next(ByteBuffer input) {
    if (failure != null) {
      throw new ProtocolException("decoder already failed: " + failure.getMessage(), failure);
    }
    try {
      RawBox box = parser.next(input);
      return box == null ? null : router.route(box);
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
