package org.amp4j.codec.amp;

import java.util.Set;
import org.amp4j.Limits;
import org.amp4j.spi.Codec;

/**
 * The shared codec suite against AMP with {@code amp.split-values}: every frame the suite makes is
 * small, so the bytes are those of plain AMP (the same golden frames).
 */
class AmpSplitValuesConformanceTest extends AmpConformanceTest {

  @Override
  protected Codec codec(Limits limits) {
    return new AmpCodecProvider().create(limits).withExtensions(Set.of("amp.split-values"));
  }
}
