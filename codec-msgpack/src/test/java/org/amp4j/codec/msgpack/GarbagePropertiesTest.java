package org.amp4j.codec.msgpack;

import static org.amp4j.codec.msgpack.Wire.codec;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.amp4j.Limits;
import org.amp4j.ProtocolException;
import org.amp4j.spi.MessageDecoder;

/** Random input gives only messages, "need more", or a ProtocolException; nothing else. */
class GarbagePropertiesTest {

  private static final Limits LIMITS =
      Limits.builder().maxFrameLength(4096).maxValueLength(512).build();

  @Property(tries = 2000)
  void randomStream_onlyProtocolErrors(
      @ForAll @Size(max = 300) byte[] bytes, @ForAll @IntRange(min = 1, max = 17) int chunk) {
    feed(bytes, chunk);
  }

  @Property(tries = 3000)
  void randomPayloadInCompleteFrame_onlyProtocolErrors(@ForAll("payloads") byte[] payload) {
    ByteBuffer frame = ByteBuffer.allocate(4 + payload.length).putInt(payload.length).put(payload);
    feed(frame.array(), 1 + payload.length % 5);
  }

  @Property(tries = 2000)
  void mutatedValidFrame_onlyProtocolErrorsOrMessages(
      @ForAll @IntRange(min = 0, max = 200) int position, @ForAll byte replacement) {
    for (String golden :
        List.of(GoldenBytesTest.SUM_CALL, GoldenBytesTest.ERROR, GoldenBytesTest.SUM_ANSWER)) {
      byte[] frame = Wire.hex(golden);
      frame[4 + position % (frame.length - 4)] = replacement;
      feed(frame, 3);
    }
  }

  @Provide
  Arbitrary<byte[]> payloads() {
    // bias towards msgpack structure: a map of the message keys, then random bytes
    Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
    return random.map(
        tail -> {
          byte[] head = Wire.hex("83 a4 63616c6c a1 58 a4 61726773");
          byte[] out = new byte[head.length + tail.length];
          System.arraycopy(head, 0, out, 0, head.length);
          System.arraycopy(tail, 0, out, head.length, tail.length);
          return out;
        });
  }

  private static void feed(byte[] bytes, int chunk) {
    MessageDecoder decoder = codec(LIMITS).newDecoder();
    try {
      for (int i = 0; i < bytes.length; i += chunk) {
        ByteBuffer in = ByteBuffer.wrap(bytes, i, Math.min(chunk, bytes.length - i));
        decoder.decode(in, m -> assertThat(m.fields()).isNotNull());
      }
    } catch (ProtocolException expected) {
      // the only failure allowed
    }
  }
}
