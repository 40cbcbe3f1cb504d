package org.amp4j.codectest;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.amp4j.Limits;
import org.amp4j.spi.OutboundMessage;
import org.amp4j.spi.TypedValue;
import org.amp4j.value.RecordSchema;
import org.amp4j.value.ValueType;
import org.amp4j.value.ValueTypes;

/**
 * Messages just within and just over each limit in {@link Limits} (except {@code maxFrameLength},
 * whose boundary depends on the codec's framing and is found by encoding). Limits are set low, so
 * every message is small.
 *
 * <p>Nesting depth counts the lists and record lists that enclose a value: an integer has depth 0,
 * {@code list<integer>} 1, {@code list<list<integer>>} 2, a list field of a record in a record list
 * 2.
 */
public final class LimitCases {

  /**
   * One limit, with a message that meets it exactly and one that exceeds it.
   *
   * @param name what is tested, for test names
   * @param strict the limits that the first message meets and the second exceeds
   * @param atLimit a message within {@code strict}
   * @param overLimit a message beyond {@code strict} (and within the defaults)
   * @param inValueContent whether the limit bounds what is inside one value (list length, nesting,
   *     integer digits, fields of a nested record), which a codec whose frames carry no types can
   *     only check when the value is read
   */
  public record LimitCase(
      String name,
      Limits strict,
      OutboundMessage atLimit,
      OutboundMessage overLimit,
      boolean inValueContent) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** The value length limit of the cases. */
  public static final int VALUE_LENGTH = 100;

  /** The list length limit of the cases. */
  public static final int LIST_LENGTH = 10;

  /** The field count limit of the cases. */
  public static final int FIELD_COUNT = 8;

  /** The nesting depth limit of the cases. */
  public static final int NESTING_DEPTH = 3;

  /** The integer digits limit of the cases. */
  public static final int INTEGER_DIGITS = 20;

  private LimitCases() {}

  /** Every case. */
  public static List<LimitCase> all() {
    List<LimitCase> all = new ArrayList<>();
    valueLength(all);
    listLength(all);
    fieldCount(all);
    nestingDepth(all);
    integerDigits(all);
    return List.copyOf(all);
  }

  private static void valueLength(List<LimitCase> all) {
    Limits strict = limits(b -> b.maxValueLength(VALUE_LENGTH));
    all.add(
        same(
            "maxValueLength: bytes",
            strict,
            ValueTypes.BYTES,
            bytes(VALUE_LENGTH),
            bytes(VALUE_LENGTH + 1),
            false));
    // 50 two-byte chars are 100 bytes; one more ASCII char is 101 bytes but only 51 chars.
    String at = "\u00e9".repeat(VALUE_LENGTH / 2);
    all.add(
        same(
            "maxValueLength: unicode (UTF-8 bytes)",
            strict,
            ValueTypes.UNICODE,
            at,
            at + "a",
            false));
    all.add(
        same(
            "maxValueLength: element of a list",
            strict,
            ValueTypes.listOf(ValueTypes.BYTES),
            List.of(bytes(VALUE_LENGTH - 10)),
            List.of(bytes(VALUE_LENGTH + 1)),
            false));
    RecordSchema<Map<String, Object>> blob =
        SampleValues.schema("Blob", SampleValues.field("b", ValueTypes.BYTES, false));
    all.add(
        same(
            "maxValueLength: field of a record",
            strict,
            ValueTypes.records(blob),
            List.of(SampleValues.record("b", bytes(VALUE_LENGTH - 20))),
            List.of(SampleValues.record("b", bytes(VALUE_LENGTH + 1))),
            false));
  }

  private static void listLength(List<LimitCase> all) {
    Limits strict = limits(b -> b.maxListLength(LIST_LENGTH));
    ValueType<List<BigInteger>> ints = ValueTypes.listOf(ValueTypes.INTEGER);
    all.add(
        same(
            "maxListLength: list", strict, ints, count(LIST_LENGTH), count(LIST_LENGTH + 1), true));
    all.add(
        same(
            "maxListLength: inner list",
            strict,
            ValueTypes.listOf(ints),
            List.of(List.of(), count(LIST_LENGTH)),
            List.of(List.of(), count(LIST_LENGTH + 1)),
            true));
    RecordSchema<Map<String, Object>> id =
        SampleValues.schema("Id", SampleValues.field("id", ValueTypes.INTEGER, false));
    all.add(
        same(
            "maxListLength: records",
            strict,
            ValueTypes.records(id),
            ids(LIST_LENGTH),
            ids(LIST_LENGTH + 1),
            true));
  }

  private static void fieldCount(List<LimitCase> all) {
    Limits strict = limits(b -> b.maxFieldCount(FIELD_COUNT));
    all.add(
        new LimitCase(
            "maxFieldCount: values in a message",
            strict,
            OutboundMessage.call("Many", "1", values(FIELD_COUNT)),
            OutboundMessage.call("Many", "1", values(FIELD_COUNT + 1)),
            false));
    all.add(
        new LimitCase(
            "maxFieldCount: fields of a record",
            strict,
            answer(wide(FIELD_COUNT), List.of(wideRecord(FIELD_COUNT)), "v"),
            answer(wide(FIELD_COUNT + 1), List.of(wideRecord(FIELD_COUNT + 1)), "v"),
            true));
  }

