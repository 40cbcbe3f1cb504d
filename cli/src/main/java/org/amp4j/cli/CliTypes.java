package org.amp4j.cli;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.amp4j.spi.TypedValue;
import org.amp4j.value.AmpDecimal;
import org.amp4j.value.ValueType;
import org.amp4j.value.ValueTypes;

/**
 * The value types the CLI knows by name, how it parses {@code name:type=value} arguments and how it
 * prints typed answers.
 */
final class CliTypes {
  private CliTypes() {}

  static final List<String> NAMES =
      List.of(
          "integer",
          "string",
          "unicode",
          "boolean",
          "float",
          "decimal",
          "datetime",
          "path",
          "list-integer",
          "list-unicode");

  static ValueType<?> type(String name) {
    return switch (name) {
      case "integer" -> ValueTypes.INTEGER;
      case "string" -> ValueTypes.BYTES;
      case "unicode" -> ValueTypes.UNICODE;
      case "boolean" -> ValueTypes.BOOLEAN;
      case "float" -> ValueTypes.FLOAT;
      case "decimal" -> ValueTypes.DECIMAL;
      case "datetime" -> ValueTypes.DATETIME;
      case "path" -> ValueTypes.PATH;
      case "list-integer" -> ValueTypes.listOf(ValueTypes.INTEGER);
      case "list-unicode" -> ValueTypes.listOf(ValueTypes.UNICODE);
      default ->
          throw new IllegalArgumentException(
              "unknown type '" + name + "'; known: " + String.join(", ", NAMES));
    };
  }

  /** Parses {@code name:type=value}. */
  static TypedValue<?> argument(String spec) {
    int colon = spec.indexOf(':');
    int eq = spec.indexOf('=', colon + 1);
    if (colon <= 0 || eq < 0) {
      throw new IllegalArgumentException(
          "argument '" + spec + "' is not of the form name:type=value");
    }
    String name = spec.substring(0, colon);
    String typeName = spec.substring(colon + 1, eq);
    String text = spec.substring(eq + 1);
    return typed(name, typeName, text);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static TypedValue<?> typed(String name, String typeName, String text) {
    ValueType type = type(typeName);
    Object value;
    try {
      value = parse(typeName, text);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          name + ": '" + text + "' is not a valid " + typeName + " (" + e.getMessage() + ")", e);
    }
    return new TypedValue(name, type, value);
  }

  private static Object parse(String type, String text) {
    return switch (type) {
      case "integer" -> new BigInteger(text.strip());
      case "string" -> HexFormat.of().parseHex(text);
      case "unicode" -> text;
      case "boolean" -> parseBoolean(text);
      case "float" -> parseFloat(text);
      case "decimal" -> AmpDecimal.parse(text);
      case "datetime" -> OffsetDateTime.parse(text);
      case "path" -> Path.of(text);
      case "list-integer" -> {
        List<BigInteger> l = new ArrayList<>();
        for (String s : split(text)) {
          l.add(new BigInteger(s.strip()));
        }
        yield l;
      }
      case "list-unicode" -> split(text);
      default -> throw new IllegalArgumentException("unknown type " + type);
    };
  }

  private static List<String> split(String text) {
    return text.isEmpty() ? List.of() : List.of(text.split(",", -1));
  }

  private static Boolean parseBoolean(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> throw new IllegalArgumentException("expected true or false");
    };
  }

  private static Double parseFloat(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "nan" -> Double.NaN;
      case "inf", "+inf", "infinity" -> Double.POSITIVE_INFINITY;
      case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(text);
    };
  }

  /** A typed answer value in printable form: numbers and booleans as JSON, the rest as text. */
  static Object printable(Object value) {
    if (value instanceof byte[] b) {
      return HexFormat.of().formatHex(b);
    }
    if (value instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      for (Object o : l) {
        out.add(printable(o));
      }
      return out;
    }
    if (value instanceof OffsetDateTime t) {
      return t.format(
          java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx"));
    }
    if (value instanceof java.util.Map<?, ?> m) {
      java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
      m.forEach((k, v) -> out.put(String.valueOf(k), printable(v)));
      return out;
    }
    if (value instanceof Long || value instanceof Integer) {
      return BigInteger.valueOf(((Number) value).longValue());
    }
    if (value instanceof BigInteger || value instanceof Boolean || value instanceof Double) {
      return value;
    }
    return String.valueOf(value);
  }
}
