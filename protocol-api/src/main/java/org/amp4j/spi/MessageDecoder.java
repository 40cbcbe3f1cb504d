package org.amp4j.spi;

import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.amp4j.ProtocolException;

/**
 * Cuts a byte stream into messages, incrementally: input may arrive split at any byte. One decoder
 * serves one connection and is not thread-safe.
 */
public interface MessageDecoder {

  /**
   * Consumes all of {@code input}, handing each message completed by it to {@code out} as soon as
   * it is complete (earlier messages are delivered even when a later one is malformed), and keeping
   * any incomplete tail for the next call.
   *
   * @throws ProtocolException if the stream is malformed; the decoder is then unusable and the
   *     connection must be closed
   */
  void decode(ByteBuffer input, Consumer<InboundMessage> out);
}
