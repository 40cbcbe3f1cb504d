package org.amp4j.codectest;

import static org.amp4j.codectest.MessageAssertions.assertSameMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.amp4j.EncodingException;
import org.amp4j.Limits;
import org.amp4j.ProtocolException;
import org.amp4j.spi.Codec;
import org.amp4j.spi.FrameBuffer;
import org.amp4j.spi.InboundMessage;
import org.amp4j.spi.MessageDecoder;
import org.amp4j.spi.OutboundMessage;
import org.amp4j.spi.TypedValue;
import org.amp4j.value.RecordSchema;
import org.amp4j.value.ValueType;
import org.amp4j.value.ValueTypes;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The tests every codec passes, as gRPC-java's {@code AbstractTransportTest} is for transports. A
 * codec's test extends this class and says how to make the codec and what its golden frames are:
 *
 * <pre>{@code
 * class JsonConformanceTest extends CodecConformanceTest {
 *   protected Codec codec(Limits limits) { return new JsonCodecProvider().create(limits); }
 *   protected Map<String, String> goldenHex() { return Map.of("call_with_tag", "0000002a7b...", ...); }
 * }
 * }</pre>
 *
 * <p>Covered: round trips of {@link SampleValues} (as call arguments, as answer values, in a list,
 * in a record, all in one message), message headers, {@link GoldenMessages} both ways, decoding
 * whole, one byte at a time, back to back and from every proper prefix, every limit ({@link
 * LimitCases} and the frame limit) on both sides, reading as the wrong type ({@link
 * TypeMismatches}), per-codec types at every level, fixed and random garbage, and a property over
 * random typed values under random chunking ({@link ValueArbitraries}).
 */
public abstract class CodecConformanceTest {

  /** A codec enforcing {@code limits}. */
  protected abstract Codec codec(Limits limits);

  /**
   * The exact frame of every message in {@link GoldenMessages#all()}, as lowercase hex, by name.
   */
  protected abstract Map<String, String> goldenHex();

  /**
   * Whether the codec's frames carry no types, so that a value is only decoded when it is read
   * (AMP). Such a codec cannot tell some type mismatches (the text {@code 42} is fine unicode), and
   * checks limits on what is inside a value (list length, nesting, integer digits, fields of a
   * nested record) when the value is read, failing with {@link IllegalArgumentException} instead of
   * {@link ProtocolException}. False by default.
   */
  protected boolean decodesValuesLazily() {
    return false;
  }

  /** The codec with the default limits. */
  protected final Codec codec() {
    return codec(Limits.DEFAULTS);
  }

  // ------------------------------------------------------------------ round trips

  @TestFactory
  public Stream<DynamicTest> sampleValues_roundTripAsCallArguments() {
    return perSample(
        s -> OutboundMessage.call("Echo", "7", List.of(typed("value", s.type(), s.value()))));
  }

  @TestFactory
  public Stream<DynamicTest> sampleValues_roundTripAsAnswerValues() {
    return perSample(
        s -> OutboundMessage.answer("7", List.of(typed("value", s.type(), s.value()))));
  }

  @TestFactory
  public Stream<DynamicTest> sampleValues_roundTripInsideAList() {
    return SampleValues.all().stream()
        .filter(s -> s.type().kind() != ValueType.Kind.RECORDS)
        .map(
            s ->
                DynamicTest.dynamicTest(
                    s.toString(),
                    () ->
                        assertRoundTrip(
                            OutboundMessage.answer(
                                "7",
                                List.of(typed("list", listOf(s.type()), List.of(s.value())))))));
  }

  @TestFactory
  public Stream<DynamicTest> sampleValues_roundTripInsideARecord() {
    return perSample(
        s -> {
          RecordSchema<Map<String, Object>> schema =
              SampleValues.schema(
                  "Holder",
                  SampleValues.field("absent", ValueTypes.INTEGER, true),
                  SampleValues.field("v", s.type(), false));
          return OutboundMessage.answer(
              "7",
              List.of(
                  typed(
                      "records",
                      ValueTypes.records(schema),
                      List.of(SampleValues.record("v", s.value())))));
        });
  }

