package org.amp4j.buildbot;

import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.amp4j.Limits;
import org.amp4j.ProtocolException;
import org.amp4j.spi.InboundMessage;
import org.amp4j.spi.MessageKind;

/**
 * Reads the payload of one frame as a message (see {@link Envelope}): a map with a str {@code op}
 * and an integer {@code seq_number}. A {@code response} with {@code is_exception} (whatever its
 * value) is an error whose description is the result as text and whose code is {@link
 * BuildbotCodecProvider#ERROR_CODE}; any other response is an answer whose only field, {@code
 * result}, is absent when nil. Any other op is a call whose fields are the other keys, nil ones
 * left out. Immutable and thread-safe.
 */
final class MessageReader {

  /** Keys a message has besides its values. */
  private static final int ENVELOPE_KEYS = 4;

  private final Limits limits;

  MessageReader(Limits limits) {
    this.limits = limits;
  }

  /**
   * The message in {@code length} bytes of a frame's payload from {@code offset}.
   *
   * @throws ProtocolException if the bytes are not exactly one well-formed message
   */
  InboundMessage parse(byte[] bytes, int offset, int length) {
    return parse(
        offset == 0 && length == bytes.length
            ? bytes
            : java.util.Arrays.copyOfRange(bytes, offset, offset + length));
  }

  /**
   * The message in a frame's payload.
   *
   * @throws ProtocolException if the payload is not exactly one well-formed message
   */
  InboundMessage parse(byte[] payload) {
    AnyReader reader = new AnyReader(payload, limits);
    Map<String, Object> map =
        reader.guard(
            () -> {
              if (reader.nextFormat().getValueType() != org.msgpack.value.ValueType.MAP) {
                throw new ProtocolException(
                    "a message is a msgpack map, got " + reader.nextFormat());
              }
              Map<String, Object> m = reader.map(null, 1, limits.maxFieldCount() + ENVELOPE_KEYS);
              reader.end();
              return m;
            });
    String op = op(map);
    String tag = Envelope.tag(seqNumber(map, op));
    if (!Envelope.RESPONSE.equals(op)) {
      Map<String, Object> fields = new LinkedHashMap<>(map);
      fields.remove(Envelope.OP);
      fields.remove(Envelope.SEQ_NUMBER);
      return new InboundMessage(
          MessageKind.CALL, op, tag, null, null, NaturalValues.fields(withoutNil(fields)));
    }
    Object result = map.getOrDefault(Envelope.RESULT, Optional.empty());
    if (map.containsKey(Envelope.IS_EXCEPTION)) {
      return new InboundMessage(
          MessageKind.ERROR,
          null,
          tag,
          BuildbotCodecProvider.ERROR_CODE,
          Render.text(result),
          NaturalValues.fields(Map.of()));
    }
    Map<String, Object> fields =
        isNil(result) ? Map.of() : Collections.singletonMap(Envelope.RESULT, result);
    return new InboundMessage(
        MessageKind.ANSWER, null, tag, null, null, NaturalValues.fields(fields));
  }

  private static String op(Map<String, Object> map) {
    Object op = map.get(Envelope.OP);
    if (!(op instanceof String s)) {
      throw new ProtocolException(
          "a message needs a str 'op', got " + (op == null ? "none" : Render.show(op)));
    }
    return s;
  }

  private static long seqNumber(Map<String, Object> map, String op) {
    Object seq = map.get(Envelope.SEQ_NUMBER);
    if (seq instanceof Long n) {
      return n;
    }
    if (seq instanceof BigInteger n) {
      throw new ProtocolException("'" + op + "': seq_number " + n + " does not fit in 64 bits");
    }
    throw new ProtocolException(
        "'"
            + op
            + "': a message needs an integer 'seq_number', got "
            + (seq == null ? "none" : Render.show(seq)));
  }

  /** The entries of a map that are not nil: a nil field is an absent one. */
  static Map<String, Object> withoutNil(Map<String, Object> map) {
    if (!map.containsValue(Optional.empty())) {
      return map;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    map.forEach(
        (k, v) -> {
          if (!isNil(v)) {
            out.put(k, v);
          }
        });
    return out;
  }

  private static boolean isNil(Object value) {
    return value instanceof Optional<?> o && o.isEmpty();
  }
}
