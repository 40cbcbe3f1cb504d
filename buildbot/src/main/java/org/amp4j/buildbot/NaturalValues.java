package org.amp4j.buildbot;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.amp4j.spi.PlainFields;
import org.amp4j.value.RecordSchema;
import org.amp4j.value.ValueType;

/**
 * Reads the values {@link AnyReader} decoded as the types a reader asks for, as the {@code
 * buildbot} codec resolves them (at every level): the msgpack kind must match the type's kind,
 * except that a float accepts an integer; {@link BuildbotTypes#ANY} takes any value as it is. A
 * mismatch is an {@link IllegalArgumentException} saying {@code expected <type>, got <what>}.
 */
final class NaturalValues {

  private static final PlainFields.Reader READER =
      new PlainFields.Reader() {
        @Override
        public <T> T read(Object plain, ValueType<T> type) {
          return convert(plain, type);
        }

        @Override
        public Object natural(Object plain) {
          return plain;
        }

        @Override
        public String show(Object plain) {
          return Render.show(plain);
        }
      };

  private NaturalValues() {}

  /** The fields of one message or record: decoded values by key, in the order received. */
  static PlainFields fields(Map<String, Object> values) {
    return new PlainFields(values, READER);
  }

  /**
   * A decoded value as a {@code T}.
   *
   * @throws IllegalArgumentException if it is not a value of the type
   */
  static <T> T convert(Object value, ValueType<T> type) {
    ValueType<T> resolved = type.forCodec(BuildbotCodecProvider.NAME);
    if (BuildbotTypes.isAny(resolved)) {
      @SuppressWarnings("unchecked")
      T any = (T) value;
      return any;
    }
    Object wire = wireForm(value, resolved);
    if (wire == null) {
      throw new IllegalArgumentException("expected " + type.name() + ", got " + Render.show(value));
    }
    try {
      return resolved.fromWire(wire);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "expected " + type.name() + ", got " + Render.show(value) + " (" + e.getMessage() + ")",
          e);
    }
  }

  private static Object wireForm(Object value, ValueType<?> resolved) {
    return switch (resolved.kind()) {
      case INTEGER ->
          value instanceof Long l
              ? BigInteger.valueOf(l)
              : value instanceof BigInteger ? value : null;
      case BYTES -> value instanceof byte[] ? value : null;
      case UNICODE -> value instanceof String ? value : null;
      case BOOLEAN -> value instanceof Boolean ? value : null;
      case FLOAT -> toDouble(value);
      case LIST -> value instanceof List<?> list ? list(list, resolved) : null;
      case RECORDS -> value instanceof List<?> list ? records(list, resolved) : null;
      case DECIMAL, DATETIME -> null;
    };
  }

  private static Double toDouble(Object value) {
    if (value instanceof Double d) {
      return d;
    }
    if (value instanceof Long l) {
      return (double) l;
    }
    if (value instanceof BigInteger i) {
      return i.doubleValue();
    }
    return null;
  }

  private static List<Object> list(List<?> elements, ValueType<?> type) {
    List<Object> out = new ArrayList<>(elements.size());
    for (int i = 0; i < elements.size(); i++) {
      try {
        out.add(convert(elements.get(i), type.elementType()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "element " + i + " of " + type.name() + ": " + e.getMessage(), e);
      }
    }
    return Collections.unmodifiableList(out);
  }

  private static List<Object> records(List<?> elements, ValueType<?> type) {
    RecordSchema<?> schema = type.recordSchema();
    List<Object> out = new ArrayList<>(elements.size());
    for (int i = 0; i < elements.size(); i++) {
      if (!(elements.get(i) instanceof Map<?, ?> map)) {
        throw new IllegalArgumentException(
            "record "
                + i
                + " of "
                + type.name()
                + ": expected a map, got "
                + Render.show(elements.get(i)));
      }
      try {
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) map;
        out.add(fields(MessageReader.withoutNil(fields)).read(schema));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "record " + i + " of " + type.name() + ": " + e.getMessage(), e);
      }
    }
    return Collections.unmodifiableList(out);
  }
}
