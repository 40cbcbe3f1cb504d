package org.amp4j.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValuePathTest {

  @Test
  void toString_showsKeyElementsAndFields() {
    ValuePath items = ValuePath.key("items");
    assertThat(items).hasToString("'items'");
    assertThat(items.element(2)).hasToString("'items'[2]");
    assertThat(items.element(2).field("name").element(0)).hasToString("'items'[2].name[0]");
  }

  @Test
  void isTopLevel_onlyForAKey() {
    assertThat(ValuePath.key("k").isTopLevel()).isTrue();
    assertThat(ValuePath.key("k").element(0).isTopLevel()).isFalse();
    assertThat(ValuePath.key("k").field("f").isTopLevel()).isFalse();
  }
}
