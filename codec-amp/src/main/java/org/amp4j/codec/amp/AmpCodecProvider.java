package org.amp4j.codec.amp;

import java.util.Objects;
import org.amp4j.Limits;
import org.amp4j.spi.Codec;
import org.amp4j.spi.CodecProvider;

/**
 * Provides the AMP codec, named {@code amp}: messages as Twisted AMP boxes (sorted u16-length
 * prefixed key/value pairs ending in {@code 0x0000}), byte-compatible with Twisted 22.4.
 *
 * <p>Found through {@link java.util.ServiceLoader}; the codecs it creates are immutable and
 * thread-safe. They speak plain AMP, which carries at most 65,535 bytes per value; {@link
 * Codec#withExtensions} with {@code amp.split-values} gives a codec that splits longer top-level
 * values (up to {@link Limits#maxValueLength()}) over repeated keys, for two amp4j peers that
 * agreed on it.
 */
public final class AmpCodecProvider implements CodecProvider {

  /** The configuration name of this codec. */
  public static final String NAME = "amp";

  /** Creates the provider (used by {@link java.util.ServiceLoader}). */
  public AmpCodecProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Codec create(Limits limits) {
    return new AmpCodec(Objects.requireNonNull(limits, "limits"), false);
  }
}
