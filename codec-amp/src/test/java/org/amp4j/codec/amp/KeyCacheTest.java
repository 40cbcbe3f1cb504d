package org.amp4j.codec.amp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Key bytes of value names, encoded once per name. */
class KeyCacheTest {
  private final KeyCache cache = new KeyCache();

  @Test
  void aNameIsEncodedOnce_andReadsBackTheSameKey() {
    ByteKey first = cache.strict("caf\u00e9-key-cache-test");
    assertThat(first.bytes())
        .isEqualTo("caf\u00e9-key-cache-test".getBytes(StandardCharsets.UTF_8));
    assertThat(cache.strict("caf\u00e9-key-cache-test")).isSameAs(first);
  }

  @Test
  void anUnpairedSurrogate_isRefusedEveryTime() {
    String bad = "x\ud800y";
    assertThatThrownBy(() -> cache.strict(bad)).isInstanceOf(BadTextException.class);
    assertThatThrownBy(() -> cache.strict(bad)).isInstanceOf(BadTextException.class);
  }

  @Test
  void namesBeyondTheLimit_stillGetTheirKeys_withoutBeingKept() {
    for (int i = 0; i < KeyCache.LIMIT + 10; i++) {
      String name = "many-" + i;
      assertThat(cache.strict(name).bytes()).isEqualTo(name.getBytes(StandardCharsets.UTF_8));
    }
    assertThat(cache.strict("many-0")).isSameAs(cache.strict("many-0"));
    String late = "many-" + (KeyCache.LIMIT + 5);
    assertThat(cache.strict(late)).isNotSameAs(cache.strict(late)).isEqualTo(cache.strict(late));
  }
}
