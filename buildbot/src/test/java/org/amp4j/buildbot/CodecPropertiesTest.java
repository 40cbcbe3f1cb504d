package org.amp4j.buildbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.amp4j.ProtocolException;
import org.amp4j.spi.InboundMessage;
import org.amp4j.spi.MessageDecoder;
import org.amp4j.spi.OutboundMessage;
import org.amp4j.spi.TypedValue;

/** Any value, any chunking: decode(encode(x)) == x; garbage gives only ProtocolException. */
class CodecPropertiesTest {

  @Property(tries = 300)
  void anyValue_roundTripsThroughACall(
      @ForAll("values") Object value, @ForAll @IntRange(min = 1, max = 7) int chunk) {
    byte[] frame =
        Wire.CODEC.encode(
            OutboundMessage.call(
                "update", "2a", List.of(new TypedValue<>("args", BuildbotTypes.ANY, value))));
    MessageDecoder decoder = Wire.CODEC.newDecoder();
    InboundMessage m = null;
    for (int off = 0; off < frame.length; off += chunk) {
      ByteBuffer part = ByteBuffer.wrap(frame, off, Math.min(chunk, frame.length - off));
      InboundMessage got = decoder.next(part);
      assertThat(part.hasRemaining()).isFalse();
      if (got != null) {
        assertThat(m).isNull();
        m = got;
      }
    }
    assertThat(m).isNotNull();
    assertThat(m.tag()).isEqualTo("2a");
    assertThat(normal(m.fields().get("args", BuildbotTypes.ANY))).isEqualTo(normal(value));
  }

  @Property(tries = 300)
  void anyValue_roundTripsAsBytesForOtherCodecs(@ForAll("values") Object value) {
    byte[] bytes = BuildbotTypes.ANY.toWire(value) instanceof byte[] b ? b : null;
    assertThat(normal(BuildbotTypes.ANY.fromWire(bytes))).isEqualTo(normal(value));
  }

  @Property(tries = 1000)
  void randomBytes_giveOnlyProtocolErrorsOrNeedMore(@ForAll @Size(max = 64) byte[] payload) {
    MessageDecoder decoder = Wire.CODEC.newDecoder();
    byte[] frame = Wire.frame(payload);
    try {
      decoder.next(ByteBuffer.wrap(frame));
    } catch (ProtocolException expected) {
      // the only failure allowed
    }
    MessageDecoder raw = Wire.CODEC.newDecoder();
    try {
      raw.next(ByteBuffer.wrap(payload));
    } catch (ProtocolException expected) {
      // the only failure allowed
    }
  }

  @Provide
  Arbitrary<Object> values() {
    return Arbitraries.recursive(this::scalar, this::container, 3);
  }

  private Arbitrary<Object> scalar() {
    return Arbitraries.oneOf(
        Arbitraries.longs().map(l -> (Object) l),
        Arbitraries.strings().ofMaxLength(20).map(s -> (Object) s),
        Arbitraries.bytes().array(byte[].class).ofMaxSize(20).map(b -> (Object) b),
        Arbitraries.doubles().map(d -> (Object) d),
        Arbitraries.of(true, false).map(b -> (Object) b),
        Arbitraries.just(Optional.empty()));
  }

  private Arbitrary<Object> container(Arbitrary<Object> element) {
    return Arbitraries.oneOf(
        element.list().ofMaxSize(4).map(l -> (Object) l),
        Arbitraries.maps(Arbitraries.strings().ofMaxLength(6), element)
            .ofMaxSize(4)
            .map(m -> (Object) new LinkedHashMap<>(m)));
  }

  /** A form with value equality: bin as hex text, everything else as it is. */
  static Object normal(Object v) {
    if (v instanceof byte[] b) {
      return "bin:" + HexFormat.of().formatHex(b);
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(e -> out.add(normal(e)));
      return out;
    }
    if (v instanceof Map<?, ?> m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      m.forEach((k, e) -> out.put(k, normal(e)));
      return out;
    }
    return v;
  }
}
