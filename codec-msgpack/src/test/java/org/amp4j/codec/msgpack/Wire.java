package org.amp4j.codec.msgpack;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.amp4j.Limits;
import org.amp4j.spi.Codec;
import org.amp4j.spi.InboundMessage;
import org.amp4j.spi.MessageDecoder;

/** Test helpers: hex, frames, decoding whole or in chunks. */
final class Wire {

  private Wire() {}

  static Codec codec() {
    return codec(Limits.DEFAULTS);
  }

  static Codec codec(Limits limits) {
    return new MsgpackCodecProvider().create(limits);
  }

  static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex.replace(" ", ""));
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  /** A frame holding a payload given as hex. */
  static byte[] frame(String payloadHex) {
    byte[] payload = hex(payloadHex);
    return ByteBuffer.allocate(4 + payload.length).putInt(payload.length).put(payload).array();
  }

  /** The one message of a complete frame. */
  static InboundMessage decodeOne(Codec codec, byte[] frame) {
    ByteBuffer in = ByteBuffer.wrap(frame);
    InboundMessage m = codec.newDecoder().next(in);
    if (m == null || in.hasRemaining()) {
      throw new AssertionError("expected exactly one message, got " + m + ", " + in);
    }
    return m;
  }

  /** All messages of a byte stream fed in chunks of the given size. */
  static List<InboundMessage> decodeChunked(Codec codec, byte[] bytes, int chunk) {
    MessageDecoder decoder = codec.newDecoder();
    List<InboundMessage> out = new ArrayList<>();
    for (int i = 0; i < bytes.length; i += chunk) {
      ByteBuffer in = ByteBuffer.wrap(bytes, i, Math.min(chunk, bytes.length - i));
      decoder.decode(in, out::add);
      if (in.hasRemaining()) {
        throw new AssertionError("decoder left bytes");
      }
    }
    return out;
  }
}
