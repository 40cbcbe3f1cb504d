package org.amp4j.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.amp4j.EncodingException;
import org.amp4j.Limits;
import org.amp4j.value.ValueTypes;
import org.junit.jupiter.api.Test;

class FramedMessagesTest {

  private static TypedValue<Long> value(String name) {
    return new TypedValue<>(name, ValueTypes.LONG, 1L);
  }

  @Test
  void kindOf_firstKeys_andTheKeysOfEachKind() {
    assertThat(FramedMessages.kindOf("call")).isEqualTo(MessageKind.CALL);
    assertThat(FramedMessages.kindOf("answer")).isEqualTo(MessageKind.ANSWER);
    assertThat(FramedMessages.kindOf("error")).isEqualTo(MessageKind.ERROR);
    assertThat(FramedMessages.kindOf("tag")).isNull();
    assertThat(FramedMessages.keys(MessageKind.CALL))
        .containsExactlyInAnyOrder("call", "tag", "args");
    assertThat(FramedMessages.requiredKeys(MessageKind.CALL)).containsExactly("call", "args");
    assertThat(FramedMessages.requiredKeys(MessageKind.ERROR))
        .containsExactly("error", "code", "description")
        .hasSize(FramedMessages.MAX_KEYS);
  }

  @Test
  void checkValues_tooManyOrRepeatedNames_fail() {
    Limits two = Limits.builder().maxFieldCount(2).build();
    FramedMessages.checkValues(List.of(value("a"), value("b")), two);
    assertThatThrownBy(
            () -> FramedMessages.checkValues(List.of(value("a"), value("b"), value("c")), two))
        .isInstanceOf(EncodingException.class)
        .hasMessage("message has 3 values, more than maxFieldCount 2");
    assertThatThrownBy(() -> FramedMessages.checkValues(List.of(value("a"), value("a")), two))
        .hasMessage("value 'a' is given twice");
  }

  @Test
  void checkValues_aRepeatedName_failsInFewValuesAndInMany() {
    Limits limits = Limits.DEFAULTS;
    for (int count : new int[] {2, 3, 8, 9, 40}) {
      List<TypedValue<?>> distinct = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        distinct.add(value("v" + i));
      }
      FramedMessages.checkValues(distinct, limits);
      for (int repeated = 1; repeated < count; repeated++) {
        List<TypedValue<?>> values = new ArrayList<>(distinct);
        values.set(repeated, value("v" + (repeated - 1)));
        assertThatThrownBy(() -> FramedMessages.checkValues(values, limits))
            .as("%d values, value %d repeats the one before", count, repeated)
            .hasMessage("value 'v" + (repeated - 1) + "' is given twice");
      }
    }
  }

  @Test
  void checkNoValues_anErrorWithValues_fails() {
    FramedMessages.checkNoValues(OutboundMessage.error("1", "E", "d"));
    OutboundMessage bad =
        new OutboundMessage(MessageKind.ERROR, null, "1", "E", "d", List.of(value("a")));
    assertThatThrownBy(() -> FramedMessages.checkNoValues(bad))
        .hasMessage("an error message carries only a tag, a code and a description, not 1 values");
  }
}
