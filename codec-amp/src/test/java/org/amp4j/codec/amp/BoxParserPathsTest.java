package org.amp4j.codec.amp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The parser's two paths, one pass over a heap array for a box that lies whole in it and the
 * general byte-range path (the only one for a direct buffer), give the same boxes and the same
 * failures for any input, under any limits.
 */
class BoxParserPathsTest {

  @Property(tries = 2000)
  void heapAndDirectInput_giveTheSameBoxesAndFailures(
      @ForAll("streams") byte[] stream, @ForAll("configs") BoxParser.Config config) {
    ByteBuffer heap = ByteBuffer.wrap(stream);
    ByteBuffer direct = ByteBuffer.allocateDirect(stream.length).put(stream).flip();
    assertThat(outcome(new BoxParser(config), heap))
        .isEqualTo(outcome(new BoxParser(config), direct));
  }

  @Example
  void keysOfTheLastBox_areComparedNotTrusted_whenTheNextBoxHasOthersInTheirPlaces() {
    ByteSink out = new ByteSink(64);
    for (String[] keys : new String[][] {{"a", "b"}, {"b", "a"}, {"a", "c", "b"}, {"a"}}) {
      for (int i = 0; i < keys.length; i++) {
        out.writeU16(1);
        out.write(keys[i].getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        out.writeU16(1);
        out.write(new byte[] {(byte) ('0' + i)});
      }
      out.writeU16(0);
    }
    assertThat(
            outcome(
                new BoxParser(new BoxParser.Config(100, 1000, 10, true, false)),
                ByteBuffer.wrap(out.toByteArray())))
        .containsExactly(
            "\"a\"=[48];\"b\"=[49];",
            "\"b\"=[48];\"a\"=[49];",
            "\"a\"=[48];\"c\"=[49];\"b\"=[50];",
            "\"a\"=[48];",
            "end at boundary true",
            "remaining 0");
  }

  /** Each box read, as its pairs, then the failure if any, then what was left unread. */
  private static List<String> outcome(BoxParser parser, ByteBuffer in) {
    List<String> seen = new ArrayList<>();
    try {
      RawBox box;
      while ((box = parser.next(in)) != null) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < box.size(); i++) {
          b.append(box.key(i)).append('=').append(Arrays.toString(box.value(i))).append(';');
        }
        seen.add(b.toString());
      }
      seen.add("end at boundary " + parser.atBoxBoundary());
    } catch (RuntimeException e) {
      seen.add(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    seen.add("remaining " + in.remaining());
    return seen;
  }

  @Provide
  Arbitrary<BoxParser.Config> configs() {
    Arbitrary<BoxParser.Config> limited =
        Combinators.combine(
                Arbitraries.integers().between(0, 70_000),
                Arbitraries.longs().between(0, 200),
                Arbitraries.integers().between(0, 6),
                Arbitraries.of(true, false),
                Arbitraries.of(true, false))
            .as(BoxParser.Config::new);
    return Arbitraries.oneOf(
        limited, Arbitraries.just(new BoxParser.Config(70_000, Long.MAX_VALUE, 100, true, false)));
  }

  @Provide
  Arbitrary<byte[]> streams() {
    Arbitrary<byte[]> pair =
        Combinators.combine(
                Arbitraries.oneOf(
                    Arbitraries.of("a", "b", "_ask", "_command", "_answer", "total")
                        .map(k -> k.getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                    Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(3)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(40),
                Arbitraries.integers().between(0, 20))
            .as(
                (key, value, odd) -> {
                  // now and then a key length AMP refuses (0 ends the box; over 255 fails)
                  int keyLength = odd == 0 ? 256 : key.length;
                  ByteSink out = new ByteSink(8);
                  out.writeU16(keyLength);
                  out.write(keyLength == 256 ? new byte[256] : key);
                  out.writeU16(value.length);
                  out.write(value);
                  return out.toByteArray();
                });
    Arbitrary<byte[]> box =
        pair.list()
            .ofMaxSize(6)
            .map(
                pairs -> {
                  ByteSink out = new ByteSink(64);
                  pairs.forEach(out::write);
                  out.writeU16(0);
                  return out.toByteArray();
                });
    return Combinators.combine(box.list().ofMinSize(1).ofMaxSize(3), Arbitraries.integers())
        .as(
            (boxes, cut) -> {
              ByteSink out = new ByteSink(128);
              boxes.forEach(out::write);
              byte[] all = out.toByteArray();
              // sometimes the stream stops inside its last box
              return cut % 3 == 0 ? Arrays.copyOf(all, Math.floorMod(cut, all.length + 1)) : all;
            });
  }
}
