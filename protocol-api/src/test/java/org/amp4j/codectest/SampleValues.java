package org.amp4j.codectest;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.amp4j.value.AmpDateTime;
import org.amp4j.value.AmpDecimal;
import org.amp4j.value.RecordSchema;
import org.amp4j.value.ValueType;
import org.amp4j.value.ValueTypes;

/**
 * Edge values of every kind, with the types they are sent as: what every codec must carry without
 * loss. Each value fits in one plain AMP value even when wrapped in a one-element list or a record
 * (so the largest are 60,000 bytes), date-time offsets are whole minutes, and fractions of a second
 * are whole microseconds.
 */
public final class SampleValues {

  /**
   * One value and its type.
   *
   * @param name a short description, for test names
   * @param type the type it is sent and read as
   * @param value the Java value (what a round trip must give back, compared with {@link
   *     WireValues#deepEquals})
   */
  public record Sample(String name, ValueType<?> type, Object value) {
    @Override
    public String toString() {
      return name + " (" + type.name() + ")";
    }
  }

  /** The length of the largest bytes and unicode samples. */
  public static final int LARGE = 60_000;

  /** A record type with a required integer, a required text and an optional text. */
  public static final RecordSchema<Map<String, Object>> ITEM =
      schema(
          "Item",
          field("id", ValueTypes.INTEGER, false),
          field("name", ValueTypes.UNICODE, false),
          field("note", ValueTypes.UNICODE, true));

  private SampleValues() {}

  /** Every sample. */
  public static List<Sample> all() {
    List<Sample> all = new ArrayList<>();
    integers(all);
    bytesAndText(all);
    floats(all);
    decimals(all);
    dateTimes(all);
    lists(all);
    records(all);
    return List.copyOf(all);
  }

  private static void integers(List<Sample> all) {
    BigInteger two63 = BigInteger.TWO.pow(63);
    BigInteger two64 = BigInteger.TWO.pow(64);
    BigInteger hundredDigits = BigInteger.TEN.pow(99).add(BigInteger.valueOf(123_456_789));
    add(all, "integer 0", ValueTypes.INTEGER, BigInteger.ZERO);
    add(all, "integer 1", ValueTypes.INTEGER, BigInteger.ONE);
    add(all, "integer -1", ValueTypes.INTEGER, BigInteger.ONE.negate());
    add(all, "integer 2^63", ValueTypes.INTEGER, two63);
    add(all, "integer -2^63", ValueTypes.INTEGER, two63.negate());
    add(all, "integer -2^63-1", ValueTypes.INTEGER, two63.negate().subtract(BigInteger.ONE));
    add(all, "integer 2^64", ValueTypes.INTEGER, two64);
    add(all, "integer -2^64", ValueTypes.INTEGER, two64.negate());
    add(all, "integer 100 digits", ValueTypes.INTEGER, hundredDigits);
    add(all, "integer -100 digits", ValueTypes.INTEGER, hundredDigits.negate());
    add(all, "long max", ValueTypes.LONG, Long.MAX_VALUE);
    add(all, "long min", ValueTypes.LONG, Long.MIN_VALUE);
    add(all, "int max", ValueTypes.INT, Integer.MAX_VALUE);
    add(all, "int min", ValueTypes.INT, Integer.MIN_VALUE);
    add(all, "boolean true", ValueTypes.BOOLEAN, true);
    add(all, "boolean false", ValueTypes.BOOLEAN, false);
  }

