package org.amp4j.buildbot;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.amp4j.EncodingException;
import org.amp4j.Limits;
import org.amp4j.spi.StrictUtf8;
import org.amp4j.spi.ValueChecks;
import org.amp4j.spi.ValuePath;
import org.msgpack.core.MessagePacker;

/**
 * Writes the Java forms of {@link BuildbotTypes#ANY} as msgpack the way the worker's own encoder
 * does (buildbot-msgpack.md §4): text as str, {@code byte[]} as bin, integers in their smallest
 * encoding, floats as float64, maps with str keys, lists as arrays, {@link Optional#empty()} as
 * nil. Enforces the value length, list length, field count, nesting and frame limits as it goes;
 * every failure is an {@link EncodingException} naming the value. Immutable and thread-safe.
 */
final class AnyWriter {

  private static final BigInteger MAX_UINT64 =
      BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private final Limits limits;
  private final ValueChecks checks;
  private final int prefixLength;

  /**
   * @param prefixLength bytes the packer holds before the payload (the frame's length prefix),
   *     which do not count against {@code maxFrameLength}
   */
  AnyWriter(Limits limits, int prefixLength) {
    this.limits = limits;
    this.checks = new ValueChecks(limits);
    this.prefixLength = prefixLength;
  }

  /**
   * Writes a value.
   *
   * @param depth how many maps and arrays enclose it
   * @throws EncodingException if it is not a Java form of the Buildbot value model or breaks a
   *     limit
   */
  void write(MessagePacker out, Object value, ValuePath where, int depth) throws IOException {
    if (value instanceof Optional<?> optional) {
      if (optional.isEmpty()) {
        out.packNil();
        return;
      }
      value = optional.get();
    }
    ValueChecks.nonNull(value, where);
    if (value instanceof String s) {
      text(out, s, where);
    } else if (value instanceof byte[] b) {
      checks.checkLength(where, b.length);
      out.packBinaryHeader(b.length).writePayload(b);
    } else if (value instanceof Boolean b) {
      out.packBoolean(b);
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      out.packLong(((Number) value).longValue());
    } else if (value instanceof Byte b) {
      out.packLong(b);
    } else if (value instanceof BigInteger i) {
      integer(out, i, where);
    } else if (value instanceof Double || value instanceof Float) {
      out.packDouble(((Number) value).doubleValue());
    } else if (value instanceof Map<?, ?> map) {
      map(out, map, where, depth + 1);
    } else if (value instanceof List<?> list) {
      list(out, list, where, depth + 1);
    } else {
      throw new EncodingException(
          "value "
              + where
              + ": a "
              + value.getClass().getName()
              + " has no msgpack form (expected Map, List, String, byte[], Long, BigInteger,"
              + " Double, Boolean or Optional.empty())");
    }
    budget(out);
  }

  /** Writes text as str: strict UTF-8 within {@code maxValueLength}. */
  void text(MessagePacker out, String text, ValuePath where) throws IOException {
    // UTF-8 has at least one byte per char: refuse long text before encoding it.
    checks.checkLength(where, text.length());
    byte[] utf8 = utf8(text, "value " + where);
    checks.checkLength(where, utf8.length);
    out.packRawStringHeader(utf8.length).writePayload(utf8);
  }

  /** Writes a map key, which is always a str. */
  void key(MessagePacker out, Object key, ValuePath map) throws IOException {
    if (!(key instanceof String s)) {
      throw new EncodingException(
          "value "
              + map
              + ": a map key must be a String, got "
              + (key == null ? "null" : key.getClass().getName()));
    }
    name(out, s, map.field(s));
  }

  /**
   * Writes a key: strict UTF-8 within {@code maxValueLength}, or {@value AnyReader#MIN_KEY_LIMIT}
   * bytes if that is more (the decoder's rule).
   */
  void name(MessagePacker out, String key, ValuePath where) throws IOException {
    byte[] utf8 = utf8(key, "key of value " + where);
    int max = Math.max(AnyReader.MIN_KEY_LIMIT, limits.maxValueLength());
    if (utf8.length > max) {
      throw new EncodingException(
          "key of value " + where + " is " + utf8.length + " bytes, longer than " + max);
    }
    out.packRawStringHeader(utf8.length).writePayload(utf8);
  }

  /** Writes an integer of at most 64 bits (signed, or unsigned when positive). */
  void integer(MessagePacker out, BigInteger value, ValuePath where) throws IOException {
    if (value.bitLength() <= 63) {
      out.packLong(value.longValue());
    } else if (value.signum() > 0 && value.compareTo(MAX_UINT64) <= 0) {
      out.packBigInteger(value);
    } else {
      throw new EncodingException(
          "value " + where + ": integer " + value + " does not fit in 64 bits, as msgpack needs");
    }
  }

  private void map(MessagePacker out, Map<?, ?> map, ValuePath where, int depth)
      throws IOException {
    checks.checkDepth(where, depth);
    if (map.size() > limits.maxFieldCount()) {
      throw new EncodingException(
          "value "
              + where
              + " has "
              + map.size()
              + " entries, more than maxFieldCount "
              + limits.maxFieldCount());
    }
    out.packMapHeader(map.size());
    for (Map.Entry<?, ?> e : map.entrySet()) {
      key(out, e.getKey(), where);
      write(out, e.getValue(), where.field((String) e.getKey()), depth);
    }
  }

  private void list(MessagePacker out, List<?> list, ValuePath where, int depth)
      throws IOException {
    checks.checkDepth(where, depth);
    checks.checkListLength(where, list.size());
    out.packArrayHeader(list.size());
    for (int i = 0; i < list.size(); i++) {
      write(out, list.get(i), where.element(i), depth);
    }
  }

  /**
   * Stops as soon as what was written outgrows {@code maxFrameLength}.
   *
   * @throws EncodingException if it does
   */
  void budget(MessagePacker out) {
    long payload = out.getTotalWrittenBytes() - prefixLength;
    if (payload > limits.maxFrameLength()) {
      throw new EncodingException(
          "message is at least "
              + payload
              + " bytes, longer than maxFrameLength "
              + limits.maxFrameLength());
    }
  }

  /**
   * Strict UTF-8.
   *
   * @throws EncodingException if the text has an unpaired surrogate
   */
  static byte[] utf8(String text, String what) {
    try {
      return StrictUtf8.encode(text);
    } catch (CharacterCodingException e) {
      throw new EncodingException(
          what + ": text has an unpaired surrogate, which UTF-8 cannot carry", e);
    }
  }
}
