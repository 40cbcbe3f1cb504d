package org.amp4j.buildbot;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.amp4j.Limits;
import org.amp4j.ProtocolException;
import org.amp4j.spi.ShownText;
import org.amp4j.spi.StrictUtf8;
import org.amp4j.spi.ValuePath;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessageUnpacker;

/**
 * Reads msgpack into the Java forms of {@link BuildbotTypes#ANY}: nil is {@link Optional#empty()},
 * maps are unmodifiable {@code Map<String, Object>} in received order (keys must be str, each
 * once), arrays unmodifiable lists, str strict UTF-8 text, bin {@code byte[]}, integers {@link
 * Long} ({@link BigInteger} above {@link Long#MAX_VALUE}), floats {@link Double}. Every declared
 * length is checked against its limit and the bytes left before anything is allocated; ext types
 * are refused. Every failure is a {@link ProtocolException}. One per payload; not thread-safe.
 */
final class AnyReader {

  private static final MessagePack.UnpackerConfig CONFIG =
      new MessagePack.UnpackerConfig()
          .withAllowReadingBinaryAsString(false)
          .withAllowReadingStringAsBinary(false);

  /** Keys are names: never limited below this, however small maxValueLength is. */
  static final int MIN_KEY_LIMIT = 255;

  private final Limits limits;
  private final int maxKeyLength;
  private final MessageUnpacker in;
  private final int length;

  AnyReader(byte[] payload, Limits limits) {
    this.limits = limits;
    this.maxKeyLength = Math.max(MIN_KEY_LIMIT, limits.maxValueLength());
    this.in = CONFIG.newUnpacker(payload, 0, payload.length);
    this.length = payload.length;
  }

  /**
   * Reads one complete payload holding a single value.
   *
   * @throws ProtocolException if it is malformed or has trailing bytes
   */
  static Object readWhole(byte[] payload, Limits limits) {
    AnyReader reader = new AnyReader(payload, limits);
    return reader.guard(
        () -> {
          Object value = reader.read(ValuePath.key("value"), 0);
          reader.end();
          return value;
        });
  }

  /** Something that reads. */
  interface Read<T> {
    T run() throws IOException;
  }

  /** Runs a read, turning every msgpack failure into a {@link ProtocolException}. */
  <T> T guard(Read<T> read) {
    try {
      return read.run();
    } catch (ProtocolException e) {
      throw e;
    } catch (MessagePackException | IOException e) {
      throw new ProtocolException("malformed msgpack: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      // msgpack-core signals some malformed input with plain runtime exceptions.
      throw new ProtocolException("malformed msgpack: " + e, e);
    }
  }

  /** The format of the next value; 0xc1 is refused. */
  MessageFormat nextFormat() throws IOException {
    MessageFormat format = in.getNextFormat();
    if (format == MessageFormat.NEVER_USED) {
      throw new ProtocolException(
          "byte 0xc1 at offset " + in.getTotalReadBytes() + " is never used in msgpack");
    }
    return format;
  }

  /**
   * Reads a value.
   *
   * @param depth how many maps and arrays enclose it
   */
  Object read(ValuePath where, int depth) throws IOException {
    MessageFormat format = nextFormat();
    return switch (format.getValueType()) {
      case NIL -> {
        in.unpackNil();
        yield Optional.empty();
      }
      case BOOLEAN -> in.unpackBoolean();
      case INTEGER -> integer(format);
      case FLOAT -> in.unpackDouble();
      case STRING -> string(where);
      case BINARY -> binary(where);
      case ARRAY -> array(where, depth + 1);
      case MAP -> map(where, depth + 1, limits.maxFieldCount());
      case EXTENSION ->
          throw new ProtocolException(
              "value " + where + ": msgpack ext types are not used by the Buildbot protocol");
    };
  }

  private Object integer(MessageFormat format) throws IOException {
    if (format == MessageFormat.UINT64) {
      BigInteger v = in.unpackBigInteger();
      return v.bitLength() <= 63 ? (Object) v.longValue() : v;
    }
    return in.unpackLong();
  }

  private String string(Object where) throws IOException {
    return string(where, limits.maxValueLength(), "maxValueLength");
  }

  private String string(Object where, int max, String limit) throws IOException {
    int n = in.unpackRawStringHeader();
    check(where, "str of " + n + " bytes", n, max, limit, n);
    try {
      return StrictUtf8.decode(in.readPayload(n));
    } catch (CharacterCodingException e) {
      throw new ProtocolException(describe(where) + ": str is not valid UTF-8", e);
    }
  }

  private byte[] binary(ValuePath where) throws IOException {
    int n = in.unpackBinaryHeader();
    check(where, "bin of " + n + " bytes", n, limits.maxValueLength(), "maxValueLength", n);
    return in.readPayload(n);
  }

  private List<Object> array(ValuePath where, int depth) throws IOException {
    checkDepth(where, depth);
    int n = in.unpackArrayHeader();
    check(where, "array of " + n + " elements", n, limits.maxListLength(), "maxListLength", n);
    List<Object> list = new ArrayList<>(Math.min(n, 1024));
    for (int i = 0; i < n; i++) {
      list.add(read(where.element(i), depth));
    }
    return Collections.unmodifiableList(list);
  }

  /**
   * Reads a map with str keys, each at most once.
   *
   * @param where the map's place, or null for a message's top-level map
   * @param maxEntries the most entries allowed
   */
  Map<String, Object> map(ValuePath where, int depth, int maxEntries) throws IOException {
    String at = where == null ? "message" : "value " + where;
    checkDepth(where, depth);
    if (nextFormat().getValueType() != org.msgpack.value.ValueType.MAP) {
      throw new ProtocolException(at + ": expected a msgpack map, got " + nextFormat());
    }
    int n = in.unpackMapHeader();
    check(at, "map of " + n + " entries", n, maxEntries, "maxFieldCount", 2L * n);
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      MessageFormat keyFormat = nextFormat();
      if (keyFormat.getValueType() != org.msgpack.value.ValueType.STRING) {
        throw new ProtocolException(
            at + ": key " + i + " is a msgpack " + keyFormat + ", keys must be str");
      }
      String key = string(at + " key " + i, maxKeyLength, "the key length limit");
      if (map.containsKey(key)) {
        throw new ProtocolException(at + ": key " + ShownText.quoted(key) + " appears twice");
      }
      map.put(key, read(where == null ? ValuePath.key(key) : where.field(key), depth));
    }
    return Collections.unmodifiableMap(map);
  }

  /**
   * Checks that the payload was read to its end.
   *
   * @throws ProtocolException if bytes are left
   */
  void end() {
    long left = length - in.getTotalReadBytes();
    if (left != 0) {
      throw new ProtocolException(
          left + " trailing bytes after the msgpack map in a frame of " + length + " bytes");
    }
  }

  private void checkDepth(ValuePath where, int depth) {
    if (depth > limits.maxNestingDepth()) {
      throw new ProtocolException(
          (where == null ? "message" : "value " + where)
              + " nests maps and arrays deeper than maxNestingDepth "
              + limits.maxNestingDepth());
    }
  }

  private void check(Object where, String what, int n, int max, String limit, long needs) {
    String at = describe(where);
    if (n < 0 || n > max) {
      throw new ProtocolException(at + ": " + what + " exceeds " + limit + " " + max);
    }
    long remaining = length - in.getTotalReadBytes();
    if (needs > remaining) {
      throw new ProtocolException(
          at + ": " + what + " exceeds the " + remaining + " bytes left in the frame");
    }
  }

  private static String describe(Object where) {
    return where instanceof ValuePath ? "value " + where : String.valueOf(where);
  }
}