  private static void nestingDepth(List<LimitCase> all) {
    Limits strict = limits(b -> b.maxNestingDepth(NESTING_DEPTH));
    all.add(
        new LimitCase(
            "maxNestingDepth: lists",
            strict,
            answer(nested(NESTING_DEPTH), wrap(BigInteger.ONE, NESTING_DEPTH), "v"),
            answer(nested(NESTING_DEPTH + 1), wrap(BigInteger.ONE, NESTING_DEPTH + 1), "v"),
            true));
    ValueType<?> deep2 = ValueTypes.listOf(ValueTypes.listOf(ValueTypes.INTEGER));
    ValueType<?> deep3 = ValueTypes.listOf(deep2);
    RecordSchema<Map<String, Object>> two =
        SampleValues.schema("Two", SampleValues.field("l", deep2, false));
    RecordSchema<Map<String, Object>> three =
        SampleValues.schema("Three", SampleValues.field("l", deep3, false));
    all.add(
        new LimitCase(
            "maxNestingDepth: lists in records",
            strict,
            answer(
                ValueTypes.records(two),
                List.of(SampleValues.record("l", List.of(List.of(BigInteger.ONE)))),
                "v"),
            answer(
                ValueTypes.records(three),
                List.of(SampleValues.record("l", List.of(List.of(List.of(BigInteger.ONE))))),
                "v"),
            true));
  }

  private static void integerDigits(List<LimitCase> all) {
    Limits strict = limits(b -> b.maxIntegerDigits(INTEGER_DIGITS));
    BigInteger max = BigInteger.TEN.pow(INTEGER_DIGITS).subtract(BigInteger.ONE);
    BigInteger over = BigInteger.TEN.pow(INTEGER_DIGITS);
    all.add(same("maxIntegerDigits: positive", strict, ValueTypes.INTEGER, max, over, true));
    all.add(
        same(
            "maxIntegerDigits: negative, sign not counted",
            strict,
            ValueTypes.INTEGER,
            max.negate(),
            over.negate(),
            true));
    all.add(
        same(
            "maxIntegerDigits: in a list",
            strict,
            ValueTypes.listOf(ValueTypes.INTEGER),
            List.of(BigInteger.ONE, max.negate()),
            List.of(BigInteger.ONE, over.negate()),
            true));
  }

  // ---------------------------------------------------------------- helpers

  private static Limits limits(UnaryOperator<Limits.Builder> change) {
    return change.apply(Limits.DEFAULTS.toBuilder()).build();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static LimitCase same(
      String name, Limits strict, ValueType<?> type, Object at, Object over, boolean content) {
    return new LimitCase(name, strict, answer(type, at, "v"), answer(type, over, "v"), content);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static OutboundMessage answer(ValueType<?> type, Object value, String name) {
    return OutboundMessage.answer("1", List.of(new TypedValue(name, type, value)));
  }

  private static byte[] bytes(int n) {
    byte[] b = new byte[n];
    Arrays.fill(b, (byte) 'x');
    return b;
  }

  private static List<BigInteger> count(int n) {
    List<BigInteger> l = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      l.add(BigInteger.valueOf(i));
    }
    return l;
  }

  private static List<Map<String, Object>> ids(int n) {
    List<Map<String, Object>> l = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      l.add(SampleValues.record("id", BigInteger.valueOf(i)));
    }
    return l;
  }

  private static List<TypedValue<?>> values(int n) {
    List<TypedValue<?>> l = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      l.add(new TypedValue<>("v" + i, ValueTypes.INTEGER, BigInteger.valueOf(i)));
    }
    return l;
  }

  /** A records type with {@code n} optional integer fields f0..f(n-1). */
  private static ValueType<List<Map<String, Object>>> wide(int n) {
    RecordSchema.FieldSpec[] fields = new RecordSchema.FieldSpec[n];
    for (int i = 0; i < n; i++) {
      fields[i] = SampleValues.field("f" + i, ValueTypes.INTEGER, true);
    }
    return ValueTypes.records(SampleValues.schema("Wide", fields));
  }

  private static Map<String, Object> wideRecord(int n) {
    Object[] kv = new Object[2 * n];
    for (int i = 0; i < n; i++) {
      kv[2 * i] = "f" + i;
      kv[2 * i + 1] = BigInteger.valueOf(i);
    }
    return SampleValues.record(kv);
  }

  /** {@code list<...list<integer>...>} with {@code depth} lists. */
  private static ValueType<?> nested(int depth) {
    ValueType<?> t = ValueTypes.INTEGER;
    for (int i = 0; i < depth; i++) {
      t = listOf(t);
    }
    return t;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static ValueType<?> listOf(ValueType<?> t) {
    return ValueTypes.listOf((ValueType) t);
  }

  /** A value wrapped in {@code depth} one-element lists. */
  private static Object wrap(Object value, int depth) {
    Object v = value;
    for (int i = 0; i < depth; i++) {
      v = List.of(v);
    }
    return v;
  }
}
