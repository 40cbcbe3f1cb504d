package org.amp4j.codec.amp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.amp4j.EncodingException;
import org.amp4j.ProtocolException;
import org.amp4j.spi.InboundMessage;
import org.amp4j.spi.MessageKind;
import org.amp4j.spi.OutboundMessage;
import org.amp4j.spi.TypedValue;
import org.amp4j.value.AmpDateTime;
import org.amp4j.value.Fields;
import org.amp4j.value.ValueType;
import org.amp4j.value.ValueTypes;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every codec-level vector of amp-vectors.json (written by real Twisted 22.4) as a test: exact
 * bytes on encode, exact values on decode, the same outcome as Twisted's parser on bad input.
 */
class AmpVectorsTest {

  /** Categories this codec checks. */
  static final Set<String> CODEC_CATEGORIES =
      Set.of(
          "request", "answer", "error", "type", "value_table", "decode", "send_error", "receive");

  /** Peer-level categories (tag counters, requester outcomes, StartTLS, protocol switches). */
  static final Set<String> PEER_CATEGORIES =
      Set.of("requester", "sequence", "starttls", "protocol_switch");

  @Test
  void onlyPeerLevelCategoriesAreSkipped() {
    Set<String> present =
        Vectors.all().stream().map(v -> (String) v.get("category")).collect(Collectors.toSet());
    Set<String> skipped = new HashSet<>(present);
    skipped.removeAll(CODEC_CATEGORIES);
    assertThat(skipped).isEqualTo(PEER_CATEGORIES);
    assertThat(present).containsAll(CODEC_CATEGORIES);
  }

  // ---------------------------------------------------------------- request, type

  @TestFactory
  Stream<DynamicTest> requests() {
    return Stream.concat(Vectors.category("request").stream(), Vectors.category("type").stream())
        .map(v -> dynamicTest(v.get("category") + ": " + Vectors.name(v), () -> checkRequest(v)));
  }

  private static void checkRequest(Map<String, Object> v) {
    String command = (String) v.get("command");
    String ask = (String) v.get("ask");
    List<Map<String, Object>> args = Vectors.list(v, "arguments");
    byte[] wire = Vectors.hex((String) v.get("wire_hex"));
    assertThat(v.get("requires_answer")).isEqualTo(ask != null);

    OutboundMessage out = OutboundMessage.call(command, ask, Vectors.typedValues(args));
    assertThat(Vectors.hex(Vectors.CODEC.encode(out))).isEqualTo(v.get("wire_hex"));

    InboundMessage in = single(wire);
    assertThat(in.kind()).isEqualTo(MessageKind.CALL);
    assertThat(in.command()).isEqualTo(command);
    assertThat(in.tag()).isEqualTo(ask);
    assertValues(in.fields(), args, true);
    if (v.get("value_hex") != null) {
      assertThat(Vectors.hex((byte[]) in.fields().raw("value"))).isEqualTo(v.get("value_hex"));
    }
    if (v.containsKey("value_length")) {
      byte[] raw = (byte[]) in.fields().raw("value");
      assertThat(raw.length).isEqualTo(Vectors.intOf(v.get("value_length")));
    }
  }

  /** Offsets Python allows beyond java.time's ±18:00 decode as AmpDateTime, not OffsetDateTime. */
  @Test
  void offsetBeyond18Hours_decodesOnlyAsAmpDateTime() {
    Map<String, Object> v = Vectors.named("type_datetime_max");
    InboundMessage in = single(Vectors.hex((String) v.get("wire_hex")));
    AmpDateTime value = in.fields().get("value", ValueTypes.AMP_DATETIME);
    assertThat(value.offsetSeconds()).isEqualTo(23 * 3600 + 59 * 60);
    assertThatThrownBy(() -> in.fields().get("value", ValueTypes.DATETIME))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("18:00");
  }

  // ---------------------------------------------------------------- answer, error

  @TestFactory
  Stream<DynamicTest> answers() {
    return Vectors.category("answer").stream()
        .map(v -> dynamicTest("answer: " + Vectors.name(v), () -> checkAnswer(v)));
  }