  private static void bytesAndText(List<Sample> all) {
    byte[] every = new byte[256];
    for (int i = 0; i < every.length; i++) {
      every[i] = (byte) i;
    }
    byte[] large = new byte[LARGE];
    for (int i = 0; i < large.length; i++) {
      large[i] = (byte) (i * 31 + (i >> 8));
    }
    add(all, "bytes empty", ValueTypes.BYTES, new byte[0]);
    add(all, "bytes all 256 values", ValueTypes.BYTES, every);
    add(all, "bytes 60000", ValueTypes.BYTES, large);
    add(all, "unicode empty", ValueTypes.UNICODE, "");
    add(all, "unicode NUL", ValueTypes.UNICODE, "\u0000");
    add(all, "unicode NUL inside", ValueTypes.UNICODE, "a\u0000b");
    add(all, "unicode BMP", ValueTypes.UNICODE, "\u00e9\u20ac \u65e5\u672c\u8a9e");
    add(all, "unicode astral", ValueTypes.UNICODE, "\ud83d\ude00\ud834\udd1e");
    add(all, "unicode combining", ValueTypes.UNICODE, "e\u0301 A\u030a \u0915\u093f");
    add(all, "unicode controls", ValueTypes.UNICODE, "\t\r\n\u001f\u007f\u0085\u2028\"\\");
    add(all, "unicode 60000 bytes", ValueTypes.UNICODE, "\u20ac".repeat(LARGE / 3));
    add(all, "path", ValueTypes.PATH, Path.of("/amp-test/d\u00eer/file name.txt"));
  }

  private static void floats(List<Sample> all) {
    double[] values = {
      Double.NaN,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      0.0,
      -0.0,
      Double.MIN_VALUE,
      -Double.MIN_VALUE,
      Double.MIN_NORMAL,
      Double.MAX_VALUE,
      0.1,
      -1.5,
      1e16,
      1e23,
      9007199254740993.0,
      1.0 / 3
    };
    for (double d : values) {
      add(all, "float " + d, ValueTypes.FLOAT, d);
    }
  }

  private static void decimals(List<Sample> all) {
    String[] texts = {
      "0",
      "-0",
      "1.10",
      "1E+2",
      "-0.00",
      "0E-7",
      "1E-7",
      "NaN",
      "-NaN",
      "sNaN",
      "sNaN12",
      "Infinity",
      "-Infinity",
      "-123456789012345678901234567890.123456789",
      "9.999999999999999999999999999999999999999999999999E+999999",
      "1E-999999"
    };
    for (String t : texts) {
      add(all, "decimal " + t, ValueTypes.DECIMAL, AmpDecimal.parse(t));
    }
    add(all, "BigDecimal 3.14", ValueTypes.BIG_DECIMAL, new BigDecimal("3.14"));
    add(all, "BigDecimal -2.500", ValueTypes.BIG_DECIMAL, new BigDecimal("-2.500"));
  }

