package org.amp4j.codec.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.amp4j.Limits;
import org.amp4j.spi.MachineIntegers;
import org.amp4j.spi.PlainFields;
import org.amp4j.value.AmpDecimal;
import org.amp4j.value.RecordSchema;
import org.amp4j.value.ValueType;

/**
 * Reads a plain value (see {@link PlainReader}) as a type chosen by the reader: checks that the
 * value is of the type's kind (the conversions a format allows are listed in {@link
 * JacksonCodec.Format}), builds the wire form and converts it with {@link ValueType#fromWire}.
 * Every failure is an {@link IllegalArgumentException} saying {@code expected <type>, got <value>}.
 * The {@link PlainFields} of received messages and records read through it. Immutable and
 * thread-safe.
 */
final class ValueReader implements PlainFields.Reader {

  private final String codec;
  private final Limits limits;
  private final boolean nativeBytesAndFloats;
  private final int maxNumberDigits;

  ValueReader(String codec, Limits limits, JacksonCodec.Format format) {
    this.codec = codec;
    this.limits = limits;
    this.nativeBytesAndFloats = format.nativeBytesAndFloats();
    this.maxNumberDigits = Math.max(limits.maxIntegerDigits(), JacksonCodec.MIN_NUMBER_DIGITS);
  }

  /**
   * Reads a plain value as a type, resolved for this codec.
   *
   * @throws IllegalArgumentException if the value is not of the type
   */
  @Override
  public <T> T read(Object plain, ValueType<T> type) {
    ValueType<T> resolved = type.forCodec(codec);
    if (plain instanceof JsonNumber n && n.isLong() && MachineIntegers.applies(resolved)) {
      try {
        return MachineIntegers.fromLong(resolved, n.longValue()); // as fromWire below would
      } catch (IllegalArgumentException e) {
        throw mismatch(type, plain, e);
      }
    }
    Object wire = wire(plain, resolved, type);
    if (wire == null) {
      throw mismatch(type, plain, null);
    }
    try {
      return resolved.fromWire(wire);
    } catch (RuntimeException e) {
      throw mismatch(type, plain, e);
    }
  }

