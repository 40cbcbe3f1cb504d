package org.amp4j.codec.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.util.Objects;
import org.amp4j.Limits;
import org.amp4j.spi.Codec;
import org.amp4j.spi.CodecProvider;

/**
 * Provides the JSON codec, named {@code json}: each message is a length-prefixed JSON object in
 * UTF-8 ({@code docs/codecs.md}), written and read with Jackson's streaming API.
 *
 * <p>Found through {@link java.util.ServiceLoader}; the codecs it creates are immutable and
 * thread-safe.
 */
public final class JsonCodecProvider implements CodecProvider {

  /** The configuration name of this codec. */
  public static final String NAME = "json";

  private static final JacksonCodec.Format JSON =
      new JacksonCodec.Format() {
        @Override
        public void writeLong(JsonGenerator out, long value) throws IOException {
          out.writeNumber(value); // as writeInteger writes a value of 63 bits or less
        }
      };

  /** Creates the provider (used by {@link java.util.ServiceLoader}). */
  public JsonCodecProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Codec create(Limits limits) {
    // The fast writer (Schubfach) gives the shortest text that reads back as the same double.
    JsonFactory factory =
        JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();
    return new JacksonCodec(NAME, factory, Objects.requireNonNull(limits, "limits"), JSON);
  }
}
