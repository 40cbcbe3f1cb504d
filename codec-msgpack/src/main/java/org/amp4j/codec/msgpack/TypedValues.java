package org.amp4j.codec.msgpack;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.amp4j.spi.PlainFields;
import org.amp4j.value.AmpDateTime;
import org.amp4j.value.AmpDecimal;
import org.amp4j.value.RecordSchema;
import org.amp4j.value.ValueType;

/**
 * Converts a decoded natural value to a reader's type, as this codec resolves it ({@link
 * ValueType#forCodec}, at every level): the carried kind must match the type's kind, except that a
 * float accepts an integer. A mismatch is an {@link IllegalArgumentException} saying {@code
 * expected <type>, got <what>}.
 */
final class TypedValues {

  /**
   * Reads {@link PlainFields} of decoded values with {@link #convert}; shows them by {@link Show}.
   */
  private static final PlainFields.Reader READER =
      new PlainFields.Reader() {
        @Override
        public <T> T read(Object plain, ValueType<T> type) {
          return convert(plain, type);
        }

        @Override
        public String show(Object plain) {
          return Show.value(plain);
        }
      };

  private TypedValues() {}

  /**
   * The fields of one received message or record: natural values by key, in the order received (nil
   * is null).
   */
  static PlainFields fields(Map<String, Object> values) {
    return new PlainFields(values, READER);
  }

  /**
   * The value as a {@code T}.
   *
   * @throws IllegalArgumentException if it is not a value of the type
   */
  static <T> T convert(Object value, ValueType<T> type) {
    ValueType<T> resolved = type.forCodec(MsgpackCodecProvider.NAME);
    Object wire = wireForm(value, resolved, type);
    try {
      return resolved.fromWire(wire);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "expected " + type.name() + ", got " + Show.value(value) + " (" + e.getMessage() + ")",
          e);
    }
  }

  private static Object wireForm(Object value, ValueType<?> resolved, ValueType<?> asked) {
    Object wire =
        switch (resolved.kind()) {
          case INTEGER -> value instanceof BigInteger ? value : null;
          case BYTES -> value instanceof byte[] bytes ? bytes.clone() : null;
          case UNICODE -> value instanceof String ? value : null;
          case BOOLEAN -> value instanceof Boolean ? value : null;
          case FLOAT -> toDouble(value);
          case DECIMAL -> value instanceof AmpDecimal ? value : null;
          case DATETIME -> value instanceof AmpDateTime ? value : null;
          case LIST -> value instanceof List<?> list ? list(list, resolved) : null;
          case RECORDS -> value instanceof List<?> list ? records(list, resolved) : null;
        };
    if (wire == null) {
      throw new IllegalArgumentException("expected " + asked.name() + ", got " + Show.value(value));
    }
    return wire;
  }

  private static Double toDouble(Object value) {
    if (value instanceof Double d) {
      return d;
    }
    if (value instanceof BigInteger i) {
      double d = i.doubleValue();
      return Double.isInfinite(d) ? null : d;
    }
    return null;
  }

  private static List<Object> list(List<?> elements, ValueType<?> type) {
    ValueType<?> elementType = type.elementType();
    List<Object> out = new ArrayList<>(elements.size());
    for (int i = 0; i < elements.size(); i++) {
      try {
        out.add(convert(elements.get(i), elementType));
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
      Object element = elements.get(i);
      if (!(element instanceof Map<?, ?> map)) {
        throw new IllegalArgumentException(
            "record "
                + i
                + " of "
                + type.name()
                + ": expected a record, got "
                + Show.value(element));
      }
      try {
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) map;
        out.add(fields(fields).read(schema));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "record " + i + " of " + type.name() + ": " + e.getMessage(), e);
      }
    }
    return Collections.unmodifiableList(out);
  }
}
