package org.amp4j.spi;

import java.util.Set;
import org.amp4j.EncodingException;

/**
 * Turns messages into bytes and back for one wire format. Implementations are immutable and
 * thread-safe; {@link #newDecoder()} gives each connection its own decoder.
 *
 * <p>Value types may differ by codec ({@link org.amp4j.value.ValueType#forCodec}): an
 * implementation resolves every type it encodes or decodes, nested ones included, with its own
 * {@link #name()}.
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

  /**
   * Encodes one message as one frame appended to {@code out}, after the bytes already there: the
   * same bytes as {@link #encode(OutboundMessage)}, without an array of the frame's own, for a
   * transport that writes frames in batches. The default appends {@code encode(message)}; a codec
   * that can writes straight into {@code out}.
   *
   * @throws EncodingException as {@link #encode(OutboundMessage)}; {@code out} may then hold part
   *     of the frame after its former {@link FrameBuffer#size() size}, which the caller drops
   *     ({@link FrameBuffer#truncate})
   */
  default void encode(OutboundMessage message, FrameBuffer out) {
    out.write(encode(message));
  }

  /** A new decoder for one connection. */
  MessageDecoder newDecoder();

  /**
   * The optional wire extensions this codec can use once both peers agree on them in the handshake,
   * such as {@code amp.split-values}. Names are prefixed with the codec's name. None by default.
   */
  default Set<String> extensions() {
    return Set.of();
  }

  /**
   * This codec with some of its {@link #extensions()} switched on, for a connection whose peers
   * agreed on them.
   *
   * @param enabled a subset of {@link #extensions()}
   */
  default Codec withExtensions(Set<String> enabled) {
    return this;
  }
}
