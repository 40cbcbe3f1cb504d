package org.amp4j.buildbot;

import org.amp4j.Limits;
import org.amp4j.spi.Codec;
import org.amp4j.spi.LengthPrefixedDecoder;
import org.amp4j.spi.MessageDecoder;
import org.amp4j.spi.OutboundMessage;

/** The {@code buildbot} codec for one set of limits; immutable and thread-safe. */
final class BuildbotCodec implements Codec {

  private final Limits limits;
  private final MessageWriter writer;

  BuildbotCodec(Limits limits) {
    this.limits = limits;
    this.writer = new MessageWriter(limits);
  }

  @Override
  public String name() {
    return BuildbotCodecProvider.NAME;
  }

  @Override
  public byte[] encode(OutboundMessage message) {
    return writer.encode(message);
  }

  @Override
  public MessageDecoder newDecoder() {
    MessageReader reader = new MessageReader(limits);
    return new LengthPrefixedDecoder(
        BuildbotCodecProvider.NAME, limits.maxFrameLength(), reader::parse);
  }

  @Override
  public String toString() {
    return "BuildbotCodec" + limits;
  }
}
