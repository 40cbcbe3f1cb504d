package org.amp4j.buildbot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.Value;

/**
 * Raw msgpack-core both ways for the fake worker, independent of the codec under test: Python-like
 * values (Map, List, String, byte[], Long, Double, Boolean, null for nil), and a record of every
 * rule a message from the master breaks (a non-str key, {@code is_exception} other than true).
 */
final class Msgpack {
  private Msgpack() {}

  static byte[] pack(Object value) {
    try (MessageBufferPacker p = MessagePack.newDefaultBufferPacker()) {
      write(p, value);
      return p.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(MessagePacker p, Object v) throws IOException {
    if (v == null) {
      p.packNil();
    } else if (v instanceof String s) {
      p.packString(s);
    } else if (v instanceof byte[] b) {
      p.packBinaryHeader(b.length).writePayload(b);
    } else if (v instanceof Boolean b) {
      p.packBoolean(b);
    } else if (v instanceof Integer || v instanceof Long) {
      p.packLong(((Number) v).longValue());
    } else if (v instanceof Double d) {
      p.packDouble(d);
    } else if (v instanceof Map<?, ?> m) {
      p.packMapHeader(m.size());
      for (Map.Entry<?, ?> e : m.entrySet()) {
        write(p, e.getKey());
        write(p, e.getValue());
      }
    } else if (v instanceof List<?> l) {
      p.packArrayHeader(l.size());
      for (Object e : l) {
        write(p, e);
      }
    } else {
      throw new IllegalArgumentException("cannot pack " + v.getClass());
    }
  }

  /** Unpacks one payload; rule violations are added to {@code violations}. */
  static Object unpack(byte[] payload, List<String> violations) {
    try (MessageUnpacker u = MessagePack.newDefaultUnpacker(payload)) {
      Object value = convert(u.unpackValue(), violations);
      if (u.hasNext()) {
        violations.add("trailing bytes after a message");
      }
      return value;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Object convert(Value v, List<String> violations) {
    switch (v.getValueType()) {
      case NIL:
        return null;
      case BOOLEAN:
        return v.asBooleanValue().getBoolean();
      case INTEGER:
        return v.asIntegerValue().toLong();
      case FLOAT:
        return v.asFloatValue().toDouble();
      case STRING:
        return v.asStringValue().asString();
      case BINARY:
        return v.asBinaryValue().asByteArray();
      case ARRAY:
        List<Object> list = new ArrayList<>();
        v.asArrayValue().forEach(e -> list.add(convert(e, violations)));
        return list;
      case MAP:
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<Value, Value> e : v.asMapValue().entrySet()) {
          if (!e.getKey().isStringValue()) {
            violations.add("non-str key " + e.getKey());
          }
          String key =
              e.getKey().isStringValue()
                  ? e.getKey().asStringValue().asString()
                  : e.getKey().toString();
          map.put(key, convert(e.getValue(), violations));
        }
        return map;
      default:
        violations.add("unexpected msgpack value " + v.getValueType());
        return v.toString();
    }
  }
}
