package org.amp4j.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.CharacterCodingException;
import org.junit.jupiter.api.Test;

class StrictUtf8Test {

  @Test
  void encode_pairedSurrogates_pass_anUnpairedOne_fails() throws CharacterCodingException {
    byte[] bytes = StrictUtf8.encode("\u00e9\ud83d\ude00");
    assertThat(bytes).containsExactly(0xc3, 0xa9, 0xf0, 0x9f, 0x98, 0x80);
    assertThat(StrictUtf8.decode(bytes)).isEqualTo("\u00e9\ud83d\ude00");
    assertThatThrownBy(() -> StrictUtf8.encode("x\ud800y"))
        .isInstanceOf(CharacterCodingException.class);
  }

  @Test
  void decode_overlongOrEncodedSurrogate_fails() {
    assertThatThrownBy(() -> StrictUtf8.decode(new byte[] {(byte) 0xc0, (byte) 0xaf}))
        .isInstanceOf(CharacterCodingException.class);
    assertThatThrownBy(() -> StrictUtf8.decode(new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}))
        .isInstanceOf(CharacterCodingException.class);
  }
}
