package org.amp4j.codec.amp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every byte string in amp-vectors.json (wire bytes, requests, replies, receive inputs), fed one
 * byte at a time and in other chunkings, decodes exactly as when fed whole: same messages, same
 * values, same error at the same point, same partial state.
 */
class FragmentationTest {

  private static final List<String> HEX_KEYS =
      List.of(
          "wire_hex",
          "request_hex",
          "reply_hex",
          "input_hex",
          "response_hex",
          "output_hex",
          "written_after_answer_hex");

  /** All non-empty byte strings of all vectors, named by vector and field. */
  static List<Map.Entry<String, byte[]>> inputs() {
    List<Map.Entry<String, byte[]>> out = new ArrayList<>();
    for (Map<String, Object> v : Vectors.all()) {
      collect(Vectors.name(v), v, out);
    }
    return out;
  }

  private static void collect(
      String name, Map<String, Object> m, List<Map.Entry<String, byte[]>> out) {
    for (Map.Entry<String, Object> e : m.entrySet()) {
      if (HEX_KEYS.contains(e.getKey()) && e.getValue() instanceof String hex && !hex.isEmpty()) {
        out.add(Map.entry(name + "." + e.getKey(), Vectors.hex(hex)));
      } else if (e.getValue() instanceof Map<?, ?> nested) {
        collect(name + "." + e.getKey(), Vectors.map(nested), out);
      }
    }
  }

  @Test
  void everyVectorWithBytesContributes() {
    java.util.Set<String> contributing = new java.util.TreeSet<>();
    for (Map.Entry<String, byte[]> e : inputs()) {
      contributing.add(e.getKey().substring(0, e.getKey().indexOf('.')));
    }
    java.util.Set<String> expected = new java.util.TreeSet<>();
    for (Map<String, Object> v : Vectors.all()) {
      Object category = v.get("category");
      if (!"value_table".equals(category) && !"send_error".equals(category)) {
        expected.add(Vectors.name(v));
      }
    }
    // The one send_error vector with bytes: what Twisted wrote for an empty key.
    expected.add("send_empty_key_not_checked");
    assertThat(contributing).isEqualTo(expected);
  }

  @TestFactory
  Stream<DynamicTest> byteAtATimeDecodesIdentically() {
    return inputs().stream()
        .map(e -> dynamicTest(e.getKey(), () -> assertSameOutcome(e.getValue(), new int[] {1})));
  }

  @TestFactory
  Stream<DynamicTest> otherChunkingsDecodeIdentically() {
    Random random = new Random(7);
    return inputs().stream()
        .map(
            e -> {
              int[] sizes = new int[8];
              for (int i = 0; i < sizes.length; i++) {
                sizes[i] = 1 + random.nextInt(5 + e.getValue().length / 3);
              }
              return dynamicTest(
                  e.getKey(),
                  () -> {
                    assertSameOutcome(e.getValue(), new int[] {2});
                    assertSameOutcome(e.getValue(), new int[] {3, 1, 4, 1, 5});
                    assertSameOutcome(e.getValue(), sizes);
                  });
            });
  }

  private static void assertSameOutcome(byte[] input, int[] chunks) {
    Vectors.Outcome whole = Vectors.decode(input);
    Vectors.Outcome split = Vectors.decode(input, chunks);
    assertThat(describe(split)).isEqualTo(describe(whole));
  }

  static List<String> describe(Vectors.Outcome o) {
    List<String> out = new ArrayList<>();
    for (var m : o.messages()) {
      out.add(Vectors.summary(m));
    }
    out.add(
        o.error() == null
            ? "no error, at box boundary: " + o.atBoundary()
            : o.error().getClass().getSimpleName() + ": " + o.error().getMessage());
    return out;
  }
}
