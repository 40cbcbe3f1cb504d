package org.amp4j.codectest;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.amp4j.spi.OutboundMessage;
import org.amp4j.spi.TypedValue;
import org.amp4j.value.AmpDecimal;
import org.amp4j.value.RecordSchema;
import org.amp4j.value.ValueTypes;

/**
 * A fixed, small set of named messages whose exact bytes every codec pins down in its {@link
 * CodecConformanceTest#goldenHex()}. They mirror Twisted vectors so that the AMP bytes are
 * Twisted's own: {@code request_sum_simple}, {@code request_no_answer}, {@code request_every_type}
 * (as an answer), {@code error_declared} and {@code answer_with_amplist}.
 */
public final class GoldenMessages {

  /** A call with a tag: {@code Sum(a=13, b=81)}, tag {@code 1}. */
  public static final String CALL_WITH_TAG = "call_with_tag";

  /** A call that wants no answer: {@code Notify(message="fire and forget")}. */
  public static final String CALL_WITHOUT_TAG = "call_without_tag";

  /** An answer with a value of every kind (tag {@code 1}). */
  public static final String ANSWER_SEVERAL_TYPES = "answer_several_types";

  /** An error: tag {@code 1}, code {@code ZERO_DIVISION}, description {@code division by zero}. */
  public static final String ERROR = "error";

  /** An answer with a list of three records (tag {@code 1}). */
  public static final String ANSWER_WITH_RECORDS = "answer_with_records";

  private GoldenMessages() {}

  /** Every golden message by name, in a fixed order. */
  public static Map<String, OutboundMessage> all() {
    Map<String, OutboundMessage> all = new LinkedHashMap<>();
    all.put(
        CALL_WITH_TAG,
        OutboundMessage.call(
            "Sum",
            "1",
            List.of(
                new TypedValue<>("a", ValueTypes.INTEGER, BigInteger.valueOf(13)),
                new TypedValue<>("b", ValueTypes.INTEGER, BigInteger.valueOf(81)))));
    all.put(
        CALL_WITHOUT_TAG,
        OutboundMessage.call(
            "Notify",
            null,
            List.of(new TypedValue<>("message", ValueTypes.UNICODE, "fire and forget"))));
    all.put(ANSWER_SEVERAL_TYPES, OutboundMessage.answer("1", severalTypes()));
    all.put(ERROR, OutboundMessage.error("1", "ZERO_DIVISION", "division by zero"));
    RecordSchema<Map<String, Object>> item =
        SampleValues.schema(
            "Item",
            SampleValues.field("index", ValueTypes.INTEGER, false),
            SampleValues.field("label", ValueTypes.UNICODE, false),
            SampleValues.field("even", ValueTypes.BOOLEAN, false));
    List<Map<String, Object>> records =
        List.of(
            SampleValues.record("index", BigInteger.ZERO, "label", "item0", "even", true),
            SampleValues.record("index", BigInteger.ONE, "label", "item1", "even", false),
            SampleValues.record("index", BigInteger.TWO, "label", "item2", "even", true));
    all.put(
        ANSWER_WITH_RECORDS,
        OutboundMessage.answer(
            "1", List.of(new TypedValue<>("records", ValueTypes.records(item), records))));
    return all;
  }

  private static List<TypedValue<?>> severalTypes() {
    RecordSchema<Map<String, Object>> idName =
        SampleValues.schema(
            "IdName",
            SampleValues.field("id", ValueTypes.INTEGER, false),
            SampleValues.field("name", ValueTypes.UNICODE, false));
    return List.of(
        new TypedValue<>("integer", ValueTypes.INTEGER, BigInteger.valueOf(-7)),
        new TypedValue<>(
            "string", ValueTypes.BYTES, "\u0000bin".getBytes(StandardCharsets.ISO_8859_1)),
        new TypedValue<>("unicode", ValueTypes.UNICODE, "\u00fcml\u00e4ut"),
        new TypedValue<>("boolean", ValueTypes.BOOLEAN, true),
        new TypedValue<>("float", ValueTypes.FLOAT, 2.5),
        new TypedValue<>("decimal", ValueTypes.DECIMAL, AmpDecimal.parse("3.14")),
        new TypedValue<>(
            "datetime",
            ValueTypes.DATETIME,
            OffsetDateTime.of(2024, 2, 29, 13, 14, 15, 161_718_000, ZoneOffset.ofHours(1))),
        new TypedValue<>("path", ValueTypes.PATH, Path.of("/amp-test/p")),
        new TypedValue<>(
            "int_list", ValueTypes.listOf(ValueTypes.INTEGER), SampleValues.ints(1, 2)),
        new TypedValue<>("text_list", ValueTypes.listOf(ValueTypes.UNICODE), List.of("x")),
        new TypedValue<>(
            "records",
            ValueTypes.records(idName),
            List.of(SampleValues.record("id", BigInteger.ONE, "name", "one"))));
  }
}
