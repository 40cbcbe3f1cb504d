package org.amp4j.codec.msgpack;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.amp4j.Limits;
import org.amp4j.ProtocolException;
import org.amp4j.spi.ShownText;
import org.amp4j.spi.ValuePath;
import org.msgpack.core.ExtensionTypeHeader;
import org.msgpack.core.MessageFormat;

/**
 * Reads one msgpack value into its natural Java form, without a schema: {@link BigInteger}, {@code
 * byte[]}, {@link String}, {@link Boolean}, {@link Double}, {@link org.amp4j.value.AmpDecimal},
 * {@link org.amp4j.value.AmpDateTime}, unmodifiable {@link List}s, and unmodifiable {@link Map}s
 * for records (which are maps inside arrays); nil is {@code null}. Everything the format itself
 * rules out (a map outside a list, an unknown ext type, a malformed ext payload, nesting beyond
 * {@code maxNestingDepth}) is a {@link ProtocolException}; whether the value suits the reader's
 * type is decided later, by {@link TypedValues} when the fields are read. Immutable and
 * thread-safe.
 */
final class ValueDecoder {

  private final Limits limits;
  private final int maxExtIntegerLength;
  private final int maxDecimalLength;

  ValueDecoder(Limits limits) {
    this.limits = limits;
    this.maxExtIntegerLength = ExtInteger.maxLength(limits.maxIntegerDigits());
    this.maxDecimalLength =
        Math.min(limits.maxValueLength(), ExtDecimal.maxLength(limits.maxIntegerDigits()));
  }

  /**
   * Reads a values map (a message's {@code args} or {@code values}).
   *
   * @param where what the map is, for messages
   */
  Map<String, Object> readFields(PayloadReader in, Object where) throws IOException {
    return readMap(in, where, null, 0);
  }

  /**
   * Reads a value.
   *
   * @param depth how many arrays enclose it
   */
  Object read(PayloadReader in, ValuePath where, int depth) throws IOException {
    MessageFormat format = in.nextFormat();
    try {
      return switch (format.getValueType()) {
        case NIL -> {
          in.unpacker().unpackNil();
          yield null;
        }
        case BOOLEAN -> in.unpacker().unpackBoolean();
        case INTEGER -> in.unpacker().unpackBigInteger();
        case FLOAT -> in.unpacker().unpackDouble();
        case STRING -> in.string(limits.maxValueLength(), "maxValueLength", value(where));
        case BINARY -> in.binary(limits.maxValueLength(), "maxValueLength", value(where));
        case ARRAY -> readArray(in, where, depth + 1);
        case MAP ->
            throw new ProtocolException(
                value(where) + ": a map is a value only as a record inside an array");
        case EXTENSION -> readExt(in, where);
      };
    } catch (BadValueException e) {
      throw new ProtocolException(value(where) + ": " + e.getMessage(), e);
    }
  }

  private List<Object> readArray(PayloadReader in, ValuePath where, int depth) throws IOException {
    if (depth > limits.maxNestingDepth()) {
      throw new ProtocolException(
          value(where)
              + " nests lists and records deeper than maxNestingDepth "
              + limits.maxNestingDepth());
    }
    int n = in.arrayHeader(limits.maxListLength(), "maxListLength", value(where));
    List<Object> list = new ArrayList<>(Math.min(n, 1024));
    for (int i = 0; i < n; i++) {
      ValuePath at = where.element(i);
      if (in.nextFormat().getValueType() == org.msgpack.value.ValueType.MAP) {
        list.add(readMap(in, value(at), at, depth));
      } else {
        list.add(read(in, at, depth));
      }
    }
    return Collections.unmodifiableList(list);
  }

  /**
   * Reads a map with text keys, each at most once.
   *
   * @param at the record's place, or null for a message's values map (whose keys are top level)
   */
  private Map<String, Object> readMap(PayloadReader in, Object where, ValuePath at, int depth)
      throws IOException {
    if (in.nextFormat().getValueType() != org.msgpack.value.ValueType.MAP) {
      throw new ProtocolException(where + ": expected a map, got " + in.nextFormat());
    }
    int n = in.mapHeader(limits.maxFieldCount(), "maxFieldCount", where);
    Map<String, Object> fields = new LinkedHashMap<>((int) Math.ceil(n / 0.75));
    for (int i = 0; i < n; i++) {
      if (in.nextFormat().getValueType() != org.msgpack.value.ValueType.STRING) {
        throw new ProtocolException(
            where + ": key " + i + " is " + in.nextFormat() + ", expected a str");
      }
      String key = in.string(limits.maxValueLength(), "maxValueLength", where);
      if (fields.containsKey(key)) {
        throw new ProtocolException(where + ": key " + ShownText.quoted(key) + " appears twice");
      }
      ValuePath fieldAt = at == null ? ValuePath.key(key) : at.field(key);
      fields.put(key, read(in, fieldAt, depth));
    }
    return Collections.unmodifiableMap(fields);
  }

  private Object readExt(PayloadReader in, ValuePath where) throws IOException {
    ExtensionTypeHeader header = in.extHeader();
    Object at = value(where);
    return switch (header.getType()) {
      case ExtInteger.TYPE -> readExtInteger(in, header, at);
      case ExtDecimal.TYPE ->
          ExtDecimal.decode(
              in.extPayload(header, maxDecimalLength, "the decimal text limit", at),
              limits.maxIntegerDigits());
      case ExtDateTime.TYPE -> {
        if (header.getLength() != ExtDateTime.LENGTH) {
          throw new BadValueException(
              "ext 3 date-time has "
                  + header.getLength()
                  + " bytes, expected "
                  + ExtDateTime.LENGTH);
        }
        yield ExtDateTime.decode(in.extPayload(header, ExtDateTime.LENGTH, "", at));
      }
      default -> throw new BadValueException("unknown ext type " + header.getType());
    };
  }

  private BigInteger readExtInteger(PayloadReader in, ExtensionTypeHeader header, Object at)
      throws IOException {
    byte[] payload =
        in.extPayload(header, maxExtIntegerLength, "the ext 1 length for maxIntegerDigits", at);
    BigInteger value = ExtInteger.decode(payload);
    long digits = Digits.count(value);
    if (digits > limits.maxIntegerDigits()) {
      throw new BadValueException(
          "integer has "
              + digits
              + " digits, more than maxIntegerDigits "
              + limits.maxIntegerDigits());
    }
    return value;
  }

  private static Object value(ValuePath where) {
    return new ValueAt(where);
  }

  /**
   * Names a value in error messages, such as {@code value 'items'[2]}; made text only for them.
   *
   * @param path where the value is
   */
  private record ValueAt(ValuePath path) {
    @Override
    public String toString() {
      return "value " + path;
    }
  }
}
