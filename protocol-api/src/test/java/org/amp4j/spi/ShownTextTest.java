package org.amp4j.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShownTextTest {

  @Test
  void quotesEscapesAndCuts() {
    assertThat(ShownText.quoted("a\"b\\c\n\u007f")).isEqualTo("\"a\\\"b\\\\c\\x0a\\x7f\"");
    String longText = "x".repeat(ShownText.MAX_SHOWN + 2);
    assertThat(ShownText.quoted(longText))
        .isEqualTo("\"" + "x".repeat(ShownText.MAX_SHOWN) + "\"... (50 chars)");
    assertThat(ShownText.quoted("")).isEqualTo("\"\"");
  }
}