  @Test
  public void allSampleValues_inOneMessage_decodeWholeAndOneByteAtATime() {
    List<TypedValue<?>> values = new ArrayList<>();
    List<SampleValues.Sample> all = SampleValues.all();
    for (int i = 0; i < all.size(); i++) {
      values.add(typed("v" + i, all.get(i).type(), all.get(i).value()));
    }
    OutboundMessage message = OutboundMessage.call("EchoAll", "1", values);
    byte[] frame = codec().encode(message);
    assertSameMessage(message, Decoding.decodeOne(codec(), frame));
    assertSameMessage(message, Decoding.decodeOne(codec(), frame, 1));
  }

  @Test
  public void headers_roundTrip() {
    StringBuilder everyByte = new StringBuilder();
    for (char c = 0; c < 256; c++) {
      everyByte.append(c);
    }
    List<OutboundMessage> messages =
        List.of(
            OutboundMessage.call("Sum", "1", List.of()),
            OutboundMessage.call("\u00dcn\u00efcode \u2603 \ud83d\ude00", "a7f", List.of()),
            OutboundMessage.call("Notify", null, List.of()),
            OutboundMessage.call("Tagged", everyByte.toString(), List.of()),
            OutboundMessage.answer("1", List.of()),
            OutboundMessage.answer("\u0000\u00ff", List.of()),
            OutboundMessage.error("1", "ZERO_DIVISION", "division by zero"),
            OutboundMessage.error("22", "UNKNOWN", ""),
            OutboundMessage.error(
                "3", "BAD_\u00e9", "d\u00e9nominateur nul \u2603 \ud83d\ude00\n\u0000"));
    for (OutboundMessage m : messages) {
      assertSameMessage(m, Decoding.decodeOne(codec(), codec().encode(m)));
    }
  }

  // ------------------------------------------------------------------ golden bytes

  @Test
  public void golden_everyMessageHasHex() {
    assertThat(goldenHex().keySet())
        .containsExactlyInAnyOrderElementsOf(GoldenMessages.all().keySet());
  }

  @TestFactory
  public Stream<DynamicTest> golden_encodesToExactBytes() {
    return perGolden((m, hex) -> assertThat(WireValues.hex(codec().encode(m))).isEqualTo(hex));
  }

  @TestFactory
  public Stream<DynamicTest> golden_decodesToTheSameContent() {
    return perGolden(
        (m, hex) -> assertSameMessage(m, Decoding.decodeOne(codec(), WireValues.unhex(hex))));
  }

  @TestFactory
  public Stream<DynamicTest> golden_decodesOneByteAtATime() {
    return perGolden(
        (m, hex) -> assertSameMessage(m, Decoding.decodeOne(codec(), WireValues.unhex(hex), 1)));
  }

  @TestFactory
  public Stream<DynamicTest> golden_everyProperPrefixNeedsMore() {
    return perGolden(
        (m, hex) -> {
          byte[] frame = WireValues.unhex(hex);
          for (int k = 0; k < frame.length; k++) {
            ByteBuffer prefix = ByteBuffer.wrap(frame, 0, k);
            assertThat(Decoding.next(codec().newDecoder(), prefix)).as("prefix of %d", k).isNull();
          }
        });
  }

  @Test
  public void twoFramesInOneBuffer_nextStopsExactlyAtTheSecond() {
    List<OutboundMessage> golden = new ArrayList<>(GoldenMessages.all().values());
    for (int i = 0; i < golden.size(); i++) {
      OutboundMessage first = golden.get(i);
      OutboundMessage second = golden.get((i + 1) % golden.size());
      byte[] a = codec().encode(first);
      byte[] b = codec().encode(second);
      ByteBuffer both = ByteBuffer.allocate(a.length + b.length).put(a).put(b).flip();
      MessageDecoder decoder = codec().newDecoder();
      assertSameMessage(first, decoder.next(both));
      assertThat(both.position()).isEqualTo(a.length);
      assertSameMessage(second, decoder.next(both));
      assertThat(both.position()).isEqualTo(a.length + b.length);
      assertThat(decoder.next(both)).isNull();
    }
  }

  @Test
  public void allGoldenFramesBackToBack_decodeInOrderUnderChunking() {
    List<OutboundMessage> golden = new ArrayList<>(GoldenMessages.all().values());
    ByteBuffer all = ByteBuffer.allocate(1 << 16);
    for (OutboundMessage m : golden) {
      all.put(codec().encode(m));
    }
    byte[] stream = Arrays.copyOf(all.array(), all.position());
    for (int[] chunks : new int[][] {{}, {1}, {2}, {3, 7}, {64}}) {
      List<InboundMessage> in = Decoding.decodeAll(codec(), stream, golden.size(), chunks);
      for (int i = 0; i < golden.size(); i++) {
        assertSameMessage(golden.get(i), in.get(i));
      }
    }
  }