  private static void dateTimes(List<Sample> all) {
    LocalDateTime first = LocalDateTime.of(1, 1, 1, 0, 0);
    LocalDateTime last = LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000);
    int day = 23 * 3600 + 59 * 60;
    add(all, "datetime year 1 UTC", ValueTypes.AMP_DATETIME, new AmpDateTime(first, 0));
    add(all, "datetime year 9999 +23:59", ValueTypes.AMP_DATETIME, new AmpDateTime(last, day));
    add(all, "datetime year 1 -23:59", ValueTypes.AMP_DATETIME, new AmpDateTime(first, -day));
    add(
        all,
        "datetime 1 microsecond",
        ValueTypes.AMP_DATETIME,
        new AmpDateTime(LocalDateTime.of(2020, 2, 29, 0, 0, 0, 1_000), -30 * 60));
    add(
        all,
        "OffsetDateTime +01:00",
        ValueTypes.DATETIME,
        OffsetDateTime.of(2024, 2, 29, 13, 14, 15, 161_718_000, ZoneOffset.ofHours(1)));
    add(
        all,
        "OffsetDateTime -18:00",
        ValueTypes.DATETIME,
        OffsetDateTime.of(1999, 12, 31, 23, 59, 59, 0, ZoneOffset.ofHours(-18)));
    add(
        all,
        "OffsetDateTime +05:30",
        ValueTypes.DATETIME,
        OffsetDateTime.of(2012, 1, 23, 12, 34, 56, 54_321_000, ZoneOffset.ofHoursMinutes(5, 30)));
  }

  private static void lists(List<Sample> all) {
    ValueType<List<BigInteger>> ints = ValueTypes.listOf(ValueTypes.INTEGER);
    add(all, "list empty", ints, List.of());
    add(all, "list of integers", ints, ints(0, -1, 42, Long.MAX_VALUE));
    add(
        all,
        "list of lists",
        ValueTypes.listOf(ints),
        List.of(List.of(), ints(1), ints(2, 3), List.of()));
    add(
        all,
        "list of lists of lists",
        ValueTypes.listOf(ValueTypes.listOf(ValueTypes.listOf(ValueTypes.BOOLEAN))),
        List.of(List.of(List.of(true, false), List.of()), List.of()));
    add(
        all,
        "list of unicode",
        ValueTypes.listOf(ValueTypes.UNICODE),
        List.of("", "\u00e9", "\ud83d\ude00", "\u0000"));
    add(
        all,
        "list of bytes",
        ValueTypes.listOf(ValueTypes.BYTES),
        List.of(new byte[0], new byte[] {0, (byte) 0xff}, new byte[] {0, 0}));
    add(
        all,
        "list of floats",
        ValueTypes.listOf(ValueTypes.FLOAT),
        List.of(Double.NaN, -0.0, Double.NEGATIVE_INFINITY, 0.1));
    add(
        all,
        "list of decimals",
        ValueTypes.listOf(ValueTypes.DECIMAL),
        List.of(AmpDecimal.parse("1.5"), AmpDecimal.parse("-Infinity"), AmpDecimal.parse("-0")));
    add(
        all,
        "list of datetimes",
        ValueTypes.listOf(ValueTypes.DATETIME),
        List.of(OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)));
    add(all, "list of longs", ValueTypes.listOf(ValueTypes.LONG), List.of(Long.MIN_VALUE, 0L));
  }

  private static void records(List<Sample> all) {
    ValueType<List<Map<String, Object>>> items = ValueTypes.records(ITEM);
    add(all, "records empty", items, List.of());
    add(
        all,
        "records with an absent optional field",
        items,
        List.of(
            record("id", BigInteger.ONE, "name", "one", "note", "n"),
            record("id", BigInteger.TWO, "name", "")));
    RecordSchema<Map<String, Object>> allOptional =
        schema("Opt", field("a", ValueTypes.INTEGER, true), field("b", ValueTypes.BYTES, true));
    add(
        all,
        "records with every field absent",
        ValueTypes.records(allOptional),
        List.of(record(), record("b", new byte[] {1})));
    RecordSchema<Map<String, Object>> outer =
        schema(
            "Outer",
            field("children", items, false),
            field("tags", ValueTypes.listOf(ValueTypes.UNICODE), false),
            field("when", ValueTypes.DATETIME, true),
            field("ratio", ValueTypes.FLOAT, true));
    add(
        all,
        "records nested",
        ValueTypes.records(outer),
        List.of(
            record(
                "children",
                List.of(record("id", BigInteger.TEN, "name", "x")),
                "tags",
                List.of("a", ""),
                "ratio",
                -0.0),
            record("children", List.of(), "tags", List.of())));
  }

  /** A field of a hand-built record schema. */
  public static RecordSchema.FieldSpec field(String name, ValueType<?> type, boolean optional) {
    return new RecordSchema.FieldSpec(name, type, optional, null);
  }

  /** A record schema whose records are maps ({@link RecordSchema#dynamic}). */
  public static RecordSchema<Map<String, Object>> schema(
      String name, RecordSchema.FieldSpec... fields) {
    return RecordSchema.dynamic(name, Arrays.asList(fields));
  }

  /** A record of a dynamic schema from alternating keys and values. */
  public static Map<String, Object> record(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  /** Integers as {@link BigInteger}s. */
  public static List<BigInteger> ints(long... values) {
    List<BigInteger> l = new ArrayList<>();
    for (long v : values) {
      l.add(BigInteger.valueOf(v));
    }
    return l;
  }

  private static void add(List<Sample> all, String name, ValueType<?> type, Object value) {
    all.add(new Sample(name, type, value));
  }
}
