package org.amp4j.codec.amp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The keys a parser received recently. */
class KeyTableTest {

  private static byte[] buffer(String key) {
    byte[] buffer = new byte[BoxParser.MAX_KEY_LENGTH];
    byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(bytes, 0, buffer, 0, bytes.length);
    return buffer;
  }

  @Test
  void aKeyReceivedAgain_isTheSameKey_copiedOutOfTheBuffer() {
    KeyTable table = new KeyTable(8);
    byte[] buffer = buffer("total");
    ByteKey first = table.key(buffer, 0, 5);
    assertThat(first.bytes()).isEqualTo("total".getBytes(StandardCharsets.US_ASCII));
    buffer[0] = 'T';
    assertThat(first.bytes()[0]).isEqualTo((byte) 't');
    assertThat(table.key(buffer("total"), 0, 5)).isSameAs(first);
    assertThat(table.key(buffer("total"), 0, 4)).isNotEqualTo(first).isEqualTo(key("tota"));
  }

  @Test
  void theProtocolKeysAreThereFromTheStart() {
    KeyTable table = new KeyTable(64);
    for (ByteKey k : ProtocolKeys.ALL) {
      assertThat(table.key(buffer(new String(k.bytes(), StandardCharsets.US_ASCII)), 0, k.length()))
          .isSameAs(k);
    }
  }

  @Test
  void keysSharingASlot_replaceEachOther_andStayCorrect() {
    KeyTable table = new KeyTable(1);
    ByteKey a = table.key(buffer("a"), 0, 1);
    ByteKey b = table.key(buffer("b"), 0, 1);
    assertThat(b).isEqualTo(key("b"));
    ByteKey a2 = table.key(buffer("a"), 0, 1);
    assertThat(a2).isEqualTo(a).isNotSameAs(a);
    assertThat(table.key(buffer("a"), 0, 1)).isSameAs(a2);
    // "Aa" and "BB" share a hash: compared by bytes, not only by hash.
    ByteKey aa = table.key(buffer("Aa"), 0, 2);
    assertThat(table.key(buffer("BB"), 0, 2)).isEqualTo(key("BB")).isNotEqualTo(aa);
  }

  @Test
  void theKeysOfAConnection_settle_andThenCostNoAllocation() {
    // Typical keys of a connection: the protocol's and a few field names, some of which share
    // a slot ("b" has both of its slots taken by protocol keys).
    List<String> names = new ArrayList<>();
    for (ByteKey k : ProtocolKeys.ALL) {
      names.add(new String(k.bytes(), StandardCharsets.US_ASCII));
    }
    names.addAll(List.of("a", "b", "c", "total", "value", "name", "id", "count", "data", "when"));
    KeyTable table = new KeyTable(BoxParser.KEY_TABLE_SLOTS);
    Map<String, ByteKey> settled = new HashMap<>();
    for (int round = 0; round < 2; round++) {
      for (String n : names) {
        settled.put(n, table.key(buffer(n), 0, n.length()));
      }
    }
    for (int round = 0; round < 3; round++) {
      for (String n : names) {
        assertThat(table.key(buffer(n), 0, n.length())).as(n).isSameAs(settled.get(n));
      }
    }
  }

  @Test
  void theSlotCountIsAPowerOfTwo() {
    assertThatThrownBy(() -> new KeyTable(12)).isInstanceOf(IllegalArgumentException.class);
  }

  private static ByteKey key(String text) {
    return new ByteKey(text.getBytes(StandardCharsets.UTF_8));
  }
}
