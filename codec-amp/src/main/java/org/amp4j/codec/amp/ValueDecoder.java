package org.amp4j.codec.amp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.amp4j.Limits;
import org.amp4j.spi.MachineIntegers;
import org.amp4j.value.RecordSchema;
import org.amp4j.value.ValueType;

/**
 * Reads AMP value bytes as a type chosen by the reader (spec 7): resolves the type for this codec
 * ({@link ValueType#forCodec}), decodes the text into the wire form of its {@link ValueType.Kind},
 * then converts with {@link ValueType#fromWire}. Bad text gives an {@link IllegalArgumentException}
 * such as {@code expected integer, got "1.5"}; so does a value over a limit on its content (list
 * length, fields of a record, nesting depth, integer digits), which AMP can only check when the
 * value is read. Immutable and thread-safe.
 */
final class ValueDecoder {

  private final Limits limits;

  ValueDecoder(Limits limits) {
    this.limits = limits;
  }

  Limits limits() {
    return limits;
  }

  /**
   * Reads a value.
   *
   * @param bytes the value bytes
   * @param type the type to read
   * @param depth how many lists and records enclose the value
   * @throws IllegalArgumentException if the bytes are not a value of the type
   */
  <T> T decode(byte[] bytes, ValueType<T> type, int depth) {
    ValueType<T> resolved = type.forCodec(AmpCodecProvider.NAME);
    if (MachineIntegers.applies(resolved)
        && IntegerText.isPlainLong(bytes, limits.maxIntegerDigits())) {
      return MachineIntegers.fromLong(resolved, IntegerText.plainLong(bytes));
    }
    return resolved.fromWire(decodeWire(bytes, resolved, depth));
  }

  private Object decodeWire(byte[] bytes, ValueType<?> type, int depth) {
    try {
      return switch (type.kind()) {
        case INTEGER -> IntegerText.parse(bytes, limits.maxIntegerDigits());
        case BYTES -> bytes.clone();
        case UNICODE -> UnicodeText.decode(bytes);
        case BOOLEAN -> BooleanText.parse(bytes);
        case FLOAT -> FloatText.parse(bytes);
        case DECIMAL -> DecimalText.parse(bytes);
        case DATETIME -> DateTimeText.parse(bytes);
        case LIST -> decodeList(bytes, type, depth + 1);
        case RECORDS -> decodeRecords(bytes, type, depth + 1);
      };
    } catch (BadTextException e) {
      String detail =
          e.getMessage() == null || e.getMessage().isEmpty() ? "" : " (" + e.getMessage() + ")";
      throw new IllegalArgumentException(
          "expected " + type.name() + ", got " + Show.bytes(bytes) + detail, e);
    }
  }

  private List<Object> decodeList(byte[] bytes, ValueType<?> type, int depth) {
    checkDepth(type, depth);
    List<byte[]> elements;
    try {
      elements = ListOfText.split(bytes, limits.maxListLength());
    } catch (BadTextException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(type.name() + ": " + e.getMessage(), e);
    }
    List<Object> out = new ArrayList<>(elements.size());
    for (int i = 0; i < elements.size(); i++) {
      try {
        out.add(decode(elements.get(i), type.elementType(), depth));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "element " + i + " of " + type.name() + ": " + e.getMessage(), e);
      }
    }
    return Collections.unmodifiableList(out);
  }

  private List<Object> decodeRecords(byte[] bytes, ValueType<?> type, int depth) {
    checkDepth(type, depth);
    RecordSchema<?> schema = type.recordSchema();
    List<RawBox> boxes;
    try {
      boxes = AmpListText.split(bytes, limits);
    } catch (BadTextException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(type.name() + ": " + e.getMessage(), e);
    }
    List<Object> out = new ArrayList<>(boxes.size());
    for (int i = 0; i < boxes.size(); i++) {
      try {
        out.add(new AmpFields(boxes.get(i), this, depth).read(schema));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "record " + i + " of " + type.name() + ": " + e.getMessage(), e);
      }
    }
    return Collections.unmodifiableList(out);
  }

  private void checkDepth(ValueType<?> type, int depth) {
    if (depth > limits.maxNestingDepth()) {
      throw new IllegalArgumentException(
          type.name()
              + " nests lists and records deeper than maxNestingDepth "
              + limits.maxNestingDepth());
    }
  }
}