  @Test
  public void readOnlyDirectBuffer_decodes() {
    OutboundMessage m = GoldenMessages.all().get(GoldenMessages.ANSWER_SEVERAL_TYPES);
    byte[] frame = codec().encode(m);
    ByteBuffer direct = ByteBuffer.allocateDirect(frame.length).put(frame).flip();
    ByteBuffer readOnly = direct.asReadOnlyBuffer();
    assertSameMessage(m, codec().newDecoder().next(readOnly));
    assertThat(readOnly.hasRemaining()).isFalse();
  }

  // ------------------------------------------------------------------ limits

  @TestFactory
  public Stream<DynamicTest> limits_atTheLimit_encodeAndDecode() {
    return perLimit(
        c -> {
          Codec strict = codec(c.strict());
          assertSameMessage(c.atLimit(), Decoding.decodeOne(strict, strict.encode(c.atLimit())));
        });
  }

  @TestFactory
  public Stream<DynamicTest> limits_overTheLimit_encodingFails() {
    return perLimit(
        c ->
            assertThatThrownBy(() -> codec(c.strict()).encode(c.overLimit()))
                .isInstanceOf(EncodingException.class)
                .message()
                .isNotBlank());
  }

  @TestFactory
  public Stream<DynamicTest> limits_overTheLimit_decodingFails() {
    return perLimit(
        c -> {
          byte[] frame = codec().encode(c.overLimit());
          boolean lazy = decodesValuesLazily() && c.inValueContent();
          assertDecodingFails(codec(c.strict()), frame, c.overLimit(), lazy);
        });
  }

  @Test
  public void maxFrameLength_isCheckedBothWays() {
    OutboundMessage m =
        OutboundMessage.answer("1", List.of(typed("blob", ValueTypes.BYTES, new byte[2000])));
    int length = codec().encode(m).length;
    Codec exact = codec(Limits.DEFAULTS.toBuilder().maxFrameLength(length).build());
    assertSameMessage(m, Decoding.decodeOne(exact, exact.encode(m)));
    // A length prefix of up to 4 bytes may be outside what the limit counts.
    Codec strict = codec(Limits.DEFAULTS.toBuilder().maxFrameLength(length - 5).build());
    assertThatThrownBy(() -> strict.encode(m)).isInstanceOf(EncodingException.class);
    assertDecodingFails(strict, codec().encode(m), m, false);
  }

  @Test
  public void maxFrameLength_isCheckedWhenEncodingIntoABuffer() {
    OutboundMessage m =
        OutboundMessage.answer("1", List.of(typed("blob", ValueTypes.BYTES, new byte[2000])));
    int length = codec().encode(m).length;
    Codec strict = codec(Limits.DEFAULTS.toBuilder().maxFrameLength(length - 5).build());
    FrameBuffer out = new FrameBuffer(16);
    out.write(new byte[] {1, 2, 3});
    assertThatThrownBy(() -> strict.encode(m, out)).isInstanceOf(EncodingException.class);
    assertThat(Arrays.copyOf(out.array(), 3)).containsExactly(1, 2, 3);
  }

  // ------------------------------------------------------------------ encoding into a buffer

  @Test
  public void messagesEncodedIntoOneBuffer_areTheirFramesBackToBack() {
    Codec codec = codec();
    List<OutboundMessage> sent = GrowingMessages.all();
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    sent.forEach(m -> expected.writeBytes(codec.encode(m)));
    FrameBuffer out = new FrameBuffer(1); // grows on the way
    sent.forEach(m -> codec.encode(m, out));
    assertThat(Arrays.copyOf(out.array(), out.size())).isEqualTo(expected.toByteArray());
  }

