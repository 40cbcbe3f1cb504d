package org.amp4j.codec.amp;

import java.util.Set;
import org.amp4j.Limits;
import org.amp4j.spi.Codec;
import org.amp4j.spi.FrameBuffer;
import org.amp4j.spi.MessageDecoder;
import org.amp4j.spi.OutboundMessage;

/**
 * The AMP codec for one set of limits, plain or with {@value #SPLIT_VALUES}; immutable and
 * thread-safe.
 *
 * <p>Plain AMP carries at most 65,535 bytes per value, whatever {@link Limits#maxValueLength()}
 * says, and refuses to encode a longer one. With {@value #SPLIT_VALUES} (both peers amp4j, agreed
 * in the handshake) a top-level value of up to {@code maxValueLength} bytes is written as the same
 * key repeated, consecutive pairs carrying consecutive parts of at most 65,535 bytes, and the
 * decoder joins consecutive pairs with the same key. Elements of a list and fields of a record are
 * not split: they sit inside one value, behind u16 lengths.
 */
final class AmpCodec implements Codec {

  /** The extension that splits long top-level values over repeated keys. */
  static final String SPLIT_VALUES = "amp.split-values";

  private final Limits limits;
  private final boolean splitValues;
  private final MessageEncoder encoder;

  AmpCodec(Limits limits, boolean splitValues) {
    this.limits = limits;
    this.splitValues = splitValues;
    this.encoder = new MessageEncoder(limits, splitValues);
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
  public void encode(OutboundMessage message, FrameBuffer out) {
    encoder.encode(message, out);
  }

  @Override
  public MessageDecoder newDecoder() {
    return new AmpMessageDecoder(limits, splitValues);
  }

  @Override
  public Set<String> extensions() {
    return Set.of(SPLIT_VALUES);
  }

  /**
   * This codec with the given extensions on, and the others off.
   *
   * @throws IllegalArgumentException for an extension this codec does not know
   */
  @Override
  public Codec withExtensions(Set<String> enabled) {
    for (String e : enabled) {
      if (!extensions().contains(e)) {
        throw new IllegalArgumentException(
            "unknown AMP extension " + e + "; known: " + extensions());
      }
    }
    boolean split = enabled.contains(SPLIT_VALUES);
    return split == splitValues ? this : new AmpCodec(limits, split);
  }

  @Override
  public String toString() {
    return "AmpCodec[" + (splitValues ? SPLIT_VALUES : "plain") + "]";
  }
}
