package org.amp4j.codec.json;

import static org.amp4j.codectest.MessageAssertions.assertSameMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.io.OutputDecorator;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.amp4j.Limits;
import org.amp4j.ProtocolException;
import org.amp4j.codectest.GrowingMessages;
import org.amp4j.codectest.WireValues;
import org.amp4j.spi.Codec;
import org.amp4j.spi.OutboundMessage;
import org.amp4j.spi.TypedValue;
import org.amp4j.value.ValueType;
import org.amp4j.value.ValueTypes;
import org.junit.jupiter.api.Test;

/**
 * What the JSON codec reuses from message to message, beyond the shared suite's checks (one decoder
 * for a stream, one codec on several threads): its reader across a malformed frame, frames small
 * and larger than the generator's buffer, and each thread's generator ({@link MessageWriter}),
 * which writes what a new generator writes, after a failed message too.
 */
class JsonReuseTest {

  private static Codec codec() {
    return new JsonCodecProvider().create(Limits.DEFAULTS);
  }

  @Test
  void codec_afterAMalformedFrame_readsTheNextOne() {
    Codec codec = codec();
    assertThatThrownBy(
            () ->
                codec
                    .newDecoder()
                    .next(
                        ByteBuffer.wrap(JsonFrames.frame("{\"call\":\"Sum\",\"args\":{\"a\":1}"))))
        .isInstanceOf(ProtocolException.class);
    assertThatThrownBy(
            () ->
                codec
                    .newDecoder()
                    .next(ByteBuffer.wrap(JsonFrames.frame("{\"call\":\"Sum\",\"tag\":\"1\"}"))))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("lacks 'args'");
    for (OutboundMessage m : GrowingMessages.all()) {
      assertSameMessage(m, codec.newDecoder().next(ByteBuffer.wrap(codec.encode(m))));
    }
  }

  @Test
  void frame_holdsItsPayloadLengthAndNothingMore() {
    for (OutboundMessage m : GrowingMessages.all()) {
      byte[] frame = codec().encode(m);
      assertThat(ByteBuffer.wrap(frame).getInt()).isEqualTo(frame.length - 4);
      assertThat(frame[frame.length - 1]).isEqualTo((byte) '}');
    }
  }

  @Test
  void generator_reusedOnOneThread_writesWhatANewOneWrites() {
    Limits limits = Limits.builder().maxFrameLength(30_000).build();
    MessageWriter reusing = writer(limits, true);
    MessageWriter fresh = writer(limits, false);
    List<OutboundMessage> messages = new ArrayList<>();
    for (OutboundMessage m : GrowingMessages.all()) {
      messages.add(m); // the longest overflow the frame, the generator mid-message
      messages.add(badAfterAGoodValue());
    }
    messages.addAll(GrowingMessages.all());
    for (OutboundMessage m : messages) {
      Object expected = outcome(() -> fresh.encode(m));
      assertThat(outcome(() -> reusing.encode(m))).isEqualTo(expected);
    }
    assertThat(messages.stream().map(m -> outcome(() -> fresh.encode(m))))
        .anyMatch(o -> o.toString().contains("maxFrameLength"))
        .anyMatch(o -> o.toString().contains("unpaired surrogate"));
  }

  @Test
  void generator_perThread_writesEveryFrameWhole() throws Exception {
    Codec codec = codec();
    List<OutboundMessage> messages = GrowingMessages.all();
    List<String> expected = new ArrayList<>();
    MessageWriter fresh = writer(Limits.DEFAULTS, false);
    for (OutboundMessage m : messages) {
      expected.add(WireValues.hex(fresh.encode(m)));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int first = t;
        runs.add(
            pool.submit(
                () -> {
                  for (int round = 0; round < 50; round++) {
                    int i = (first * 7 + round) % messages.size();
                    assertThat(WireValues.hex(codec.encode(messages.get(i))))
                        .isEqualTo(expected.get(i));
                  }
                }));
      }
      for (Future<?> run : runs) {
        run.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void generator_inUse_isNotTakenByAnEncodeNestedInIt() {
    Codec codec = codec();
    OutboundMessage inner = OutboundMessage.error("2", "INNER", "nested");
    // A mapped type whose conversion encodes another message on the same thread.
    ValueType<OutboundMessage> framed =
        ValueTypes.UNICODE.map(
            "framed", hex -> null, (OutboundMessage m) -> WireValues.hex(codec.encode(m)));
    OutboundMessage outer =
        OutboundMessage.answer(
            "1",
            List.of(
                new TypedValue<>("n", ValueTypes.LONG, 5L),
                new TypedValue<>("inner", framed, inner)));
    byte[] frame = codec.encode(outer);
    assertThat(new String(frame, 4, frame.length - 4, StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"answer\":\"1\",\"values\":{\"n\":5,\"inner\":\""
                + WireValues.hex(writer(Limits.DEFAULTS, false).encode(inner))
                + "\"}}");
    assertThat(codec.encode(inner)).isEqualTo(writer(Limits.DEFAULTS, false).encode(inner));
  }

  @Test
  void generators_areReusedForPlainJsonOnly() {
    assertThat(MessageWriter.reusesGenerators(new JsonFactory())).isTrue();
    assertThat(MessageWriter.reusesGenerators(new JsonFactory() {})).isFalse();
    JsonFactory decorated =
        JsonFactory.builder()
            .outputDecorator(
                new OutputDecorator() {
                  @Override
                  public OutputStream decorate(IOContext ctxt, OutputStream out) {
                    return out;
                  }

                  @Override
                  public Writer decorate(IOContext ctxt, Writer w) {
                    return w;
                  }
                })
            .build();
    assertThat(MessageWriter.reusesGenerators(decorated)).isFalse();
  }

  /** A call whose second value fails after the first is written. */
  private static OutboundMessage badAfterAGoodValue() {
    return OutboundMessage.call(
        "Sum",
        "9",
        List.of(
            new TypedValue<>("a", ValueTypes.LONG, 1L),
            new TypedValue<>("b", ValueTypes.UNICODE, "x\ud800")));
  }

  private static MessageWriter writer(Limits limits, boolean reuse) {
    JsonFactory factory =
        JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();
    JacksonCodec.Format format = new JacksonCodec.Format() {};
    return new MessageWriter(factory, limits, new ValueWriter("json", limits, format), reuse);
  }

  /** The frame's hex, or the failure's class and message. */
  private static Object outcome(Supplier<byte[]> encode) {
    try {
      return WireValues.hex(encode.get());
    } catch (RuntimeException e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }
}
