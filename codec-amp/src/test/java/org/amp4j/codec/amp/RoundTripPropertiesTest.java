package org.amp4j.codec.amp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.amp4j.ProtocolException;
import org.amp4j.codectest.ValueArbitraries;
import org.amp4j.spi.InboundMessage;
import org.amp4j.spi.MessageKind;
import org.amp4j.spi.OutboundMessage;
import org.amp4j.spi.TypedValue;
import org.amp4j.value.RecordSchema;
import org.amp4j.value.ValueType;
import org.amp4j.value.ValueTypes;

/**
 * Random typed values of every kind survive encode, randomly chunked decode, and re-encode byte for
 * byte; arbitrary input bytes only ever give messages, "need more", or a {@link ProtocolException},
 * and reading any received value as any type gives a value or an {@link IllegalArgumentException}.
 */
class RoundTripPropertiesTest {

  /** A value to send, its type, and what must come back. */
  record Typed(ValueType<?> type, Object value, Object expected) {}

  /** A named value. */
  record Named(String name, Typed typed) {}

  /** A message and, for each of its values, what must come back. */
  record Sample(OutboundMessage message, Map<TypedValue<?>, Object> expected) {}

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
          ValueTypes.DATETIME,
          ValueTypes.PATH);

  // ------------------------------------------------------------------ properties

  @Property(tries = 400)
  void typedValuesRoundTripUnderAnyChunking(
      @ForAll("messages") Sample sample,
      @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 1, max = 40) Integer> chunks) {
    OutboundMessage message = sample.message();
    byte[] wire = Vectors.CODEC.encode(message);
    Vectors.Outcome outcome =
        Vectors.decode(wire, chunks.stream().mapToInt(Integer::intValue).toArray());
    assertThat(outcome.error()).isNull();
    assertThat(outcome.atBoundary()).isTrue();
    assertThat(outcome.messages()).hasSize(1);
    InboundMessage in = outcome.messages().get(0);
    assertThat(in.kind()).isEqualTo(message.kind());
    assertThat(in.command()).isEqualTo(message.command());
    assertThat(in.tag()).isEqualTo(message.tag());
    assertThat(in.errorCode()).isEqualTo(message.errorCode());
    assertThat(in.errorDescription()).isEqualTo(message.errorDescription());

    Set<String> names = new LinkedHashSet<>();
    List<TypedValue<?>> again = new ArrayList<>();
    for (TypedValue<?> v : message.values()) {
      names.add(v.name());
      Object decoded = in.fields().get(v.name(), v.type());
      assertThat(Vectors.normalize(decoded))
          .as(v.name() + " as " + v.type())
          .isEqualTo(Vectors.normalize(sample.expected().get(v)));
      again.add(Vectors.typed(v.name(), v.type(), decoded));
    }
    assertThat(in.fields().names()).isEqualTo(names);
    // What was received encodes to the very same bytes (canonical forms).
    OutboundMessage echo =
        new OutboundMessage(
            message.kind(), in.command(), in.tag(), in.errorCode(), in.errorDescription(), again);
    assertThat(Vectors.CODEC.encode(echo)).isEqualTo(wire);
  }

  @Property(tries = 1000)
  void randomBytesGiveOnlyProtocolExceptionOrNeedMore(
      @ForAll @Size(max = 300) byte[] input,
      @ForAll @Size(min = 1, max = 5) List<@IntRange(min = 1, max = 64) Integer> chunks) {
    checkArbitraryInput(input, chunks);
  }

  @Property(tries = 1000)
  void mutatedFramesGiveOnlyProtocolExceptionOrNeedMore(
      @ForAll("messages") Sample sample,
      @ForAll @Size(max = 6) List<@IntRange(min = 0, max = 100_000) Integer> positions,
      @ForAll @Size(max = 6) List<Byte> replacements,
      @ForAll @IntRange(min = 0, max = 100) int cutPercent,
      @ForAll @Size(min = 1, max = 5) List<@IntRange(min = 1, max = 64) Integer> chunks) {
    byte[] wire = Vectors.CODEC.encode(sample.message());
    for (int i = 0; i < Math.min(positions.size(), replacements.size()); i++) {
      wire[positions.get(i) % wire.length] = replacements.get(i);
    }
    byte[] twice = new byte[wire.length * 2];
    System.arraycopy(wire, 0, twice, 0, wire.length);
    System.arraycopy(wire, 0, twice, wire.length, wire.length);
    int cut = (int) ((long) twice.length * cutPercent / 100);
    checkArbitraryInput(java.util.Arrays.copyOf(twice, cut), chunks);
  }

  private static void checkArbitraryInput(byte[] input, List<Integer> chunks) {
    Vectors.Outcome outcome =
        Vectors.decode(input, chunks.stream().mapToInt(Integer::intValue).toArray());
    if (outcome.error() != null) {
      assertThat(outcome.error()).isInstanceOf(ProtocolException.class);
    }
    List<ValueType<?>> readAs = new ArrayList<>(LEAVES);
    readAs.add(ValueTypes.listOf(ValueTypes.INTEGER));
    readAs.add(ValueTypes.listOf(ValueTypes.listOf(ValueTypes.UNICODE)));
    readAs.add(ValueTypes.records(schema(List.of(field("a", ValueTypes.INTEGER, true)))));
    for (InboundMessage m : outcome.messages()) {
      assertThat(m.kind()).isNotNull();
      for (String name : m.fields().names()) {
        for (ValueType<?> t : readAs) {
          try {
            m.fields().get(name, t);
          } catch (IllegalArgumentException expected) {
            assertThat(expected.getMessage()).isNotBlank();
          }
        }
      }
    }
  }

  // ------------------------------------------------------------------ generators

  @Provide
  Arbitrary<Sample> messages() {
    Arbitrary<List<Named>> values =
        names()
            .list()
            .uniqueElements()
            .ofMaxSize(6)
            .flatMap(
                names -> {
                  List<Arbitrary<Named>> each = new ArrayList<>();
                  for (String n : names) {
                    each.add(typed(2).map(t -> new Named(n, t)));
                  }
                  return Combinators.combine(each).as(l -> l);
                });
    Arbitrary<String> tags =
        Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMinLength(1).ofMaxLength(8);
    Arbitrary<String> text =
        Arbitraries.strings().ofMaxLength(20).map(ValueArbitraries::noLoneSurrogates);
    return Combinators.combine(
            Arbitraries.of(MessageKind.values()), values, tags, tags.injectNull(0.3), text, text)
        .as(
            (kind, named, tag, maybeTag, command, description) -> {
              List<TypedValue<?>> typed = new ArrayList<>();
              Map<TypedValue<?>, Object> expected = new java.util.IdentityHashMap<>();
              for (Named n : named) {
                TypedValue<?> v = Vectors.typed(n.name(), n.typed().type(), n.typed().value());
                typed.add(v);
                expected.put(v, n.typed().expected());
              }
              OutboundMessage message =
                  switch (kind) {
                    case CALL -> OutboundMessage.call(command, maybeTag, typed);
                    case ANSWER -> OutboundMessage.answer(tag, typed);
                    case ERROR -> OutboundMessage.error(tag, command, description);
                  };
              return new Sample(message, kind == MessageKind.ERROR ? Map.of() : expected);
            });
  }

  private static Arbitrary<String> names() {
    return Arbitraries.strings()
        .withCharRange('a', 'z')
        .withCharRange('A', 'Z')
        .withCharRange('0', '9')
        .withChars('-', '\u00e9', '\u65e5')
        .ofMinLength(1)
        .ofMaxLength(12);
  }

  /** A random type (nested up to {@code depth}) with a random value of it. */
  static Arbitrary<Typed> typed(int depth) {
    Arbitrary<Typed> leaf = Arbitraries.of(LEAVES).flatMap(RoundTripPropertiesTest::leafValue);
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<Typed> list =
        Arbitraries.lazy(() -> typed(depth - 1))
            .filter(t -> t.type().kind() != ValueType.Kind.RECORDS)
            .flatMap(t -> listOf(t.type()));
    Arbitrary<Typed> records = Arbitraries.lazy(() -> records(depth - 1));
    return Arbitraries.frequencyOf(Tuple.of(6, leaf), Tuple.of(2, list), Tuple.of(2, records));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Arbitrary<Typed> listOf(ValueType<?> element) {
    ValueType<?> type = ValueTypes.listOf((ValueType) element);
    return valuesOf(element)
        .list()
        .ofMaxSize(4)
        .map(
            l ->
                new Typed(
                    type,
                    l.stream().map(Typed::value).toList(),
                    l.stream().map(Typed::expected).toList()));
  }

  private static Arbitrary<Typed> records(int depth) {
    Arbitrary<List<Tuple.Tuple3<String, Typed, Boolean>>> fieldTemplates =
        names()
            .list()
            .uniqueElements()
            .ofMaxSize(4)
            .flatMap(
                names -> {
                  List<Arbitrary<Tuple.Tuple3<String, Typed, Boolean>>> each = new ArrayList<>();
                  for (String n : names) {
                    each.add(
                        Combinators.combine(typed(depth), Arbitraries.of(true, false))
                            .as((t, optional) -> Tuple.of(n, t, optional)));
                  }
                  return Combinators.combine(each).as(l -> l);
                });
    return fieldTemplates.flatMap(
        fields -> {
          List<RecordSchema.FieldSpec> specs = new ArrayList<>();
          for (var f : fields) {
            specs.add(field(f.get1(), f.get2().type(), f.get3()));
          }
          ValueType<?> type = ValueTypes.records(schema(specs));
          return recordLists(type, recordValue(fields));
        });
  }

  /** One record: a value per field, optional fields sometimes absent. */
  private static Arbitrary<Map<String, Typed>> recordValue(
      List<Tuple.Tuple3<String, Typed, Boolean>> fields) {
    List<Arbitrary<Tuple.Tuple2<String, Typed>>> each = new ArrayList<>();
    for (var f : fields) {
      Arbitrary<Typed> value = valuesOf(f.get2().type());
      if (f.get3()) {
        value = value.injectNull(0.4);
      }
      each.add(value.map(v -> Tuple.of(f.get1(), v)));
    }
    return Combinators.combine(each)
        .as(
            l -> {
              Map<String, Typed> m = new LinkedHashMap<>();
              for (var t : l) {
                if (t.get2() != null) {
                  m.put(t.get1(), t.get2());
                }
              }
              return m;
            });
  }

  /** Values of a given type (a nested type keeps its schema). */
  private static Arbitrary<Typed> valuesOf(ValueType<?> type) {
    return switch (type.kind()) {
      case LIST -> listOf(type.elementType());
      case RECORDS -> recordsOf(type);
      default -> leafValue(type);
    };
  }

  private static Arbitrary<Typed> recordsOf(ValueType<?> type) {
    RecordSchema<?> schema = type.recordSchema();
    List<Tuple.Tuple3<String, Typed, Boolean>> fields = new ArrayList<>();
    for (RecordSchema.FieldSpec f : schema.fields()) {
      fields.add(Tuple.of(f.name(), new Typed(f.type(), null, null), f.optional()));
    }
    return recordLists(type, recordValue(fields));
  }

  /** Lists of up to three records of a records type, with their expected decoded form. */
  private static Arbitrary<Typed> recordLists(
      ValueType<?> type, Arbitrary<Map<String, Typed>> record) {
    return record
        .list()
        .ofMaxSize(3)
        .map(
            rs -> {
              List<Object> values = new ArrayList<>();
              List<Object> expected = new ArrayList<>();
              for (Map<String, Typed> r : rs) {
                Map<String, Object> v = new LinkedHashMap<>();
                Map<String, Object> e = new LinkedHashMap<>();
                r.forEach(
                    (k, t) -> {
                      v.put(k, t.value());
                      e.put(k, t.expected());
                    });
                values.add(v);
                expected.add(e);
              }
              return new Typed(type, values, expected);
            });
  }

  private static Arbitrary<Typed> leafValue(ValueType<?> t) {
    Arbitrary<?> values;
    if (t == ValueTypes.LONG) {
      values = Arbitraries.longs();
    } else if (t == ValueTypes.INT) {
      values = Arbitraries.integers();
    } else if (t == ValueTypes.PATH) {
      values =
          Arbitraries.strings()
              .alpha()
              .numeric()
              .withChars('\u00ee', ' ', '.')
              .ofMinLength(1)
              .ofMaxLength(8)
              .list()
              .ofMaxSize(3)
              .map(parts -> Path.of("/" + String.join("/", parts)));
    } else if (t == ValueTypes.BIG_DECIMAL) {
      values =
          Combinators.combine(ValueArbitraries.integers(), Arbitraries.integers().between(-30, 30))
              .as(BigDecimal::new);
    } else {
      values =
          switch (t.kind()) {
            case INTEGER -> ValueArbitraries.integers();
            case BYTES -> Arbitraries.bytes().array(byte[].class).ofMaxSize(40);
            case UNICODE ->
                Arbitraries.strings().ofMaxLength(20).map(ValueArbitraries::noLoneSurrogates);
            case BOOLEAN -> Arbitraries.of(true, false);
            case FLOAT -> ValueArbitraries.floats();
            case DECIMAL -> ValueArbitraries.decimals();
            case DATETIME -> dateTimes();
            default -> throw new IllegalArgumentException(t.toString());
          };
    }
    return values.map(v -> new Typed(t, v, expectedOf(t, v)));
  }

  /** What a value reads back as: date-times lose sub-microseconds and sub-minute offsets. */
  private static Object expectedOf(ValueType<?> t, Object v) {
    if (v instanceof OffsetDateTime d) {
      int minutes = Math.floorDiv(d.getOffset().getTotalSeconds(), 60);
      return d.truncatedTo(ChronoUnit.MICROS)
          .toLocalDateTime()
          .atOffset(ZoneOffset.ofTotalSeconds(minutes * 60));
    }
    return v;
  }

  private static Arbitrary<OffsetDateTime> dateTimes() {
    return Combinators.combine(
            Arbitraries.longs()
                .between(
                    java.time.LocalDateTime.of(1, 1, 2, 0, 0).toEpochSecond(ZoneOffset.UTC),
                    java.time.LocalDateTime.of(9999, 12, 30, 23, 59, 59)
                        .toEpochSecond(ZoneOffset.UTC)),
            Arbitraries.integers().between(0, 999_999_999),
            Arbitraries.integers().between(-18 * 3600, 18 * 3600))
        .as(
            (epoch, nanos, offset) ->
                java.time.LocalDateTime.ofEpochSecond(epoch, nanos, ZoneOffset.UTC)
                    .atOffset(ZoneOffset.ofTotalSeconds(offset)));
  }

  static RecordSchema.FieldSpec field(String name, ValueType<?> type, boolean optional) {
    return new RecordSchema.FieldSpec(name, type, optional, null);
  }

  static RecordSchema<Map<String, Object>> schema(List<RecordSchema.FieldSpec> fields) {
    return RecordSchema.dynamic("R", fields);
  }
}
