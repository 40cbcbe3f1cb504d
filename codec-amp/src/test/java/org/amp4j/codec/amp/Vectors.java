package org.amp4j.codec.amp;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.amp4j.Limits;
import org.amp4j.spi.Codec;
import org.amp4j.spi.InboundMessage;
import org.amp4j.spi.MessageDecoder;
import org.amp4j.spi.TypedValue;
import org.amp4j.value.AmpDateTime;
import org.amp4j.value.AmpDecimal;
import org.amp4j.value.RecordSchema;
import org.amp4j.value.ValueType;
import org.amp4j.value.ValueTypes;

/** The golden vectors (amp-vectors.json, written by Twisted 22.4) and their Java meaning. */
final class Vectors {

  /** The largest UTC offset java.time can hold. */
  static final int MAX_JAVA_OFFSET_SECONDS = 18 * 3600;

  static final Codec CODEC = new AmpCodecProvider().create(Limits.DEFAULTS);

  private static final Map<String, Object> ROOT = load();

  private Vectors() {}

  @SuppressWarnings("unchecked")
  private static Map<String, Object> load() {
    try (InputStream in = Vectors.class.getResourceAsStream("/amp-vectors.json")) {
      if (in == null) {
        throw new IllegalStateException("amp-vectors.json not on the test class path");
      }
      return (Map<String, Object>)
          Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every vector. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> all() {
    return (List<Map<String, Object>>) ROOT.get("vectors");
  }

  /** The vectors of one category. */
  static Map<String, Object> named(String name) {
    return all().stream()
        .filter(v -> name.equals(v.get("name")))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no vector " + name));
  }

  static List<Map<String, Object>> category(String category) {
    return all().stream().filter(v -> category.equals(v.get("category"))).toList();
  }

  /** The exact bytes Twisted wrote for a vector, as hex. */
  static String wireHex(String name) {
    return (String) named(name).get("wire_hex");
  }

  static String name(Map<String, Object> vector) {
    return (String) vector.get("name");
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Map<String, Object> vector, String key) {
    return (List<Map<String, Object>>) vector.get(key);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex);
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  /** The value type a vector type describes. */
  static ValueType<?> type(Object spec) {
    if (spec instanceof String s) {
      return switch (s) {
        case "Integer" -> ValueTypes.INTEGER;
        case "String" -> ValueTypes.BYTES;
        case "Unicode" -> ValueTypes.UNICODE;
        case "Boolean" -> ValueTypes.BOOLEAN;
        case "Float" -> ValueTypes.FLOAT;
        case "Decimal" -> ValueTypes.DECIMAL;
        case "DateTime" -> ValueTypes.AMP_DATETIME;
        case "Path" -> ValueTypes.PATH;
        default -> throw new IllegalArgumentException("unknown vector type " + s);
      };
    }
    Map<String, Object> m = map(spec);
    if (m.containsKey("ListOf")) {
      return ValueTypes.listOf(type(m.get("ListOf")));
    }
    @SuppressWarnings("unchecked")
    List<Object> fields = (List<Object>) m.get("AmpList");
    List<RecordSchema.FieldSpec> specs = new ArrayList<>();
    for (Object f : fields) {
      Map<String, Object> fm = map(f);
      specs.add(
          new RecordSchema.FieldSpec(
              (String) fm.get("name"), type(fm.get("type")), (Boolean) fm.get("optional"), null));
    }
    return ValueTypes.records(RecordSchema.dynamic("Rec", specs));
  }

  /** The Java value a vector value describes, for a vector type. */
  static Object value(Object spec, Object json) {
    if (spec instanceof String s) {
      return switch (s) {
        case "Integer" -> new BigInteger((String) json);
        case "String" -> hex((String) json);
        case "Unicode" -> json;
        case "Boolean" -> json;
        case "Float" -> floatValue(json);
        case "Decimal" -> AmpDecimal.parse((String) json);
        case "DateTime" -> dateTime(map(json), false);
        case "Path" -> Path.of((String) json);
        default -> throw new IllegalArgumentException("unknown vector type " + s);
      };
    }
    Map<String, Object> m = map(spec);
    List<Object> out = new ArrayList<>();
    if (m.containsKey("ListOf")) {
      for (Object e : (List<?>) json) {
        out.add(value(m.get("ListOf"), e));
      }
      return out;
    }
    for (Object record : (List<?>) json) {
      Map<String, Object> r = map(record);
      Map<String, Object> values = new LinkedHashMap<>();
      for (Object f : (List<?>) m.get("AmpList")) {
        Map<String, Object> fm = map(f);
        String name = (String) fm.get("name");
        if (r.containsKey(name)) {
          values.put(name, value(fm.get("type"), r.get(name)));
        }
      }
      out.add(values);
    }
    return out;
  }

  static double floatValue(Object json) {
    return Double.longBitsToDouble(Long.parseUnsignedLong((String) map(json).get("bits"), 16));
  }

  /**
   * The date-time of a vector value; with {@code flooredOffset}, the offset as it reads back from
   * the wire (floored to whole minutes).
   */
  static AmpDateTime dateTime(Map<String, Object> v, boolean flooredOffset) {
    int offset = intOf(v.get("utc_offset_seconds"));
    if (flooredOffset) {
      offset = Math.floorDiv(offset, 60) * 60;
    }
    return new AmpDateTime(
        LocalDateTime.of(
            intOf(v.get("year")),
            intOf(v.get("month")),
            intOf(v.get("day")),
            intOf(v.get("hour")),
            intOf(v.get("minute")),
            intOf(v.get("second")),
            intOf(v.get("microsecond")) * 1000),
        offset);
  }

  static int intOf(Object json) {
    return ((Number) json).intValue();
  }

  /** The typed values of a vector's argument list (absent optional ones left out). */
  static List<TypedValue<?>> typedValues(List<Map<String, Object>> arguments) {
    List<TypedValue<?>> out = new ArrayList<>();
    for (Map<String, Object> a : arguments) {
      if (Boolean.TRUE.equals(a.get("absent"))) {
        continue;
      }
      out.add(
          typed((String) a.get("name"), type(a.get("type")), value(a.get("type"), a.get("value"))));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  static TypedValue<?> typed(String name, ValueType<?> type, Object value) {
    return new TypedValue<>(name, (ValueType<Object>) type, value);
  }

  /**
   * A comparable form of a value: doubles by bit pattern (any NaN equal to any NaN), byte arrays as
   * hex, maps sorted by key, lists element-wise.
   */
  static Object normalize(Object v) {
    if (v instanceof Double d) {
      return Double.isNaN(d)
          ? "double:NaN"
          : "double:" + Long.toHexString(Double.doubleToRawLongBits(d));
    }
    if (v instanceof byte[] b) {
      return "bytes:" + hex(b);
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> sorted = new TreeMap<>();
      m.forEach((k, x) -> sorted.put((String) k, normalize(x)));
      return sorted;
    }
    if (v instanceof List<?> l) {
      return l.stream().map(Vectors::normalize).toList();
    }
    return v;
  }

  /** Everything a decoder did with some input. */
  record Outcome(List<InboundMessage> messages, RuntimeException error, boolean atBoundary) {}

  /** Decodes input in chunks of the given sizes (cycled), catching the decoder's exception. */
  static Outcome decode(byte[] input, int... chunkSizes) {
    AmpMessageDecoder decoder = (AmpMessageDecoder) CODEC.newDecoder();
    return decode(decoder, input, chunkSizes);
  }

  static Outcome decode(MessageDecoder decoder, byte[] input, int... chunkSizes) {
    List<InboundMessage> messages = new ArrayList<>();
    int[] sizes = chunkSizes.length == 0 ? new int[] {Math.max(1, input.length)} : chunkSizes;
    int pos = 0;
    int k = 0;
    try {
      while (pos < input.length) {
        int n = Math.min(sizes[k++ % sizes.length], input.length - pos);
        ByteBuffer chunk = ByteBuffer.wrap(Arrays.copyOfRange(input, pos, pos + n));
        decoder.decode(chunk, messages::add);
        pos += n;
      }
    } catch (RuntimeException e) {
      return new Outcome(messages, e, false);
    }
    boolean boundary = !(decoder instanceof AmpMessageDecoder d) || d.atBoxBoundary();
    return new Outcome(messages, null, boundary);
  }

  /** A comparable summary of a message: routing fields and raw values as hex. */
  static String summary(InboundMessage m) {
    StringBuilder b =
        new StringBuilder()
            .append(m.kind())
            .append(" command=")
            .append(m.command())
            .append(" tag=")
            .append(m.tag() == null ? null : hex(m.tag().getBytes(StandardCharsets.ISO_8859_1)))
            .append(" code=")
            .append(m.errorCode())
            .append(" description=")
            .append(m.errorDescription());
    for (String name : m.fields().names()) {
      b.append(' ').append(name).append('=').append(hex((byte[]) m.fields().raw(name)));
    }
    return b.toString();
  }
}
