package org.amp4j.spi;

import org.amp4j.EncodingException;

/**
 * Turns messages into bytes and back for one wire format. Implementations are immutable and
 * thread-safe; {@link #newDecoder()} gives each connection its own decoder.
 */
public interface Codec {

  /** The name used in configuration, such as {@code amp}. */
  String name();

  /**
   * Encodes one message as the bytes of one frame.
   *
   * @throws EncodingException if a key or value exceeds the format's limits or cannot be
   *     represented; nothing has been written
   */
  byte[] encode(OutboundMessage message);

  /** A new decoder for one connection. */
  MessageDecoder newDecoder();
}
