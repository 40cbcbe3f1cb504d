package org.amp4j.codec.msgpack;

import static org.amp4j.codec.msgpack.Wire.hex;

import java.util.Arrays;
import java.util.List;
import org.amp4j.Limits;
import org.amp4j.spi.Codec;
import org.amp4j.spi.OutboundMessage;
import org.amp4j.spi.TypedValue;
import org.amp4j.value.Fields;
import org.amp4j.value.ValueType;

/** Encodes and decodes a single value {@code v} inside an answer with tag {@code t}. */
final class OneValue {

  /** The answer map up to the value: {answer: "t", values: {v: ...}}. */
  static final String PREFIX = "82 a6 616e73776572 a1 74 a6 76616c756573 81 a1 76";

  private static final int PREFIX_BYTES = 4 + hex(PREFIX).length;

  private final Codec codec;

  OneValue(Limits limits) {
    this.codec = Wire.codec(limits);
  }

  OneValue() {
    this(Limits.DEFAULTS);
  }

  /** The hex of the value's bytes. */
  <T> String encode(ValueType<T> type, T value) {
    byte[] frame =
        codec.encode(OutboundMessage.answer("t", List.of(new TypedValue<>("v", type, value))));
    String prefix = hex(Arrays.copyOf(frame, PREFIX_BYTES));
    if (!prefix.substring(8).equals(hex(hex(PREFIX)))) {
      throw new AssertionError("unexpected prefix " + prefix);
    }
    return hex(Arrays.copyOfRange(frame, PREFIX_BYTES, frame.length));
  }

  /** The fields of an answer whose value bytes are given as hex. */
  Fields decode(String valueHex) {
    return Wire.decodeOne(codec, frame(valueHex)).fields();
  }

  /** The frame of an answer whose value bytes are given as hex. */
  static byte[] frame(String valueHex) {
    return Wire.frame(PREFIX + valueHex);
  }

  /** Round trip through bytes. */
  <T> T roundTrip(ValueType<T> type, T value) {
    return decode(encode(type, value)).get("v", type);
  }
}
