package org.amp4j.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.amp4j.EncodingException;
import org.junit.jupiter.api.Test;

class MessagePartsTest {

  @Test
  void tag_ofBytes_passes_aCharAboveFF_fails() {
    assertThat(MessageParts.tag("a\u00ff\u0000")).isEqualTo("a\u00ff\u0000");
    assertThatThrownBy(() -> MessageParts.tag("ab\u0100"))
        .isInstanceOf(EncodingException.class)
        .hasMessage("tag char 2 is U+0100, which is not a byte (tags are ISO-8859-1 text)");
  }

  @Test
  void required_missingPart_failsNamingIt() {
    assertThat(MessageParts.required("Sum", "command")).isEqualTo("Sum");
    assertThatThrownBy(() -> MessageParts.required(null, "command"))
        .isInstanceOf(EncodingException.class)
        .hasMessage("the message has no command");
  }
}
