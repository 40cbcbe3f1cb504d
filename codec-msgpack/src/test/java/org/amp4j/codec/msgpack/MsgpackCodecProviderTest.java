package org.amp4j.codec.msgpack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ServiceLoader;
import org.amp4j.Limits;
import org.amp4j.spi.CodecProvider;
import org.junit.jupiter.api.Test;

class MsgpackCodecProviderTest {

  @Test
  void serviceLoader_findsTheProviderByName() {
    assertThat(ServiceLoader.load(CodecProvider.class))
        .filteredOn(p -> p.name().equals("msgpack"))
        .singleElement()
        .isInstanceOf(MsgpackCodecProvider.class);
  }

  @Test
  void codec_isNamedMsgpack() {
    assertThat(new MsgpackCodecProvider().create(Limits.DEFAULTS).name()).isEqualTo("msgpack");
  }
}
