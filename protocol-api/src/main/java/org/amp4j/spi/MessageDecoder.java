package org.amp4j.spi;

import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.amp4j.ProtocolException;

/**
 * Cuts a byte stream into messages, incrementally: input may arrive split at any byte. One decoder
 * serves one connection and is not thread-safe.
 *
 * <p>A decoder consumes exactly the bytes of the messages it returns, so that the bytes after a
 * message can go to another decoder: after the handshake a connection switches codecs in the middle
 * of a read.
 */
public interface MessageDecoder {

  /**
   * Decodes the next message.
   *
   * @return the message completed by {@code input}, with {@code input} positioned just after its
   *     last byte; or null when {@code input} ran out first, in which case all of it has been
   *     consumed and the incomplete tail is kept for the next call
   * @throws ProtocolException if the stream is malformed; the decoder is then unusable and the
   *     connection must be closed
   */
  InboundMessage next(ByteBuffer input);

  /**
   * Consumes all of {@code input}, handing each message completed by it to {@code out} as soon as
   * it is complete (earlier messages are delivered even when a later one is malformed), and keeping
   * any incomplete tail for the next call.
   *
   * @throws ProtocolException if the stream is malformed; the decoder is then unusable and the
   *     connection must be closed
   */
  default void decode(ByteBuffer input, Consumer<InboundMessage> out) {
    InboundMessage m;
    while ((m = next(input)) != null) {
      out.accept(m);
    }
  }
}
