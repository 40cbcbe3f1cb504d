package org.amp4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.amp4j.spi.Codec;
import org.amp4j.spi.CodecProvider;
import org.amp4j.spi.Plugins;
import org.junit.jupiter.api.Test;

/** Which codecs a configuration resolves to, and the place of codecs that are not general. */
class CodecSetTest {

  /** A codec for one foreign protocol: found by name, never offered on its own. */
  public static final class SpecialCodecProvider implements CodecProvider {
    @Override
    public String name() {
      return "special";
    }

    @Override
    public Codec create(Limits limits) {
      return new SpecialCodec();
    }

    @Override
    public boolean general() {
      return false;
    }
  }

  private static final class SpecialCodec implements Codec {
    @Override
    public String name() {
      return "special";
    }

    @Override
    public byte[] encode(org.amp4j.spi.OutboundMessage message) {
      throw new UnsupportedOperationException();
    }

    @Override
    public org.amp4j.spi.MessageDecoder newDecoder() {
      throw new UnsupportedOperationException();
    }
  }

  @Test
  void aCodecThatIsNotGeneral_isListedButNotOfferedByDefault() {
    assertThat(Plugins.codecNames()).contains("special");
    assertThat(Plugins.codecNames(true)).doesNotContain("special");
    // No general codec is on this module's class path: with "special" left out, the automatic
    // choice falls back to AMP, which is not here either.
    PeerConfig automatic = PeerConfig.builder().handshake(false).build();
    assertThatThrownBy(() -> CodecSet.of(automatic))
        .isInstanceOf(AmpException.class)
        .hasMessageContaining("unknown codec 'amp'");
  }

  @Test
  void aCodecThatIsNotGeneral_isUsedWhenNamed() {
    PeerConfig config = PeerConfig.builder().codecs(List.of("special")).handshake(false).build();
    assertThat(CodecSet.of(config).names()).containsExactly("special");
    assertThat(CodecSet.of(config).first().name()).isEqualTo("special");
  }
}
