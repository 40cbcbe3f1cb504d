package org.amp4j.codectest;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.amp4j.value.AmpDateTime;
import org.amp4j.value.AmpDecimal;
import org.amp4j.value.RecordSchema;
import org.amp4j.value.ValueType;
import org.amp4j.value.ValueTypes;

/**
 * jqwik arbitraries for typed values of every kind: a random type (lists and record lists nested up
 * to a depth) with a random value of it. Values are small (a few hundred bytes), date-time offsets
 * are whole minutes and fractions of a second whole microseconds, so any codec carries them
 * exactly.
 */
public final class ValueArbitraries {

  private static final List<ValueType<?>> LEAVES =
      List.of(
          ValueTypes.INTEGER,
          ValueTypes.LONG,
          ValueTypes.INT,
          ValueTypes.BYTES,
          ValueTypes.UNICODE,
          ValueTypes.BOOLEAN,
          ValueTypes.FLOAT,
          ValueTypes.DECIMAL,
          ValueTypes.BIG_DECIMAL,
          ValueTypes.AMP_DATETIME,
          ValueTypes.DATETIME,
          ValueTypes.PATH);

  private ValueArbitraries() {}

  /** A random type nested up to {@code depth} lists or record lists, with a value of it. */
  public static Arbitrary<SampleValues.Sample> typed(int depth) {
    Arbitrary<SampleValues.Sample> leaf =
        Arbitraries.of(LEAVES).flatMap(ValueArbitraries::valuesOf);
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<SampleValues.Sample> list =
        Arbitraries.lazy(() -> typed(depth - 1))
            .filter(s -> s.type().kind() != ValueType.Kind.RECORDS)
            .flatMap(s -> valuesOf(listOf(s.type())));
    Arbitrary<SampleValues.Sample> records =
        recordSchemas(depth - 1).flatMap(schema -> valuesOf(ValueTypes.records(schema)));
    return Arbitraries.frequencyOf(Tuple.of(5, leaf), Tuple.of(2, list), Tuple.of(2, records));
  }

  /** Random values of a given type. */
  public static Arbitrary<SampleValues.Sample> valuesOf(ValueType<?> type) {
    return rawValuesOf(type).map(v -> new SampleValues.Sample(type.name(), type, v));
  }

  /** Wire keys: 1..12 chars, some of them not ASCII, never starting with '_'. */
  public static Arbitrary<String> keys() {
    return Arbitraries.strings()
        .withCharRange('a', 'z')
        .withCharRange('A', 'Z')
        .withCharRange('0', '9')
        .withChars('-', '\u00e9', '\u65e5')
        .ofMinLength(1)
        .ofMaxLength(12);
  }

  /** Text without unpaired surrogates (which no codec can send). */
  public static Arbitrary<String> text(int maxLength) {
    return Arbitraries.strings().ofMaxLength(maxLength).map(ValueArbitraries::noLoneSurrogates);
  }

  private static Arbitrary<RecordSchema<Map<String, Object>>> recordSchemas(int depth) {
    return keys()
        .list()
        .uniqueElements()
        .ofMaxSize(4)
        .flatMap(
            names -> {
              List<Arbitrary<RecordSchema.FieldSpec>> fields = new ArrayList<>();
              for (String n : names) {
                fields.add(
                    Combinators.combine(typed(depth), Arbitraries.of(true, false))
                        .as((s, optional) -> SampleValues.field(n, s.type(), optional)));
              }
              return Combinators.combine(fields).as(l -> RecordSchema.dynamic("R", l));
            });
  }

  private static Arbitrary<?> rawValuesOf(ValueType<?> type) {
    return switch (type.kind()) {
      case LIST -> rawValuesOf(type.elementType()).list().ofMaxSize(4);
      case RECORDS -> recordsOf(type.recordSchema()).list().ofMaxSize(3);
      default -> leaf(type);
    };
  }

  private static Arbitrary<Map<String, Object>> recordsOf(RecordSchema<?> schema) {
    List<Arbitrary<Tuple.Tuple2<String, Object>>> each = new ArrayList<>();
    for (RecordSchema.FieldSpec f : schema.fields()) {
      Arbitrary<?> value = rawValuesOf(f.type());
      Arbitrary<Object> v = value.map(x -> (Object) x);
      if (f.optional()) {
        v = v.injectNull(0.4);
      }
      each.add(v.map(x -> Tuple.of(f.name(), x)));
    }
    if (each.isEmpty()) {
      return Arbitraries.just(Map.of());
    }
    return Combinators.combine(each)
        .as(
            l -> {
              Map<String, Object> m = new java.util.LinkedHashMap<>();
              for (Tuple.Tuple2<String, Object> t : l) {
                if (t.get2() != null) {
                  m.put(t.get1(), t.get2());
                }
              }
              return m;
            });
  }

