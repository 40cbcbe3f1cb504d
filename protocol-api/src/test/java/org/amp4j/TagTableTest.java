package org.amp4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Values by tag number: the tag form, and the table against a map as the model. */
class TagTableTest {

  @Test
  void aTagIsTheHexTextOfANumber_asLongToHexStringWritesIt() {
    for (long n : new long[] {0, 1, 9, 10, 15, 16, 255, 0xabcdef, Long.MAX_VALUE}) {
      assertThat(TagTable.number(Long.toHexString(n))).isEqualTo(n);
    }
    for (String other :
        List.of(
            "",
            "01",
            "00",
            "A",
            "1F",
            "g",
            " 1",
            "1 ",
            "-1",
            "x1",
            "8000000000000000",
            "1".repeat(17))) {
      assertThat(TagTable.number(other)).as(other).isEqualTo(TagTable.NOT_A_TAG);
    }
  }

  @Test
  void aValueIsFoundByItsNumber_untilRemoved_andNegativeNumbersAreNone() {
    TagTable<String> table = new TagTable<>();
    table.put(7, "seven");
    table.put(7, "SEVEN");
    assertThat(table.get(7)).isEqualTo("SEVEN");
    assertThat(table.size()).isEqualTo(1);
    assertThat(table.get(TagTable.NOT_A_TAG)).isNull();
    assertThat(table.remove(TagTable.NOT_A_TAG)).isNull();
    assertThat(table.remove(7)).isEqualTo("SEVEN");
    assertThat(table.remove(7)).isNull();
    assertThat(table.size()).isZero();
    assertThatThrownBy(() -> table.put(-1, "x")).isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * Calls made 128 at a time and all answered at once, over and over: the table grows to fit them
   * once and keeps that size, rather than halving down as they are answered and doubling back as
   * they are made again.
   */
  @Test
  void keepsItsSize_whenFilledAndEmptiedOverAndOver() {
    TagTable<String> table = new TagTable<>();
    long next = 0;
    int grown = 0;
    for (int cycle = 0; cycle < 50; cycle++) {
      long first = next;
      for (int i = 0; i < 128; i++) {
        table.put(next++, "call");
      }
      if (cycle == 0) {
        grown = table.capacity();
        assertThat(grown).isGreaterThanOrEqualTo(128);
      }
      assertThat(table.capacity()).as("cycle %d, full", cycle).isEqualTo(grown);
      for (long n = first; n < next; n++) {
        assertThat(table.remove(n)).isEqualTo("call");
      }
      assertThat(table.capacity()).as("cycle %d, empty", cycle).isEqualTo(grown);
      assertThat(table.size()).isZero();
    }
  }

  /**
   * Once the load falls for good, the table shrinks to fit it: after as many removals under an
   * eighth full as it has slots, at each size, it halves, down to where the calls left fill an
   * eighth of it or more.
   */
  @Test
  void shrinks_whenItsLoadFallsForGood() {
    TagTable<String> table = new TagTable<>();
    long next = 0;
    for (int i = 0; i < 1000; i++) {
      table.put(next++, "call");
    }
    int large = table.capacity();
    assertThat(large).isGreaterThanOrEqualTo(1024);
    long oldest = 0;
    while (table.size() > 10) {
      table.remove(oldest++);
    }
    // ten calls outstanding from now on: each answered one is replaced by a new one
    for (int i = 0; i < 10 * large; i++) {
      table.remove(oldest++);
      table.put(next++, "call");
    }
    assertThat(table.capacity()).isLessThan(large).isBetween(16, 128);
    assertThat(table.size()).isEqualTo(10);
    for (long n = oldest; n < next; n++) {
      assertThat(table.get(n)).isEqualTo("call");
    }
  }

  /**
   * Random puts and removes against a map: same values, same size, every remaining one found. The
   * numbers come close together (as counters give them), or apart with a few low bits (so that
   * probes collide), or apart with the low bits of the table's last slots (so that probes collide
   * and wrap around its end).
   */
  @Property(tries = 400)
  void behavesAsAMap(
      @ForAll @Size(max = 400) List<@IntRange(min = 0, max = 999) Integer> ops,
      @ForAll @IntRange(min = 0, max = 2) int mode) {
    TagTable<Long> table = new TagTable<>();
    Map<Long, Long> model = new HashMap<>();
    for (int op : ops) {
      long number =
          switch (mode) {
            case 0 -> op % 150;
            case 1 -> (long) (op % 100) << 20 | op % 7;
            default -> (long) (op % 100) << 20 | (0xFFFFF - op % 5);
          };
      if (op % 3 == 0) {
        assertThat(table.remove(number)).isEqualTo(model.remove(number));
      } else {
        table.put(number, (long) op);
        model.put(number, (long) op);
      }
      assertThat(table.size()).isEqualTo(model.size());
    }
    for (long n = 0; n < 150; n++) {
      assertThat(table.get(n)).isEqualTo(model.get(n));
    }
    model.forEach((k, v) -> assertThat(table.get(k)).isEqualTo(v));
    assertThat(table.values()).containsExactlyInAnyOrderElementsOf(model.values());
  }
}