  @Property(tries = 200)
  public void anyMessage_encodedIntoABuffer_isItsFrameAfterTheBytesBefore(
      @ForAll("anyMessage") OutboundMessage message,
      @ForAll @IntRange(min = 0, max = 40) int before,
      @ForAll @IntRange(min = 0, max = 64) int capacity) {
    FrameBuffer out = new FrameBuffer(capacity);
    for (int i = 0; i < before; i++) {
      out.write(i);
    }
    codec().encode(message, out);
    byte[] frame = codec().encode(message);
    assertThat(out.size()).isEqualTo(before + frame.length);
    assertThat(Arrays.copyOfRange(out.array(), before, out.size())).isEqualTo(frame);
    for (int i = 0; i < before; i++) {
      assertThat(out.array()[i]).isEqualTo((byte) i);
    }
  }

  // ------------------------------------------------------------------ schema

  @TestFactory
  public Stream<DynamicTest> wrongType_readFailsSayingWhatWasExpected() {
    return TypeMismatches.all().stream()
        .filter(x -> !(x.needsTypedWire() && decodesValuesLazily()))
        .map(
            x ->
                DynamicTest.dynamicTest(
                    x.toString(),
                    () -> {
                      InboundMessage in = sendOne(x.written(), x.value());
                      assertThatThrownBy(() -> in.fields().get("v", x.readAs()))
                          .isInstanceOf(IllegalArgumentException.class)
                          .hasMessageContaining("expected");
                    }));
  }

  @TestFactory
  public Stream<DynamicTest> outOfRange_readFails() {
    return TypeMismatches.outOfRange().stream()
        .map(
            x ->
                DynamicTest.dynamicTest(
                    x.toString(),
                    () -> {
                      InboundMessage in = sendOne(x.written(), x.value());
                      assertThatThrownBy(() -> in.fields().get("v", x.readAs()))
                          .isInstanceOf(IllegalArgumentException.class);
                    }));
  }

  @Test
  public void integerReadAsFloat_isAccepted() {
    InboundMessage in = sendOne(ValueTypes.INTEGER, BigInteger.valueOf(-5));
    assertThat(in.fields().get("v", ValueTypes.FLOAT)).isEqualTo(-5.0);
  }