  private static Arbitrary<?> leaf(ValueType<?> t) {
    if (t == ValueTypes.LONG) {
      return Arbitraries.longs();
    }
    if (t == ValueTypes.INT) {
      return Arbitraries.integers();
    }
    if (t == ValueTypes.PATH) {
      return Arbitraries.strings()
          .alpha()
          .numeric()
          .withChars('\u00ee', ' ', '.')
          .ofMinLength(1)
          .ofMaxLength(8)
          .list()
          .ofMaxSize(3)
          .map(parts -> Path.of("/" + String.join("/", parts)));
    }
    if (t == ValueTypes.BIG_DECIMAL) {
      return Combinators.combine(integers(), Arbitraries.integers().between(-30, 30))
          .as(BigDecimal::new);
    }
    if (t == ValueTypes.DATETIME) {
      return dateTimes(18 * 60).map(AmpDateTime::toOffsetDateTime);
    }
    return switch (t.kind()) {
      case INTEGER -> integers();
      case BYTES -> Arbitraries.bytes().array(byte[].class).ofMaxSize(40);
      case UNICODE -> text(20);
      case BOOLEAN -> Arbitraries.of(true, false);
      case FLOAT -> floats();
      case DECIMAL -> decimals();
      case DATETIME -> dateTimes(23 * 60 + 59);
      default -> throw new IllegalArgumentException(t.toString());
    };
  }

  /** Doubles: any bit pattern, ordinary values, and the edges of every text form. */
  public static Arbitrary<Double> floats() {
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.longs().map(Double::longBitsToDouble)),
        Tuple.of(2, Arbitraries.doubles()),
        Tuple.of(
            1,
            Arbitraries.of(
                0.0,
                -0.0,
                Double.NaN,
                Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY,
                Double.MIN_VALUE,
                Double.MAX_VALUE,
                1e16,
                1e15,
                1e-5,
                0x1p-24,
                1e23,
                0.1)));
  }

  /** Integers of up to 60 digits, mostly in the 64-bit range. */
  public static Arbitrary<BigInteger> integers() {
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.longs().map(BigInteger::valueOf)),
        Tuple.of(
            1,
            Arbitraries.strings()
                .numeric()
                .ofMinLength(1)
                .ofMaxLength(60)
                .map(BigInteger::new)
                .flatMap(b -> Arbitraries.of(b, b.negate()))));
  }

  /** Decimals: finite ones of any sign and scale, NaN and sNaN with payloads, and infinities. */
  public static Arbitrary<AmpDecimal> decimals() {
    Arbitrary<AmpDecimal> finite =
        Combinators.combine(
                Arbitraries.of(true, false),
                integers().map(BigInteger::abs),
                Arbitraries.integers().between(-40, 40))
            .as((neg, unscaled, scale) -> AmpDecimal.finite(neg, new BigDecimal(unscaled, scale)));
    Arbitrary<AmpDecimal> nan =
        Combinators.combine(
                Arbitraries.of(true, false),
                Arbitraries.of(true, false),
                Arbitraries.bigIntegers()
                    .between(BigInteger.ZERO, BigInteger.TEN.pow(20))
                    .injectNull(0.5))
            .as(AmpDecimal::nan);
    return Arbitraries.frequencyOf(
        Tuple.of(6, finite),
        Tuple.of(2, nan),
        Tuple.of(1, Arbitraries.of(AmpDecimal.POSITIVE_INFINITY, AmpDecimal.NEGATIVE_INFINITY)));
  }

  /** Date-times of years 1..9999 with microseconds and an offset of whole minutes. */
  private static Arbitrary<AmpDateTime> dateTimes(int maxOffsetMinutes) {
    return Combinators.combine(
            Arbitraries.longs()
                .between(
                    LocalDateTime.of(1, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC),
                    LocalDateTime.of(9999, 12, 31, 23, 59, 59).toEpochSecond(ZoneOffset.UTC)),
            Arbitraries.integers().between(0, 999_999),
            Arbitraries.integers().between(-maxOffsetMinutes, maxOffsetMinutes))
        .as(
            (epoch, micros, offset) ->
                new AmpDateTime(
                    LocalDateTime.ofEpochSecond(epoch, micros * 1000, ZoneOffset.UTC),
                    offset * 60));
  }

  /** Replaces unpaired surrogates with '?'. */
  public static String noLoneSurrogates(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        b.append(c).append(s.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        b.append('?');
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static ValueType<?> listOf(ValueType<?> element) {
    return ValueTypes.listOf((ValueType) element);
  }
}
