package org.amp4j.codec.cbor;

import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.CBORParser;
import java.util.Objects;
import org.amp4j.Limits;
import org.amp4j.codec.json.JacksonCodec;
import org.amp4j.spi.Codec;
import org.amp4j.spi.CodecProvider;

/**
 * Provides the CBOR codec, named {@code cbor}: each message is a length-prefixed CBOR map (RFC
 * 8949, {@code docs/codecs.md}), written and read with Jackson's CBOR dataformat through the
 * codec-json core ({@link JacksonCodec}). Integers, bytes and floats are native; beyond the int64
 * range, integers are bignums (tags 2 and 3); decimals are decimal fractions (tag 4), and
 * date-times text under tag 0.
 *
 * <p>Found through {@link java.util.ServiceLoader}; the codecs it creates are immutable and
 * thread-safe.
 */
public final class CborCodecProvider implements CodecProvider {

  /** The configuration name of this codec. */
  public static final String NAME = "cbor";

  /** Creates the provider (used by {@link java.util.ServiceLoader}). */
  public CborCodecProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Codec create(Limits limits) {
    CBORFactory factory =
        CBORFactory.builder()
            // RFC 8949 negative bignums (-1 - n), not Jackson's historical -n.
            .enable(CBORParser.Feature.DECODE_USING_STANDARD_NEGATIVE_BIGINT_ENCODING)
            .enable(CBORGenerator.Feature.ENCODE_USING_STANDARD_NEGATIVE_BIGINT_ENCODING)
            // So that 'undefined' and simple values are not mistaken for null and integers.
            .enable(CBORParser.Feature.READ_UNDEFINED_AS_EMBEDDED_OBJECT)
            .enable(CBORParser.Feature.READ_SIMPLE_VALUE_AS_EMBEDDED_OBJECT)
            .build();
    return new JacksonCodec(
        NAME, factory, Objects.requireNonNull(limits, "limits"), new CborFormat());
  }
}