  @Test
  public void missingValue_readFailsAndIsNotContained() {
    InboundMessage in = sendOne(ValueTypes.INTEGER, BigInteger.ONE);
    assertThat(in.fields().contains("w")).isFalse();
    assertThat(in.fields().contains("v")).isTrue();
    assertThat(in.fields().raw("w")).isNull();
    assertThatThrownBy(() -> in.fields().get("w", ValueTypes.INTEGER))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  public void perCodecType_isResolvedAtEveryLevel() {
    ValueType<String> failing =
        ValueTypes.INTEGER.map(
            "wrong-codec",
            x -> {
              throw new AssertionError("fallback read instead of the codec's own type");
            },
            x -> {
              throw new AssertionError("fallback written instead of the codec's own type");
            });
    ValueType<String> own = ValueTypes.UNICODE.map("own", s -> s.substring(1), s -> "!" + s);
    ValueType<String> perCodec = ValueType.perCodec(failing, Map.of(codec().name(), own));
    RecordSchema<Map<String, Object>> schema =
        SampleValues.schema("P", SampleValues.field("p", perCodec, false));
    OutboundMessage m =
        OutboundMessage.answer(
            "1",
            List.of(
                typed("top", perCodec, "a"),
                typed("list", ValueTypes.listOf(perCodec), List.of("b", "c")),
                typed(
                    "records",
                    ValueTypes.records(schema),
                    List.of(SampleValues.record("p", "d")))));
    InboundMessage in = Decoding.decodeOne(codec(), codec().encode(m));
    assertSameMessage(m, in);
    assertThat(in.fields().get("top", ValueTypes.UNICODE)).isEqualTo("!a");
  }

  // ------------------------------------------------------------------ garbage

  @Test
  public void fixedGarbage_givesOnlyMessagesOrProtocolException() {
    List<byte[]> mustFail =
        List.of(
            WireValues.unhex("00000000"),
            WireValues.unhex("ffffffffffffffff"),
            WireValues.unhex("0000000000000000000000000000"));
    for (byte[] input : mustFail) {
      for (int[] chunks : new int[][] {{}, {1}}) {
        Decoding.Outcome outcome = Decoding.feed(codec().newDecoder(), input, chunks);
        assertThat(outcome.error()).as(WireValues.hex(input)).isNotNull();
        assertThat(outcome.error().getMessage()).isNotBlank();
      }
    }
    List<byte[]> any = new ArrayList<>();
    any.add(new byte[0]);
    any.add("hello world, this is not a frame".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    any.add(WireValues.unhex("7b7d"));
    any.add(WireValues.unhex("0000000180"));
    any.add(WireValues.unhex("00000002a100"));
    any.add(WireValues.unhex("00015f00000000"));
    for (String hex : goldenHex().values()) {
      byte[] frame = WireValues.unhex(hex);
      for (int i = 0; i < frame.length; i += 3) {
        byte[] bad = frame.clone();
        bad[i] ^= (byte) 0xa5;
        any.add(bad);
      }
    }
    for (byte[] input : any) {
      checkArbitraryInput(input, new int[0]);
      checkArbitraryInput(input, new int[] {1});
    }
  }

  @Property(tries = 500)
  public void randomBytes_giveOnlyMessagesNeedMoreOrProtocolException(
      @ForAll @Size(max = 300) byte[] input,
      @ForAll @Size(min = 1, max = 5) List<@IntRange(min = 1, max = 64) Integer> chunks) {
    checkArbitraryInput(input, chunks.stream().mapToInt(Integer::intValue).toArray());
  }

  @Property(tries = 500)
  public void mutatedFrames_giveOnlyMessagesNeedMoreOrProtocolException(
      @ForAll("anyMessage") OutboundMessage message,
      @ForAll @Size(max = 6) List<@IntRange(min = 0, max = 100_000) Integer> positions,
      @ForAll @Size(min = 6, max = 6) List<Byte> replacements,
      @ForAll @IntRange(min = 0, max = 100) int cutPercent,
      @ForAll @Size(min = 1, max = 5) List<@IntRange(min = 1, max = 64) Integer> chunks) {
    byte[] frame = codec().encode(message);
    byte[] twice = new byte[frame.length * 2];
    System.arraycopy(frame, 0, twice, 0, frame.length);
    System.arraycopy(frame, 0, twice, frame.length, frame.length);
    for (int i = 0; i < positions.size(); i++) {
      twice[positions.get(i) % twice.length] = replacements.get(i);
    }
    byte[] cut = Arrays.copyOf(twice, (int) ((long) twice.length * cutPercent / 100));
    checkArbitraryInput(cut, chunks.stream().mapToInt(Integer::intValue).toArray());
  }

  // ------------------------------------------------------------------ properties

  @Property(tries = 300)
  public void anyValue_roundTripsUnderAnyChunking(
      @ForAll("anyMessage") OutboundMessage message,
      @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 1, max = 40) Integer> chunks) {
    byte[] frame = codec().encode(message);
    int[] sizes = chunks.stream().mapToInt(Integer::intValue).toArray();
    assertSameMessage(message, Decoding.decodeOne(codec(), frame, sizes));
    // Two copies back to back, in the same chunking.
    byte[] twice = new byte[frame.length * 2];
    System.arraycopy(frame, 0, twice, 0, frame.length);
    System.arraycopy(frame, 0, twice, frame.length, frame.length);
    for (InboundMessage in : Decoding.decodeAll(codec(), twice, 2, sizes)) {
      assertSameMessage(message, in);
    }
  }

  /** Calls and answers with up to four random values, nested up to depth 3. */
  @Provide
  public Arbitrary<OutboundMessage> anyMessage() {
    Arbitrary<List<TypedValue<?>>> values =
        ValueArbitraries.keys()
            .list()
            .uniqueElements()
            .ofMaxSize(4)
            .flatMap(
                names -> {
                  List<Arbitrary<TypedValue<?>>> each = new ArrayList<>();
                  for (String n : names) {
                    each.add(ValueArbitraries.typed(3).map(s -> typed(n, s.type(), s.value())));
                  }
                  return net.jqwik.api.Combinators.combine(each).as(l -> l);
                });
    Arbitrary<String> tags =
        Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMinLength(1).ofMaxLength(8);
    return net.jqwik.api.Combinators.combine(
            Arbitraries.of(true, false), values, tags, tags.injectNull(0.3))
        .as(
            (call, v, tag, maybeTag) ->
                call ? OutboundMessage.call("Echo", maybeTag, v) : OutboundMessage.answer(tag, v));
  }

  // ------------------------------------------------------------------ helpers

  /** Decodes some input; only messages, "need more" or a ProtocolException may come of it. */
  private void checkArbitraryInput(byte[] input, int[] chunks) {
    Decoding.Outcome outcome = Decoding.feed(codec().newDecoder(), input, chunks);
    for (InboundMessage m : outcome.messages()) {
      MessageAssertions.assertReadableAsAnyType(m);
    }
  }

  @Test
  void oneDecoder_readsEveryMessageOfAStream() {
    List<OutboundMessage> sent = GrowingMessages.all();
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    sent.forEach(m -> stream.writeBytes(codec().encode(m)));
    List<InboundMessage> received = new ArrayList<>();
    codec().newDecoder().decode(ByteBuffer.wrap(stream.toByteArray()), received::add);
    assertThat(received).hasSize(sent.size());
    for (int i = 0; i < sent.size(); i++) {
      assertSameMessage(sent.get(i), received.get(i));
    }
  }

  @Test
  void oneCodec_encodesFromSeveralThreadsAsFromOne() throws Exception {
    Codec codec = codec();
    List<OutboundMessage> sent = GrowingMessages.all();
    List<byte[]> expected = sent.stream().map(codec::encode).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> sameBytes = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        sameBytes.add(
            pool.submit(
                () -> {
                  for (int round = 0; round < 20; round++) {
                    for (int i = 0; i < sent.size(); i++) {
                      if (!Arrays.equals(codec.encode(sent.get(i)), expected.get(i))) {
                        return false;
                      }
                    }
                  }
                  return true;
                }));
      }
      for (Future<Boolean> same : sameBytes) {
        assertThat(same.get(30, TimeUnit.SECONDS)).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private void assertDecodingFails(
      Codec strict, byte[] frame, OutboundMessage sent, boolean mayFailOnRead) {
    Decoding.Outcome outcome = Decoding.feed(strict.newDecoder(), frame);
    if (outcome.error() != null) {
      assertThat(outcome.error().getMessage()).isNotBlank();
      return;
    }
    assertThat(mayFailOnRead)
        .as("decoding a frame over the limit gave a message instead of a ProtocolException")
        .isTrue();
    assertThat(outcome.messages()).hasSize(1);
    InboundMessage in = outcome.messages().get(0);
    Throwable thrown =
        catchThrowable(
            () -> {
              for (TypedValue<?> v : sent.values()) {
                in.fields().get(v.name(), v.type());
              }
            });
    assertThat(thrown)
        .as("reading a value over the limit")
        .isInstanceOfAny(IllegalArgumentException.class, ProtocolException.class);
    assertThat(thrown.getMessage()).isNotBlank();
  }

  /** Sends one answer value named {@code v} and decodes it. */
  private InboundMessage sendOne(ValueType<?> type, Object value) {
    OutboundMessage m = OutboundMessage.answer("1", List.of(typed("v", type, value)));
    return Decoding.decodeOne(codec(), codec().encode(m));
  }

  private void assertRoundTrip(OutboundMessage message) {
    byte[] frame = codec().encode(message);
    assertSameMessage(message, Decoding.decodeOne(codec(), frame));
  }

  private Stream<DynamicTest> perSample(Function<SampleValues.Sample, OutboundMessage> message) {
    return SampleValues.all().stream()
        .map(s -> DynamicTest.dynamicTest(s.toString(), () -> assertRoundTrip(message.apply(s))));
  }

  private Stream<DynamicTest> perGolden(
      java.util.function.BiConsumer<OutboundMessage, String> check) {
    Map<String, String> hex = goldenHex();
    return GoldenMessages.all().entrySet().stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.getKey(),
                    () -> {
                      assertThat(hex).as("golden hex").containsKey(e.getKey());
                      check.accept(e.getValue(), hex.get(e.getKey()));
                    }));
  }

  private Stream<DynamicTest> perLimit(java.util.function.Consumer<LimitCases.LimitCase> check) {
    return LimitCases.all().stream()
        .map(c -> DynamicTest.dynamicTest(c.name(), () -> check.accept(c)));
  }

  /** A typed value from an untyped type and value. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  protected static TypedValue<?> typed(String name, ValueType<?> type, Object value) {
    return new TypedValue(name, type, value);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static ValueType<?> listOf(ValueType<?> element) {
    return ValueTypes.listOf((ValueType) element);
  }
}
