package org.amp4j.codec.msgpack;

import org.amp4j.Limits;
import org.amp4j.spi.Codec;
import org.amp4j.spi.FrameBuffer;
import org.amp4j.spi.LengthPrefixedDecoder;
import org.amp4j.spi.MessageDecoder;
import org.amp4j.spi.OutboundMessage;

/** The msgpack codec for one set of limits; immutable and thread-safe. */
final class MsgpackCodec implements Codec {

  private final Limits limits;
  private final MessageEncoder encoder;

  MsgpackCodec(Limits limits) {
    this.limits = limits;
    this.encoder = new MessageEncoder(limits);
  }

  @Override
  public String name() {
    return MsgpackCodecProvider.NAME;
  }

  @Override
  public byte[] encode(OutboundMessage message) {
    return encoder.encode(message);
  }

  @Override
  public void encode(OutboundMessage message, FrameBuffer out) {
    encoder.encode(message, out);
  }

  @Override
  public MessageDecoder newDecoder() {
    MessageParser parser = new MessageParser(limits);
    return new LengthPrefixedDecoder(
        MsgpackCodecProvider.NAME, limits.maxFrameLength(), parser::parse);
  }

  @Override
  public String toString() {
    return "MsgpackCodec" + limits;
  }
}