  private static void checkAnswer(Map<String, Object> v) {
    String tag = (String) v.get("answer_tag");
    List<Map<String, Object>> response = Vectors.list(v, "response");
    OutboundMessage out = OutboundMessage.answer(tag, Vectors.typedValues(response));
    assertThat(Vectors.hex(Vectors.CODEC.encode(out))).isEqualTo(v.get("wire_hex"));

    InboundMessage in = single(Vectors.hex((String) v.get("wire_hex")));
    assertThat(in.kind()).isEqualTo(MessageKind.ANSWER);
    assertThat(in.tag()).isEqualTo(tag);
    assertThat(in.command()).isNull();
    assertValues(in.fields(), response, true);

    InboundMessage request = single(Vectors.hex((String) v.get("request_hex")));
    assertThat(request.kind()).isEqualTo(MessageKind.CALL);
    assertThat(request.command()).isEqualTo(v.get("command"));
    assertThat(request.tag()).isEqualTo(tag);
  }

  @TestFactory
  Stream<DynamicTest> errors() {
    return Vectors.category("error").stream()
        .map(v -> dynamicTest("error: " + Vectors.name(v), () -> checkError(v)));
  }

  private static void checkError(Map<String, Object> v) {
    String tag = (String) v.get("error_tag");
    String code = (String) v.get("error_code");
    String description = (String) v.get("error_description");
    OutboundMessage out = OutboundMessage.error(tag, code, description);
    assertThat(Vectors.hex(Vectors.CODEC.encode(out))).isEqualTo(v.get("wire_hex"));

    InboundMessage in = single(Vectors.hex((String) v.get("wire_hex")));
    assertThat(in.kind()).isEqualTo(MessageKind.ERROR);
    assertThat(in.tag()).isEqualTo(tag);
    assertThat(in.errorCode()).isEqualTo(code);
    assertThat(in.errorDescription()).isEqualTo(description);
    assertThat(in.fields().names()).isEmpty();

    InboundMessage request = single(Vectors.hex((String) v.get("request_hex")));
    assertThat(request.kind()).isEqualTo(MessageKind.CALL);
    assertThat(request.tag()).isEqualTo(tag);
  }

  // ---------------------------------------------------------------- value_table

