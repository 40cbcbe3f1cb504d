package org.amp4j.codec.amp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.amp4j.EncodingException;
import org.amp4j.Limits;
import org.amp4j.spi.ValuePath;
import org.amp4j.value.Fields;
import org.amp4j.value.ValueTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The two layouts of a box, on both sides of their thresholds: a received box scanned while small
 * and hash-indexed when big ({@link RawBox#SCAN_LIMIT}), and a box to write kept sorted while small
 * and sorted once when big ({@link BoxWriter#SORTED_LIMIT}).
 */
class BoxLayoutTest {

  private static ByteKey key(String name) {
    return new ByteKey(name.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** The names of a box of n keys: ASCII, with a non-ASCII one among them. */
  private static List<String> names(int n) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      names.add(i == n / 2 ? "caf\u00e9-" + i : "k" + i);
    }
    return names;
  }

  // ------------------------------------------------------------------ received boxes

  @ParameterizedTest
  @ValueSource(
      ints = {1, RawBox.SCAN_LIMIT - 1, RawBox.SCAN_LIMIT, RawBox.SCAN_LIMIT + 1, 100, 3000})
  void aRepeatedKeyKeepsItsFirstPositionAndTakesTheLastValue(int n) {
    List<String> names = names(n);
    RawBox box = new RawBox();
    Map<String, String> expected = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      box.put(key(names.get(i)), bytes("v" + i));
      expected.put(names.get(i), "v" + i);
      // Repeat the first key and the one before: before and after the index exists.
      box.put(key(names.get(0)), bytes("again" + i));
      expected.put(names.get(0), "again" + i);
      box.put(key(names.get(i / 2)), bytes("half" + i));
      expected.put(names.get(i / 2), "half" + i);
    }
    assertThat(box.size()).isEqualTo(n);
    Map<String, String> got = new LinkedHashMap<>();
    for (int i = 0; i < box.size(); i++) {
      got.put(
          new String(box.key(i).bytes(), StandardCharsets.UTF_8),
          new String(box.value(i), StandardCharsets.UTF_8));
    }
    assertThat(got).containsExactlyEntriesOf(expected);
    for (int i = 0; i < n; i++) {
      String name = names.get(i);
      assertThat(box.indexOf(name)).as(name).isEqualTo(i);
      assertThat(box.indexOf(key(name))).as(name).isEqualTo(i);
      assertThat(box.get(key(name))).isEqualTo(bytes(expected.get(name)));
    }
    assertThat(box.indexOf("absent")).isEqualTo(-1);
    assertThat(box.indexOf("caf\u00e9-absent")).isEqualTo(-1);
    assertThat(box.contains(key("absent"))).isFalse();
    // An ASCII name that is a prefix of a key, or a key a prefix of it, is another key.
    assertThat(box.indexOf("k")).isEqualTo(-1);
    assertThat(box.indexOf("k00")).isEqualTo(-1);
  }

  @ParameterizedTest
  @ValueSource(ints = {RawBox.SCAN_LIMIT - 2, RawBox.SCAN_LIMIT + 2, 500})
  void fieldsOfADecodedBoxHideProtocolKeys_smallOrBig(int n) {
    ByteSink frame = new ByteSink(64);
    pair(frame, "_answer", "1");
    List<String> names = names(n);
    for (int i = 0; i < n; i++) {
      pair(frame, names.get(i), Integer.toString(i));
    }
    pair(frame, names.get(0), "-1"); // repeated: last value wins
    pair(frame, "_error", "2"); // a protocol key after the fields
    frame.writeU16(0);
    Fields f = Vectors.decode(frame.toByteArray()).messages().get(0).fields();
    assertThat(f.names()).containsExactlyElementsOf(names);
    assertThat(f.get(names.get(0), ValueTypes.INT)).isEqualTo(-1);
    for (int i = 1; i < n; i++) {
      assertThat(f.get(names.get(i), ValueTypes.INT)).isEqualTo(i);
    }
    assertThat(f.contains("_answer")).isFalse();
    assertThat(f.raw("_error")).isNull();
    assertThat(f.contains("absent")).isFalse();
  }

  private static void pair(ByteSink out, String key, String value) {
    out.writeU16(bytes(key).length);
    out.write(bytes(key));
    out.writeU16(bytes(value).length);
    out.write(bytes(value));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 7})
  void keysSplitAcrossReads_areTheKeysOfTheTable(int chunk) {
    ByteSink frame = new ByteSink(64);
    for (int box = 0; box < 2; box++) {
      pair(frame, "_command", "Sum");
      pair(frame, "a-long-key-split-across-reads", "13");
      pair(frame, "b", "81");
      frame.writeU16(0);
    }
    byte[] wire = frame.toByteArray();
    BoxParser parser = new BoxParser(BoxParser.Config.messages(Limits.DEFAULTS, false));
    List<RawBox> boxes = new ArrayList<>();
    for (int at = 0; at < wire.length; at += chunk) {
      ByteBuffer in = ByteBuffer.wrap(wire, at, Math.min(chunk, wire.length - at));
      RawBox b;
      while ((b = parser.next(in)) != null) {
        boxes.add(b);
      }
    }
    assertThat(boxes).hasSize(2);
    for (RawBox b : boxes) {
      assertThat(b.size()).isEqualTo(3);
      assertThat(b.key(0)).isSameAs(ProtocolKeys.COMMAND_KEY);
      assertThat(b.get(key("a-long-key-split-across-reads"))).isEqualTo(bytes("13"));
      assertThat(b.get(key("b"))).isEqualTo(bytes("81"));
    }
    // The second box reuses the keys of the first.
    assertThat(boxes.get(1).key(1)).isSameAs(boxes.get(0).key(1));
    assertThat(boxes.get(1).key(2)).isSameAs(boxes.get(0).key(2));
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aBigBoxCountsRepeatedKeysOnce_againstTheFieldLimit(boolean splitValues) {
    int n = 3 * RawBox.SCAN_LIMIT;
    Limits limits = Limits.builder().maxFieldCount(n).build();
    ByteSink frame = new ByteSink(64);
    pair(frame, "_answer", "1");
    for (int i = 0; i < n; i++) {
      pair(frame, "k" + i, "x");
      pair(frame, "k" + i, "y"); // consecutive: joined with amp.split-values, else replaced
      pair(frame, "k0", "z"); // not consecutive after the first: replaces
    }
    frame.writeU16(0);
    byte[] wire = frame.toByteArray();
    RawBox box =
        new BoxParser(BoxParser.Config.messages(limits, splitValues)).next(ByteBuffer.wrap(wire));
    assertThat(box.size()).isEqualTo(n + 1);
    assertThat(box.get(key("k0"))).isEqualTo(bytes("z"));
    assertThat(box.get(key("k1"))).isEqualTo(bytes(splitValues ? "xy" : "y"));
    assertThat(box.get(key("k" + (n - 1)))).isEqualTo(bytes(splitValues ? "xy" : "y"));

    Limits tighter = Limits.builder().maxFieldCount(n - 1).build();
    BoxParser parser = new BoxParser(BoxParser.Config.messages(tighter, splitValues));
    assertThatThrownBy(() -> parser.next(ByteBuffer.wrap(wire)))
        .isInstanceOf(BoxParser.TooManyFields.class)
        .hasMessageContaining("at key \"k" + (n - 1) + "\"");
  }

  @ParameterizedTest
  @ValueSource(ints = {8, 12})
  void keysWithCollidingHashes_areAllKept(int halves) {
    // "Aa" and "BB" have the same hash, and so do all keys made of them.
    List<String> names = new ArrayList<>();
    for (int bits = 0; bits < 1 << halves; bits++) {
      StringBuilder name = new StringBuilder();
      for (int i = 0; i < halves; i++) {
        name.append((bits >> i & 1) == 0 ? "Aa" : "BB");
      }
      names.add(name.toString());
    }
    assertThat(names.stream().map(n -> key(n).hashCode()).distinct()).hasSize(1);
    ByteSink frame = new ByteSink(64);
    pair(frame, "_answer", "1");
    names.forEach(n -> pair(frame, n, n));
    frame.writeU16(0);
    Fields f = Vectors.decode(frame.toByteArray()).messages().get(0).fields();
    assertThat(f.names()).hasSize(names.size());
    for (String n : names) {
      assertThat(f.get(n, ValueTypes.UNICODE)).isEqualTo(n);
    }
  }

  // ------------------------------------------------------------------ boxes to write

  @ParameterizedTest
  @ValueSource(
      ints = {
        1,
        BoxWriter.SORTED_LIMIT - 1,
        BoxWriter.SORTED_LIMIT,
        BoxWriter.SORTED_LIMIT + 1,
        300
      })
  void pairsAreWrittenSortedAsUnsignedBytes_intoExactlyTheirLength(int n) {
    // Added in a scrambled order, with keys that sort differently as signed bytes.
    List<String> names = new ArrayList<>(names(n));
    IntStream.range(0, n).forEach(i -> names.set(i, (i % 3 == 0 ? "\u00ff" : "") + names.get(i)));
    List<String> added = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      added.add(names.get((int) ((long) i * 7919 % n)));
    }
    assertThat(added).containsExactlyInAnyOrderElementsOf(names);
    BoxWriter writer = new BoxWriter(Limits.AMP_MAX_VALUE_LENGTH, false, 2);
    for (String name : added) {
      writer.add(ValuePath.key(name), key(name), bytes("v-" + name));
    }
    byte[] wire = new byte[(int) writer.length() + 3];
    assertThat(writer.writeTo(wire, 3)).isEqualTo(wire.length);
    assertThat(writer.toByteArray()).isEqualTo(java.util.Arrays.copyOfRange(wire, 3, wire.length));

    RawBox box =
        new BoxParser(BoxParser.Config.records(Limits.DEFAULTS))
            .next(ByteBuffer.wrap(writer.toByteArray()));
    List<ByteKey> sorted = new ArrayList<>(names.stream().map(BoxLayoutTest::key).toList());
    sorted.sort(null);
    assertThat(box.size()).isEqualTo(n);
    for (int i = 0; i < n; i++) {
      assertThat(box.key(i)).isEqualTo(sorted.get(i));
      assertThat(box.value(i))
          .isEqualTo(bytes("v-" + new String(sorted.get(i).bytes(), StandardCharsets.UTF_8)));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, BoxWriter.SORTED_LIMIT - 1, BoxWriter.SORTED_LIMIT, 100})
  void aRepeatedKeyIsRefused_beforeOrAfterTheSortedLimit(int before) {
    BoxWriter writer = new BoxWriter(Limits.AMP_MAX_VALUE_LENGTH, false, 4);
    writer.add(ValuePath.key("dup"), key("dup"), bytes("1"));
    for (int i = 0; i < before; i++) {
      writer.add(ValuePath.key("k" + i), key("k" + i), bytes("x"));
    }
    long length = writer.length();
    assertThatThrownBy(() -> writer.add(ValuePath.key("dup"), key("dup"), bytes("2")))
        .isInstanceOf(EncodingException.class)
        .hasMessage("value 'dup' repeats a key already in the box: two values have that name");
    assertThat(writer.length()).isEqualTo(length);
    assertThat(writer.toByteArray()).hasSize((int) length);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 65_535, 65_536, 200_000})
  void aSplitValueIsWrittenInParts_ofExactlyTheCountedLength(int valueLength) {
    BoxWriter writer = new BoxWriter(1 << 20, true, 1);
    writer.add(ValuePath.key("blob"), key("blob"), new byte[valueLength]);
    writer.add(ValuePath.key("a"), key("a"), bytes("1"));
    byte[] wire = writer.toByteArray();
    assertThat(wire).hasSize((int) writer.length());
    RawBox box =
        new BoxParser(new BoxParser.Config(1 << 20, Long.MAX_VALUE, 10, false, true))
            .next(ByteBuffer.wrap(wire));
    assertThat(box.get(key("blob"))).hasSize(valueLength);
    assertThat(box.get(key("a"))).isEqualTo(bytes("1"));
  }

  private static final long[] NUMBERS = {
    0, 1, -1, 9, 10, -10, 99, 100, -100, 12_345, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 40
  };

  @ParameterizedTest
  @ValueSource(ints = {1, BoxWriter.SORTED_LIMIT - 1, BoxWriter.SORTED_LIMIT + 1, 300})
  void integersWrittenStraightIntoTheBox_areTheBytesOfTheirText(int n) {
    BoxWriter direct = new BoxWriter(Limits.AMP_MAX_VALUE_LENGTH, false, 2);
    BoxWriter viaText = new BoxWriter(Limits.AMP_MAX_VALUE_LENGTH, false, 2);
    for (int i = 0; i < n; i++) {
      String name = "k" + (i * 7919 % n); // scrambled, so that pairs move as they are placed
      if (i % 2 == 0) {
        long number = NUMBERS[i % NUMBERS.length];
        int textLength = IntegerText.length(number, 19);
        direct.addInteger(ValuePath.key(name), key(name), number, textLength);
        viaText.add(ValuePath.key(name), key(name), IntegerText.format(number, 19));
      } else {
        direct.add(ValuePath.key(name), key(name), bytes("v" + i));
        viaText.add(ValuePath.key(name), key(name), bytes("v" + i));
      }
      assertThat(direct.length()).isEqualTo(viaText.length());
    }
    assertThat(direct.toByteArray()).isEqualTo(viaText.toByteArray());
  }

  @Test
  void aThreadsWriter_isEmptiedWhenReleased_andAnotherIsGivenWhileItIsInUse() {
    BoxWriter first = BoxWriter.forMessage(Limits.AMP_MAX_VALUE_LENGTH, false);
    for (int i = 0; i < BoxWriter.KEPT_PAIRS + 1; i++) {
      first.add(ValuePath.key("k" + i), key("k" + i), bytes("old"));
    }
    BoxWriter nested = BoxWriter.forMessage(Limits.AMP_MAX_VALUE_LENGTH, false);
    assertThat(nested).isNotSameAs(first);
    nested.addInteger(ValuePath.key("n"), key("n"), -5, 2);
    assertThat(nested.toByteArray()).isEqualTo(box("n", "-5"));
    nested.release();
    first.release();

    BoxWriter again = BoxWriter.forMessage(3, false);
    assertThat(again).isSameAs(first);
    assertThat(again.length()).isEqualTo(2);
    again.addInteger(ValuePath.key("a"), key("a"), 7, 1);
    assertThatThrownBy(() -> again.add(ValuePath.key("b"), key("b"), bytes("four")))
        .isInstanceOf(EncodingException.class)
        .hasMessageContaining("longer than maxValueLength 3");
    assertThat(again.toByteArray()).isEqualTo(box("a", "7"));
    again.release();
  }

  @Test
  void aBadKeyIsNamed_beforeATooLongValue() {
    BoxWriter writer = new BoxWriter(3, false, 2);
    assertThatThrownBy(() -> writer.add(ValuePath.key(""), key(""), bytes("four")))
        .isInstanceOf(EncodingException.class)
        .hasMessageContaining("is empty");
    assertThatThrownBy(() -> writer.addInteger(ValuePath.key(""), key(""), 1, 1))
        .isInstanceOf(EncodingException.class)
        .hasMessageContaining("is empty");
    assertThat(writer.length()).isEqualTo(2);
  }

  /** The wire bytes of a box of one pair of ASCII key and value. */
  private static byte[] box(String k, String v) {
    byte[] out = new byte[2 + k.length() + 2 + v.length() + 2];
    out[1] = (byte) k.length();
    System.arraycopy(bytes(k), 0, out, 2, k.length());
    out[3 + k.length()] = (byte) v.length();
    System.arraycopy(bytes(v), 0, out, 4 + k.length(), v.length());
    return out;
  }
}
