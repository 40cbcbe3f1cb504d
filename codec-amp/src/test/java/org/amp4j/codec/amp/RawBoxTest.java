package org.amp4j.codec.amp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One received box: finding keys by bytes, by name, and the protocol keys by their index. */
class RawBoxTest {

  private static ByteKey key(String name) {
    return new ByteKey(name.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void everyProtocolKey_knowsItsIndex_evenWhenMadeAgainFromItsBytes() {
    for (int i = 0; i < ProtocolKeys.NAMES.size(); i++) {
      String name = ProtocolKeys.NAMES.get(i);
      assertThat(ProtocolKeys.ALL.get(i).protocolIndex()).isEqualTo(i);
      ByteKey again = key(name); // as a parser makes it when the table evicted the constant
      assertThat(again.protocolIndex()).as(name).isEqualTo(i);
      assertThat(again.isProtocol()).isTrue();
    }
    for (String other :
        List.of("_", "_as", "_asks", "ask", "_ASK", "_error_", "_comman", "total", "_answerx")) {
      assertThat(key(other).protocolIndex()).as(other).isEqualTo(ByteKey.NOT_PROTOCOL);
      assertThat(key(other).isProtocol()).isFalse();
    }
  }

  @Test
  void protocolValues_areFoundByIndex_whereverTheKeySits_andTheLastValueWins() {
    RawBox box = new RawBox();
    assertThat(box.protocolValue(ProtocolKeys.ASK_INDEX)).isNull();
    box.put(key("a"), bytes("1"));
    box.put(key("_ask"), bytes("7"));
    box.put(key("_command"), bytes("Sum"));
    box.put(ProtocolKeys.ASK_KEY, bytes("8"));
    assertThat(box.protocolValue(ProtocolKeys.COMMAND_INDEX)).isEqualTo(bytes("Sum"));
    assertThat(box.protocolValue(ProtocolKeys.ASK_INDEX)).isEqualTo(bytes("8"));
    assertThat(box.protocolValue(ProtocolKeys.ANSWER_INDEX)).isNull();
    assertThat(box.protocolValue(ProtocolKeys.ERROR_INDEX)).isNull();
    assertThat(box.size()).isEqualTo(3);
    assertThat(box.key(1)).isEqualTo(ProtocolKeys.ASK_KEY);
  }

  @ParameterizedTest
  @ValueSource(ints = {RawBox.SCAN_LIMIT + 4, 253, 254, 255, 600})
  void protocolValues_areFound_however_farIntoABigBoxTheySit(int before) {
    RawBox box = new RawBox();
    box.put(key("_ask"), bytes("1"));
    for (int i = 0; i < before; i++) {
      box.put(key("k" + i), bytes("v" + i));
    }
    box.put(key("_answer"), bytes("ff"));
    box.put(key("_error"), bytes("ee"));
    assertThat(box.protocolValue(ProtocolKeys.ASK_INDEX)).isEqualTo(bytes("1"));
    assertThat(box.protocolValue(ProtocolKeys.ANSWER_INDEX)).isEqualTo(bytes("ff"));
    assertThat(box.protocolValue(ProtocolKeys.ERROR_INDEX)).isEqualTo(bytes("ee"));
    assertThat(box.protocolValue(ProtocolKeys.COMMAND_INDEX)).isNull();
    assertThat(box.indexOf("_answer")).isEqualTo(before + 1);
    box.put(key("_answer"), bytes("fe"));
    assertThat(box.protocolValue(ProtocolKeys.ANSWER_INDEX)).isEqualTo(bytes("fe"));
  }

  @Test
  void namesAreFoundByTheirUtf8_asciiOrNot_withOrWithoutAHashIndex() {
    for (int extra : new int[] {0, RawBox.SCAN_LIMIT}) {
      RawBox box = new RawBox();
      for (int i = 0; i < extra; i++) {
        box.put(key("k" + i), bytes("v"));
      }
      box.put(key("total"), bytes("3"));
      box.put(key("größe"), bytes("4"));
      box.put(key("é"), bytes("5"));
      assertThat(box.indexOf("total")).isEqualTo(extra);
      assertThat(box.indexOf("größe")).isEqualTo(extra + 1);
      assertThat(box.indexOf("é")).isEqualTo(extra + 2);
      // "Ã©" is the UTF-8 of "é" read as Latin-1: its chars are not the key's bytes
      assertThat(box.indexOf("Ã©")).isEqualTo(-1);
      assertThat(box.indexOf("tota")).isEqualTo(-1);
      assertThat(box.indexOf("grösse")).isEqualTo(-1);
    }
  }
}