  @TestFactory
  Stream<DynamicTest> valueTables() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Map<String, Object> table : Vectors.category("value_table")) {
      Object type = table.get("type");
      List<Map<String, Object>> entries = Vectors.list(table, "entries");
      for (int i = 0; i < entries.size(); i++) {
        Map<String, Object> e = entries.get(i);
        String text = (String) e.get("wire_text");
        tests.add(
            dynamicTest(
                "value_table: " + Vectors.name(table) + "[" + i + "] " + text,
                () -> checkTableEntry(type, e)));
      }
    }
    assertThat(tests).hasSize(98);
    return tests.stream();
  }

  private static void checkTableEntry(Object typeSpec, Map<String, Object> e) {
    ValueType<?> type = Vectors.type(typeSpec);
    byte[] text = ((String) e.get("wire_text")).getBytes(StandardCharsets.US_ASCII);
    Object json = e.containsKey("input") ? e.get("input") : e.get("value");
    Object value = Vectors.value(typeSpec, json);
    // Encode: exactly Twisted's text, via the whole codec.
    byte[] frame =
        Vectors.CODEC.encode(OutboundMessage.answer("1", List.of(Vectors.typed("v", type, value))));
    InboundMessage in = single(frame);
    assertThat(new String((byte[]) in.fields().raw("v"), StandardCharsets.ISO_8859_1))
        .isEqualTo(e.get("wire_text"));
    // Decode: Twisted's text reads back as the value (date-time offsets floored to minutes).
    Object expected =
        "DateTime".equals(typeSpec) ? Vectors.dateTime(Vectors.map(json), true) : value;
    assertThat(Vectors.normalize(decodeValue(text, type))).isEqualTo(Vectors.normalize(expected));
  }

  private static Object decodeValue(byte[] text, ValueType<?> type) {
    ByteSink box = new ByteSink(64);
    box.writeU16(7);
    box.write("_answer".getBytes(StandardCharsets.US_ASCII));
    box.writeU16(1);
    box.write(new byte[] {'1'});
    box.writeU16(1);
    box.write(new byte[] {'v'});
    box.writeU16(text.length);
    box.write(text);
    box.writeU16(0);
    return single(box.toByteArray()).fields().get("v", type);
  }

  // ---------------------------------------------------------------- decode

  @TestFactory
  Stream<DynamicTest> decodes() {
    return Vectors.category("decode").stream()
        .map(v -> dynamicTest("decode: " + Vectors.name(v), () -> checkDecode(v)));
  }

  private static void checkDecode(Map<String, Object> v) {
    byte[] wire = Vectors.hex((String) v.get("wire_hex"));
    @SuppressWarnings("unchecked")
    List<List<List<String>>> parsed = (List<List<List<String>>>) v.get("parsed_boxes");

    // The boxes, exactly as Twisted's parser built them.
    List<List<List<String>>> boxes = new ArrayList<>();
    new BoxParser(BoxParser.Config.messages(org.amp4j.Limits.DEFAULTS, false))
        .feed(
            ByteBuffer.wrap(wire),
            box -> {
              List<List<String>> pairs = new ArrayList<>();
              List<ByteKey> keys = new ArrayList<>();
              for (int i = 0; i < box.size(); i++) {
                keys.add(box.key(i));
              }
              keys.sort(null);
              for (ByteKey k : keys) {
                pairs.add(List.of(Vectors.hex(k.bytes()), Vectors.hex(box.get(k))));
              }
              boxes.add(pairs);
            });
    assertThat(boxes).isEqualTo(parsed);

    // The messages, one per box, and the arguments Twisted decoded.
    Vectors.Outcome outcome = Vectors.decode(wire);
    assertThat(outcome.error()).isNull();
    assertThat(outcome.messages()).hasSize(parsed.size());
    if (v.containsKey("arguments")) {
      InboundMessage in = outcome.messages().get(0);
      assertThat(in.kind()).isEqualTo(MessageKind.CALL);
      assertThat(in.command()).isEqualTo(v.get("command"));
      assertValues(in.fields(), Vectors.list(v, "arguments"), false);
    }
  }

  // ---------------------------------------------------------------- send_error

  @TestFactory
  Stream<DynamicTest> sendErrors() {
    Map<String, Runnable> checks =
        Map.of(
            "send_value_65536_bytes", AmpVectorsTest::sendValue65536Bytes,
            "send_key_256_bytes", AmpVectorsTest::sendKey256Bytes,
            "send_integer_over_4300_digits", AmpVectorsTest::sendIntegerOver4300Digits,
            "send_empty_key_not_checked", AmpVectorsTest::sendEmptyKey,
            "send_naive_datetime", AmpVectorsTest::sendNaiveDateTime,
            "send_float_given_int", AmpVectorsTest::sendFloatGivenInt);
    List<Map<String, Object>> vectors = Vectors.category("send_error");
    assertThat(vectors.stream().map(Vectors::name).collect(Collectors.toSet()))
        .isEqualTo(checks.keySet());
    return vectors.stream()
        .map(
            v ->
                dynamicTest(
                    "send_error: " + Vectors.name(v), () -> checks.get(Vectors.name(v)).run()));
  }

  /** Twisted: TooLong "local value b'data' too long: 65536". */
  private static void sendValue65536Bytes() {
    OutboundMessage m =
        OutboundMessage.call(
            "Big", "1", List.of(new TypedValue<>("data", ValueTypes.BYTES, new byte[65536])));
    assertThatThrownBy(() -> Vectors.CODEC.encode(m))
        .isInstanceOf(EncodingException.class)
        .hasMessage(
            "value 'data' is 65536 bytes, but plain AMP carries at most 65,535 bytes per value"
                + " and the peer did not negotiate amp.split-values");
  }

  /** Twisted: TooLong "local key too long: 256". */
  private static void sendKey256Bytes() {
    String key = "k".repeat(256);
    OutboundMessage m =
        OutboundMessage.call(
            "K", "1", List.of(new TypedValue<>(key, ValueTypes.BYTES, new byte[] {'v'})));
    assertThatThrownBy(() -> Vectors.CODEC.encode(m))
        .isInstanceOf(EncodingException.class)
        .hasMessageContaining("'" + key + "'")
        .hasMessageContaining("is 256 bytes, longer than 255");
  }

  /** Twisted (CPython 3.11): ValueError, integer string conversion limit of 4300 digits. */
  private static void sendIntegerOver4300Digits() {
    BigInteger ok = BigInteger.TEN.pow(4300).subtract(BigInteger.ONE); // 4300 nines
    assertThat(
            Vectors.CODEC.encode(
                OutboundMessage.answer(
                    "1", List.of(new TypedValue<>("n", ValueTypes.INTEGER, ok)))))
        .isNotEmpty();
    OutboundMessage m =
        OutboundMessage.answer(
            "1", List.of(new TypedValue<>("n", ValueTypes.INTEGER, BigInteger.TEN.pow(4300))));
    assertThatThrownBy(() -> Vectors.CODEC.encode(m))
        .isInstanceOf(EncodingException.class)
        .hasMessageContaining("'n'")
        .hasMessageContaining("4301 digits, more than 4300");
  }

  /**
   * Twisted writes an empty key (which ends the box early at the receiver); the spec requires a
   * reimplementation to refuse it, and the Java API can express it, so it must fail locally.
   */
  private static void sendEmptyKey() {
    OutboundMessage m =
        OutboundMessage.call("X", null, List.of(new TypedValue<>("", ValueTypes.UNICODE, "x")));
    assertThatThrownBy(() -> Vectors.CODEC.encode(m))
        .isInstanceOf(EncodingException.class)
        .hasMessageContaining("empty");
    // What Twisted wrote instead: a receiver sees an empty box first, a protocol error.
    Vectors.Outcome outcome = Vectors.decode(Vectors.hex("00000001780001610001310000"));
    assertThat(outcome.error()).isInstanceOf(ProtocolException.class);
    assertThat(outcome.messages()).isEmpty();
  }

  /**
   * Not expressible: DATETIME's Java type is OffsetDateTime, which always has an offset. Only an
   * unchecked cast can smuggle a naive LocalDateTime in, and that fails locally too.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void sendNaiveDateTime() {
    assertThat(ValueTypes.DATETIME.fromWire(AmpDateTime.of(java.time.OffsetDateTime.now())))
        .isNotNull();
    TypedValue polluted =
        new TypedValue("when", (ValueType) ValueTypes.DATETIME, LocalDateTime.now());
    OutboundMessage m = OutboundMessage.call("T", "1", List.of(polluted));
    assertThatThrownBy(() -> Vectors.CODEC.encode(m))
        .isInstanceOf(EncodingException.class)
        .hasMessageContaining("'when'");
  }

  /**
   * Not expressible: FLOAT's Java type is Double, so an integer cannot be passed without an
   * unchecked cast; with one, encoding fails locally like Twisted's ValueError.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void sendFloatGivenInt() {
    TypedValue polluted = new TypedValue("x", (ValueType) ValueTypes.FLOAT, 1);
    OutboundMessage m = OutboundMessage.call("T", "1", List.of(polluted));
    assertThatThrownBy(() -> Vectors.CODEC.encode(m))
        .isInstanceOf(EncodingException.class)
        .hasMessageContaining("'x'");
  }

  // ---------------------------------------------------------------- receive

  /** What the decoder must do with a receive vector's input. */
  private record Expect(int messages, boolean protocolError, Consumer<List<InboundMessage>> check) {
    static Expect ok(int messages, Consumer<List<InboundMessage>> check) {
      return new Expect(messages, false, check);
    }

    static Expect fails(int messagesBefore) {
      return new Expect(messagesBefore, true, m -> {});
    }

    /** Truncated input: nothing yet, no error, a partial box buffered. */
    static Expect waits() {
      return new Expect(0, false, m -> {});
    }
  }

  private static Map<String, Expect> receiveExpectations() {
    Map<String, Expect> e = new java.util.HashMap<>();
    // Framing errors Twisted's parser raises: stop at once, earlier boxes delivered.
    e.put("recv_key_length_256", Expect.fails(0));
    e.put("recv_key_length_256_after_valid_box", Expect.fails(1));
    e.put("recv_key_length_0xffff", Expect.fails(0));
    e.put("recv_empty_box", Expect.fails(0));
    e.put("recv_box_without_routing_keys", Expect.fails(0));
    e.put("recv_ask_without_command", Expect.fails(0));
    // Incomplete input: wait for more.
    e.put("recv_truncated_length_prefix", Expect.waits());
    e.put("recv_truncated_value", Expect.waits());
    e.put("recv_value_length_65535_truncated", Expect.waits());
    // Well-framed boxes whose problem is for the peer (unknown tags, handlers, arguments).
    e.put("recv_answer_unknown_tag", Expect.ok(2, m -> assertRouted(m, "ANSWER 99", "CALL Sum 2")));
    e.put(
        "recv_error_unknown_tag",
        Expect.ok(
            2,
            m -> {
              assertRouted(m, "ERROR 99", "CALL Sum 2");
              assertThat(m.get(0).errorCode()).isEqualTo("X");
              assertThat(m.get(0).errorDescription()).isEqualTo("d");
            }));
    e.put("recv_command_and_answer_keys", Expect.ok(1, m -> assertRouted(m, "ANSWER 1")));
    e.put(
        "recv_unknown_command_with_ask",
        Expect.ok(2, m -> assertRouted(m, "CALL Nope 1", "CALL Sum 2")));
    e.put(
        "recv_unknown_command_without_ask",
        Expect.ok(2, m -> assertRouted(m, "CALL Nope null", "CALL Sum 2")));
    e.put(
        "recv_unknown_command_non_ascii_name",
        Expect.ok(2, m -> assertRouted(m, "CALL caf\u00e9 1", "CALL Sum 2")));
    e.put("recv_declared_error_without_ask", Expect.ok(1, m -> assertRouted(m, "CALL Fail null")));
    e.put(
        "recv_declared_error_with_ask",
        Expect.ok(2, m -> assertRouted(m, "CALL Fail 1", "CALL Sum 2")));
    e.put(
        "recv_missing_required_argument",
        Expect.ok(
            1,
            m -> {
              assertRouted(m, "CALL Sum 1");
              assertThat(m.get(0).fields().contains("b")).isFalse();
              assertThatThrownBy(() -> m.get(0).fields().get("b", ValueTypes.INTEGER))
                  .isInstanceOf(IllegalArgumentException.class)
                  .hasMessageContaining("'b' is missing");
            }));
    e.put(
        "recv_invalid_integer",
        Expect.ok(
            1, m -> assertBadValue(m, "a", ValueTypes.INTEGER, "expected integer, got \"1.5\"")));
    e.put(
        "recv_invalid_boolean",
        Expect.ok(
            1,
            m -> assertBadValue(m, "flag", ValueTypes.BOOLEAN, "expected boolean, got \"true\"")));
    e.put(
        "recv_invalid_utf8",
        Expect.ok(
            1,
            m ->
                assertBadValue(
                    m,
                    "u",
                    ValueTypes.UNICODE,
                    "expected unicode, got \"\\xed\\xa0\\xbd\\xed\\xb8\\x80\"")));
    e.put(
        "recv_datetime_wrong_length",
        Expect.ok(
            1,
            m ->
                assertBadValue(
                    m,
                    "when",
                    ValueTypes.DATETIME,
                    "expected datetime, got \"2012-01-23T12:34:56Z\"")));
    e.put(
        "recv_datetime_bad_sign",
        Expect.ok(1, m -> assertBadValue(m, "when", ValueTypes.DATETIME, "sign 'Z'")));
    e.put(
        "recv_response_value_too_long",
        Expect.ok(
            1,
            m -> {
              assertRouted(m, "CALL BigResponse 1");
              // The failure is on the answering side: the 65536-byte answer cannot be encoded.
              OutboundMessage answer =
                  OutboundMessage.answer(
                      "1", List.of(new TypedValue<>("data", ValueTypes.BYTES, new byte[65536])));
              assertThatThrownBy(() -> Vectors.CODEC.encode(answer))
                  .isInstanceOf(EncodingException.class);
            }));
    e.put("recv_duplicate_tags", Expect.ok(2, m -> assertRouted(m, "CALL Sum 1", "CALL Sum 1")));
    e.put(
        "recv_binary_ask_tag",
        Expect.ok(
            1,
            m -> {
              String tag = m.get(0).tag();
              assertThat(tag.getBytes(StandardCharsets.ISO_8859_1))
                  .isEqualTo(Vectors.hex("ff00746167"));
              // Echoed verbatim: our answer is byte-identical to Twisted's reply.
              byte[] answer =
                  Vectors.CODEC.encode(
                      OutboundMessage.answer(
                          tag,
                          List.of(
                              new TypedValue<>(
                                  "total", ValueTypes.INTEGER, BigInteger.valueOf(3)))));
              assertThat(Vectors.hex(answer))
                  .isEqualTo("00075f616e737765720005ff007461670005746f74616c0001330000");
            }));
    return e;
  }

  @TestFactory
  Stream<DynamicTest> receives() {
    Map<String, Expect> expectations = receiveExpectations();
    List<Map<String, Object>> vectors = Vectors.category("receive");
    assertThat(vectors.stream().map(Vectors::name).collect(Collectors.toSet()))
        .isEqualTo(expectations.keySet());
    return vectors.stream()
        .map(
            v ->
                dynamicTest(
                    "receive: " + Vectors.name(v),
                    () -> checkReceive(v, expectations.get(Vectors.name(v)))));
  }

  private static void checkReceive(Map<String, Object> v, Expect expect) {
    byte[] input = Vectors.hex((String) v.get("input_hex"));
    Map<String, Object> twisted = Vectors.map(v.get("twisted_result"));
    Vectors.Outcome outcome = Vectors.decode(input);
    assertThat(outcome.messages()).hasSize(expect.messages());
    if (expect.protocolError()) {
      assertThat(outcome.error()).isInstanceOf(ProtocolException.class);
      // Twisted dropped or closed the connection for every framing error.
      assertThat(twisted.get("connection_closed_by_twisted")).isEqualTo(true);
    } else {
      assertThat(outcome.error()).isNull();
    }
    if (expect.messages() == 0 && !expect.protocolError()) {
      // Truncated: no message, no error, a partial box waiting, and Twisted just waited too.
      assertThat(outcome.atBoundary()).isFalse();
      assertThat(twisted.get("connection_closed_by_twisted")).isEqualTo(false);
      assertThat(twisted.get("response_hex")).isEqualTo("");
    }
    expect.check().accept(outcome.messages());
  }

  private static void assertRouted(List<InboundMessage> messages, String... expected) {
    List<String> actual = new ArrayList<>();
    for (InboundMessage m : messages) {
      actual.add(
          m.kind() == MessageKind.CALL
              ? "CALL " + m.command() + " " + m.tag()
              : m.kind() + " " + m.tag());
    }
    assertThat(actual).containsExactly(expected);
  }

  private static void assertBadValue(
      List<InboundMessage> messages, String key, ValueType<?> type, String message) {
    assertThatThrownBy(() -> messages.get(0).fields().get(key, type))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  // ---------------------------------------------------------------- helpers

  /** Decodes input that must hold exactly one complete message. */
  static InboundMessage single(byte[] wire) {
    Vectors.Outcome outcome = Vectors.decode(wire);
    if (outcome.error() != null) {
      throw outcome.error();
    }
    assertThat(outcome.messages()).hasSize(1);
    assertThat(outcome.atBoundary()).isTrue();
    return outcome.messages().get(0);
  }

  /** The fields hold exactly the vector's values (and, if {@code exact}, nothing else). */
  private static void assertValues(Fields fields, List<Map<String, Object>> args, boolean exact) {
    Set<String> present = new LinkedHashSet<>();
    for (Map<String, Object> a : args) {
      String name = (String) a.get("name");
      if (Boolean.TRUE.equals(a.get("absent"))) {
        assertThat(fields.contains(name)).as(name).isFalse();
        assertThat(fields.raw(name)).isNull();
        continue;
      }
      present.add(name);
      Object expected = Vectors.value(a.get("type"), a.get("value"));
      Object actual = fields.get(name, Vectors.type(a.get("type")));
      assertThat(Vectors.normalize(actual)).as(name).isEqualTo(Vectors.normalize(expected));
    }
    if (exact) {
      assertThat(fields.names()).isEqualTo(present);
    } else {
      assertThat(fields.names()).containsAll(present);
    }
  }

  @Test
  void everyTypeVectorIsCheckedWithItsValueBytes() {
    List<Map<String, Object>> types = Vectors.category("type");
    assertThat(types).hasSize(71);
    assertThat(types.stream().filter(v -> v.containsKey("value_hex")).count()).isGreaterThan(60);
  }
}
