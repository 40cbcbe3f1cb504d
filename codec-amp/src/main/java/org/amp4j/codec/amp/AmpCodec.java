package org.amp4j.codec.amp;

import org.amp4j.Limits;
import org.amp4j.spi.Codec;
import org.amp4j.spi.MessageDecoder;
import org.amp4j.spi.OutboundMessage;

/** The AMP codec for one set of limits; immutable and thread-safe. */
final class AmpCodec implements Codec {

  private final Limits limits;
  private final MessageEncoder encoder;

  AmpCodec(Limits limits) {
    this.limits = limits;
    this.encoder = new MessageEncoder(limits);
  }

  @Override
  public String name() {
    return AmpCodecProvider.NAME;
  }

  @Override
  public byte[] encode(OutboundMessage message) {
    return encoder.encode(message);
  }

  @Override
  public MessageDecoder newDecoder() {
    return new AmpMessageDecoder(limits);
  }
}
