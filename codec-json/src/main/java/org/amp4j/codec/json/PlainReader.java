package org.amp4j.codec.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.amp4j.Limits;
import org.amp4j.ProtocolException;

/**
 * Reads values from a parser into plain Java values: maps in the order received (a {@link FieldMap}
 * up to {@value FieldMap#MAX} keys, an unmodifiable {@code LinkedHashMap} beyond), lists, and the
 * scalars of {@link JacksonCodec.Format#readScalar}. Every limit is checked as the value is read:
 * map sizes, list lengths, nesting, text and bytes lengths, integer digits. Immutable and
 * thread-safe.
 *
 * <p>Nesting is counted as {@link Limits#maxNestingDepth()} defines it: each list (a list value or
 * a list of records) is one level, and a record map inside a list is on the list's level.
 */
final class PlainReader {

  private final Limits limits;
  private final JacksonCodec.Format format;

  PlainReader(Limits limits, JacksonCodec.Format format) {
    this.limits = limits;
    this.format = format;
  }

  /**
   * Reads a map, the parser being on its START_OBJECT; afterwards the parser is on its END_OBJECT.
   *
   * @param level the nesting level of the map's values
   */
  Map<String, Object> readMap(JsonParser in, int level) throws IOException {
    format.checkContainer(in);
    FieldMap few = new FieldMap();
    Map<String, Object> many = null; // once there are more keys than a FieldMap holds
    JsonToken t;
    while ((t = in.nextToken()) == JsonToken.FIELD_NAME) {
      String key = in.currentName();
      if ((many == null ? few.size() : many.size()) >= limits.maxFieldCount()) {
        throw new ProtocolException(
            "a map has more than maxFieldCount " + limits.maxFieldCount() + " keys");
      }
      if (Texts.utf8Length(key) < 0) {
        throw new ProtocolException("a key has an unpaired surrogate");
      }
      if (many == null ? few.containsKey(key) : many.containsKey(key)) {
        throw new ProtocolException("key '" + key + "' appears twice in one map");
      }
      Object value = readValue(in, in.nextToken(), level);
      if (many == null && !few.add(key, value)) {
        many = new LinkedHashMap<>(few);
      }
      if (many != null) {
        many.put(key, value);
      }
    }
    expect(t, JsonToken.END_OBJECT);
    return many == null ? few : Collections.unmodifiableMap(many);
  }

  /**
   * Reads the value whose first token, {@code t}, the parser has just returned. The token is passed
   * rather than asked for again: a non-blocking parser that runs out of input returns {@code
   * NOT_AVAILABLE} but keeps the token before as its current one.
   */
  Object readValue(JsonParser in, JsonToken t, int level) throws IOException {
    if (t == JsonToken.START_ARRAY) {
      return readList(in, level + 1);
    }
    if (t == JsonToken.START_OBJECT) {
      checkLevel(level + 1);
      return readMap(in, level + 1);
    }
    if (t == JsonToken.NOT_AVAILABLE) {
      throw new ProtocolException("the frame ends inside a value"); // only a fed parser says so
    }
    return readScalar(in);
  }

  private List<Object> readList(JsonParser in, int level) throws IOException {
    checkLevel(level);
    format.checkContainer(in);
    List<Object> list = new ArrayList<>();
    JsonToken t;
    while ((t = in.nextToken()) != JsonToken.END_ARRAY) {
      if (t == null) {
        throw new ProtocolException("a list is not closed");
      }
      if (list.size() >= limits.maxListLength()) {
        throw new ProtocolException(
            "a list has more than maxListLength " + limits.maxListLength() + " elements");
      }
      list.add(t == JsonToken.START_OBJECT ? readMap(in, level) : readValue(in, t, level));
    }
    return Collections.unmodifiableList(list);
  }

  /** Reads a scalar through the format and checks it against the limits. */
  Object readScalar(JsonParser in) throws IOException {
    Object v = format.readScalar(in);
    if (v == null || v instanceof Boolean || v instanceof Double) {
      return v;
    }
    if (v instanceof String s) {
      checkText(s);
    } else if (v instanceof byte[] b) {
      if (b.length > limits.maxValueLength()) {
        throw tooLong("bytes", b.length);
      }
    } else if (v instanceof BigInteger i) {
      if (!Texts.digitsWithin(i, limits.maxIntegerDigits())) {
        throw tooManyDigits();
      }
    } else if (v instanceof JsonNumber n) {
      if (n.integral() && n.integerDigits() > limits.maxIntegerDigits()) {
        throw tooManyDigits();
      }
    } else if (!(v instanceof java.math.BigDecimal)) {
      throw new ProtocolException(
          "the format read a " + v.getClass().getName() + ", which is not a plain value");
    }
    return v;
  }

  /**
   * Text may be unicode (at most maxValueLength UTF-8 bytes) or, when bytes travel as base64 text,
   * the base64 of at most maxValueLength bytes.
   */
  private void checkText(String s) {
    long length = Texts.utf8Length(s);
    if (length < 0) {
      throw new ProtocolException("text has an unpaired surrogate");
    }
    if (length > limits.maxValueLength()) {
      long asBytes = format.nativeBytesAndFloats() ? -1 : Texts.base64DecodedLength(s);
      if (asBytes < 0 || asBytes > limits.maxValueLength()) {
        throw tooLong("text", length);
      }
    }
  }

  private void checkLevel(int level) {
    if (level > limits.maxNestingDepth()) {
      throw new ProtocolException(
          "lists and records nest deeper than maxNestingDepth " + limits.maxNestingDepth());
    }
  }

  private ProtocolException tooLong(String what, long length) {
    return new ProtocolException(
        what + " of " + length + " bytes is longer than maxValueLength " + limits.maxValueLength());
  }

  private ProtocolException tooManyDigits() {
    return new ProtocolException(
        "an integer has more than maxIntegerDigits " + limits.maxIntegerDigits() + " digits");
  }

  private static void expect(JsonToken actual, JsonToken expected) {
    if (actual != expected) {
      throw new ProtocolException("expected " + expected + ", got " + actual);
    }
  }
}