  /**
   * The natural value: {@code String}, {@code Boolean}, {@code BigInteger} (an integer), {@code
   * BigDecimal} (a JSON number with a fraction or exponent, exactly as written), {@code Double} (a
   * native float), {@code byte[]} (native bytes, a copy), {@code List}, or {@code Map<String,
   * Object>} for a record; null when absent or null. Bytes, float specials and date-times that JSON
   * carries as text are text.
   */
  @Override
  public Object natural(Object plain) {
    if (plain instanceof JsonNumber n) {
      try {
        if (n.isLong()) {
          return BigInteger.valueOf(n.longValue());
        }
        return n.integral() ? new BigInteger(n.text()) : new BigDecimal(n.text());
      } catch (NumberFormatException e) {
        return n.text(); // an exponent beyond BigDecimal's range
      }
    }
    if (plain instanceof byte[] b) {
      return b.clone();
    }
    if (plain instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object o : l) {
        out.add(natural(o));
      }
      return Collections.unmodifiableList(out);
    }
    if (plain instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put((String) k, natural(v)));
      return Collections.unmodifiableMap(out);
    }
    return plain;
  }

  @Override
  public String show(Object plain) {
    return Texts.show(plain);
  }

  /** The wire form of a plain value for a type's kind, or null if it is not of that kind. */
  private Object wire(Object plain, ValueType<?> type, ValueType<?> named) {
    try {
      return switch (type.kind()) {
        case INTEGER -> integer(plain);
        case BYTES -> bytes(plain);
        case UNICODE -> plain instanceof String s ? unicode(s) : null;
        case BOOLEAN -> plain instanceof Boolean ? plain : null;
        case FLOAT -> floating(plain);
        case DECIMAL -> decimal(plain);
        case DATETIME -> plain instanceof String s ? DateTimeText.parse(s) : null;
        case LIST -> plain instanceof List<?> l ? list(l, type) : null;
        case RECORDS -> plain instanceof List<?> l ? records(l, type) : null;
      };
    } catch (IllegalArgumentException e) {
      // A list's or record's message already says which element; a scalar's says what is wrong.
      throw type.kind() == ValueType.Kind.LIST || type.kind() == ValueType.Kind.RECORDS
          ? e
          : mismatch(named, plain, e);
    } catch (RuntimeException e) {
      throw mismatch(named, plain, e);
    }
  }

  private static BigInteger integer(Object plain) {
    if (plain instanceof BigInteger i) {
      return i;
    }
    if (plain instanceof JsonNumber n && n.integral()) {
      return n.isLong() ? BigInteger.valueOf(n.longValue()) : new BigInteger(n.text());
    }
    return null;
  }

  private byte[] bytes(Object plain) {
    if (plain instanceof byte[] b) {
      return b.clone();
    }
    if (plain instanceof String s && !nativeBytesAndFloats) {
      long length = Texts.base64DecodedLength(s); // checks the shape once, for both uses
      if (length < 0) {
        throw new IllegalArgumentException("not padded base64");
      }
      if (length > limits.maxValueLength()) {
        throw new IllegalArgumentException(
            "bytes of " + length + " bytes, longer than maxValueLength " + limits.maxValueLength());
      }
      return java.util.Base64.getDecoder().decode(s);
    }
    return null;
  }

  private String unicode(String s) {
    long length = Texts.utf8Length(s);
    if (length > limits.maxValueLength()) {
      throw new IllegalArgumentException(
          "text of " + length + " bytes, longer than maxValueLength " + limits.maxValueLength());
    }
    return s;
  }

  private Double floating(Object plain) {
    if (plain instanceof Double d) {
      return d;
    }
    double d;
    if (plain instanceof BigInteger i) {
      d = i.doubleValue();
    } else if (plain instanceof JsonNumber n) {
      d = Double.parseDouble(n.text());
      if (!n.integral()) {
        return d;
      }
    } else if (plain instanceof String s && !nativeBytesAndFloats) {
      return switch (s) {
        case "NaN" -> Double.NaN;
        case "Infinity" -> Double.POSITIVE_INFINITY;
        case "-Infinity" -> Double.NEGATIVE_INFINITY;
        default -> null;
      };
    } else {
      return null;
    }
    if (Double.isInfinite(d)) {
      throw new IllegalArgumentException("integer too large for a float");
    }
    return d;
  }

  private AmpDecimal decimal(Object plain) {
    if (plain instanceof JsonNumber n) {
      return AmpDecimal.parse(n.text());
    }
    if (plain instanceof BigDecimal d) {
      return AmpDecimal.of(d);
    }
    if (plain instanceof String s && s.length() <= maxNumberDigits + 8) {
      AmpDecimal d = AmpDecimal.parse(s);
      boolean negativeZero = d.isFinite() && d.isNegative() && d.toBigDecimal().signum() == 0;
      return d.isFinite() && !negativeZero ? null : d;
    }
    return null;
  }

  private List<Object> list(List<?> plain, ValueType<?> type) {
    List<Object> out = new ArrayList<>(plain.size());
    for (int i = 0; i < plain.size(); i++) {
      try {
        out.add(read(plain.get(i), type.elementType()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "element " + i + " of " + type.name() + ": " + e.getMessage(), e);
      }
    }
    return Collections.unmodifiableList(out);
  }

  private List<Object> records(List<?> plain, ValueType<?> type) {
    RecordSchema<?> schema = type.recordSchema();
    List<Object> out = new ArrayList<>(plain.size());
    for (int i = 0; i < plain.size(); i++) {
      Object element = plain.get(i);
      if (!(element instanceof Map<?, ?> map)) {
        throw new IllegalArgumentException(
            "record " + i + " of " + type.name() + ": expected a map, got " + Texts.show(element));
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> fields = (Map<String, Object>) map;
      try {
        out.add(new PlainFields(fields, this).read(schema));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "record " + i + " of " + type.name() + ": " + e.getMessage(), e);
      }
    }
    return Collections.unmodifiableList(out);
  }

  private static IllegalArgumentException mismatch(
      ValueType<?> type, Object plain, RuntimeException cause) {
    String detail =
        cause == null || cause.getMessage() == null || cause.getMessage().isEmpty()
            ? ""
            : " (" + cause.getMessage() + ")";
    return new IllegalArgumentException(
        "expected " + type.name() + ", got " + Texts.show(plain) + detail, cause);
  }
}
