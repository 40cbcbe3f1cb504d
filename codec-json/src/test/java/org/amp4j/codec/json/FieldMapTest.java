package org.amp4j.codec.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.amp4j.Limits;
import org.amp4j.ProtocolException;
import org.junit.jupiter.api.Test;

/** The maps {@link PlainReader} reads: {@link FieldMap} for a few keys, and larger maps. */
class FieldMapTest {

  private final PlainReader reader = new PlainReader(Limits.DEFAULTS, new JacksonCodec.Format() {});

  @Test
  void fieldMap_isAnOrderedMapLikeAnyOther() {
    Map<String, Object> map = read("{\"b\":1,\"a\":null,\"c\":\"x\"}");
    assertThat(map).isInstanceOf(FieldMap.class);
    assertThat(map.keySet()).containsExactly("b", "a", "c");
    assertThat(map).containsKey("a").doesNotContainKey("d").hasSize(3);
    assertThat(map.get("a")).isNull();
    assertThat(map.get("c")).isEqualTo("x");
    assertThat(map.get("d")).isNull();
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("b", map.get("b"));
    expected.put("a", null);
    expected.put("c", "x");
    assertThat(map).isEqualTo(expected);
    assertThat(map.hashCode()).isEqualTo(expected.hashCode());
    assertThatThrownBy(() -> map.put("d", 1)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> map.remove("a")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> map.entrySet().iterator().next().setValue(2))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void maps_pastEightKeys_keepOrderAndFindRepeatedKeys() {
    for (int n : List.of(0, 1, FieldMap.MAX, FieldMap.MAX + 1, 30)) {
      StringBuilder json = new StringBuilder("{");
      for (int i = 0; i < n; i++) {
        json.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
      }
      Map<String, Object> map = read(json.append('}').toString());
      assertThat(map).hasSize(n);
      assertThat(map.keySet()).containsExactlyElementsOf(keys(n));
      assertThatThrownBy(() -> map.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
      for (int repeated : List.of(0, n - 1)) {
        if (n > 0) {
          String twice = json.substring(0, json.length() - 1) + ",\"k" + repeated + "\":0}";
          assertThatThrownBy(() -> read(twice))
              .isInstanceOf(ProtocolException.class)
              .hasMessage("key 'k" + repeated + "' appears twice in one map");
        }
      }
    }
  }

  @Test
  void plainReader_onAFedParserOutOfInput_failsAtOnce() throws Exception {
    JsonParser in = new JsonFactory().createNonBlockingByteArrayParser();
    byte[] cut = "{\"t\":[1,2".getBytes(StandardCharsets.UTF_8);
    ((ByteArrayFeeder) in.getNonBlockingInputFeeder()).feedInput(cut, 0, cut.length);
    assertThat(in.nextToken()).isEqualTo(JsonToken.START_OBJECT);
    assertThatThrownBy(() -> reader.readMap(in, 0))
        .isInstanceOf(ProtocolException.class)
        .hasMessage("the frame ends inside a value");
  }

  private static List<String> keys(int n) {
    return java.util.stream.IntStream.range(0, n).mapToObj(i -> "k" + i).toList();
  }

  private Map<String, Object> read(String json) {
    try (JsonParser in = new JsonFactory().createParser(json)) {
      assertThat(in.nextToken()).isEqualTo(JsonToken.START_OBJECT);
      return reader.readMap(in, 0);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
