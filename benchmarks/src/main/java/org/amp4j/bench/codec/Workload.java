package org.amp4j.bench.codec;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.amp4j.spi.OutboundMessage;
import org.amp4j.spi.TypedValue;
import org.amp4j.value.AmpDecimal;
import org.amp4j.value.RecordSchema;
import org.amp4j.value.RecordSchema.FieldSpec;
import org.amp4j.value.ValueTypes;

/**
 * The messages the codec benchmarks encode and decode. Each builds its message once; the values are
 * fixed (seeded), so runs compare like with like.
 */
public enum Workload {
  /** The call {@code Sum(a, b)}: two small integers, the smallest useful message. */
  SUM {
    @Override
    OutboundMessage message() {
      return OutboundMessage.call(
          "Sum",
          "1",
          List.of(
              new TypedValue<>("a", ValueTypes.LONG, 13L),
              new TypedValue<>("b", ValueTypes.LONG, 81L)));
    }
  },

  /**
   * The call {@code Echo} of the interop suite with every field set: one value of each type, a list
   * of integers, a list of text and three records.
   */
  ECHO {
    @Override
    OutboundMessage message() {
      List<Map<String, Object>> recs =
          List.of(
              Map.of("id", BigInteger.ONE, "name", "first"),
              Map.of("id", BigInteger.TWO, "name", "second", "note", "with a note"),
              Map.of("id", BigInteger.TEN, "name", "ünïcödé ✓"));
      return OutboundMessage.call(
          "Echo",
          "2",
          List.of(
              new TypedValue<>(
                  "integer", ValueTypes.INTEGER, new BigInteger("-123456789012345678901")),
              new TypedValue<>(
                  "string",
                  ValueTypes.BYTES,
                  "bytes\0\u00ff".getBytes(StandardCharsets.ISO_8859_1)),
              new TypedValue<>("unicode", ValueTypes.UNICODE, "héllo, wörld ☃"),
              new TypedValue<>("boolean", ValueTypes.BOOLEAN, true),
              new TypedValue<>("float", ValueTypes.FLOAT, 3.141592653589793),
              new TypedValue<>("decimal", ValueTypes.DECIMAL, AmpDecimal.of("1234.5678")),
              new TypedValue<>(
                  "datetime",
                  ValueTypes.DATETIME,
                  OffsetDateTime.of(2024, 2, 29, 23, 59, 58, 123_456_000, ZoneOffset.ofHours(2))),
              new TypedValue<>("path", ValueTypes.PATH, Path.of("/tmp/amp4j/echo.txt")),
              new TypedValue<>(
                  "int_list",
                  ValueTypes.listOf(ValueTypes.INTEGER),
                  List.of(
                      BigInteger.ZERO,
                      BigInteger.ONE,
                      BigInteger.valueOf(-42),
                      BigInteger.valueOf(Long.MAX_VALUE))),
              new TypedValue<>(
                  "text_list",
                  ValueTypes.listOf(ValueTypes.UNICODE),
                  List.of("alpha", "beta", "γάμμα")),
              new TypedValue<>("records", ValueTypes.records(ECHO_RECORD), recs)));
    }
  },

  /**
   * The call {@code Upload} with one 64 KiB (65,536-byte) bytes value: one byte more than plain AMP
   * carries, so the {@code amp} codec runs with {@code amp.split-values}.
   */
  BYTES_64K {
    @Override
    OutboundMessage message() {
      byte[] data = new byte[64 * 1024];
      new Random(64).nextBytes(data);
      return OutboundMessage.call(
          "Upload", "3", List.of(new TypedValue<>("data", ValueTypes.BYTES, data)));
    }
  },

  /** An answer carrying a list of 100 records (AMP AmpList) of an integer, a text and a boolean. */
  RECORDS_100 {
    @Override
    OutboundMessage message() {
      List<Map<String, Object>> items = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        items.add(Map.of("index", BigInteger.valueOf(i), "label", "item-" + i, "even", i % 2 == 0));
      }
      return OutboundMessage.answer(
          "4", List.of(new TypedValue<>("records", ValueTypes.records(ITEM_RECORD), items)));
    }
  };

  /** The records of {@link #ECHO}, as the interop suite's {@code Rec}. */
  static final RecordSchema<Map<String, Object>> ECHO_RECORD =
      RecordSchema.dynamic(
          "Rec",
          List.of(
              new FieldSpec("id", ValueTypes.INTEGER, false, null),
              new FieldSpec("name", ValueTypes.UNICODE, false, null),
              new FieldSpec("note", ValueTypes.UNICODE, true, null)));

  /** The records of {@link #RECORDS_100}, as the interop suite's {@code MakeRecords.Item}. */
  static final RecordSchema<Map<String, Object>> ITEM_RECORD =
      RecordSchema.dynamic(
          "Item",
          List.of(
              new FieldSpec("index", ValueTypes.INTEGER, false, null),
              new FieldSpec("label", ValueTypes.UNICODE, false, null),
              new FieldSpec("even", ValueTypes.BOOLEAN, false, null)));

  /** Builds the message; called once per trial. */
  abstract OutboundMessage message();
}
