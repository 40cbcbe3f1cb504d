package org.amp4j.buildbot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.amp4j.Limits;
import org.amp4j.spi.InboundMessage;
import org.amp4j.spi.MessageDecoder;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

/** Test helpers: hex, frames, and decoding whole or byte by byte. */
final class Wire {
  private Wire() {}

  static final BuildbotCodec CODEC = new BuildbotCodec(Limits.DEFAULTS);

  /** Bytes from hex with spaces allowed. */
  static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex.replace(" ", "").replace("\n", ""));
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  /** A frame around a payload given in hex. */
  static byte[] frame(String payloadHex) {
    return frame(hex(payloadHex));
  }

  /** A frame around a payload. */
  static byte[] frame(byte[] payload) {
    return ByteBuffer.allocate(4 + payload.length).putInt(payload.length).put(payload).array();
  }

  /** Hand-packs a payload with msgpack-core. */
  interface Pack {
    void to(MessageBufferPacker p) throws IOException;
  }

  static byte[] packed(Pack pack) {
    try (MessageBufferPacker p = MessagePack.newDefaultBufferPacker()) {
      pack.to(p);
      return p.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The one message in the bytes, decoded with the default limits. */
  static InboundMessage decode(byte[] bytes) {
    return decode(bytes, Limits.DEFAULTS);
  }

  static InboundMessage decode(byte[] bytes, Limits limits) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    InboundMessage m = new BuildbotCodec(limits).newDecoder().next(in);
    if (m == null || in.hasRemaining()) {
      throw new AssertionError("expected exactly one message, remaining " + in.remaining());
    }
    return m;
  }

  /** Every message in the bytes, fed to one decoder one byte at a time. */
  static List<InboundMessage> decodeByteByByte(byte[] bytes) {
    MessageDecoder decoder = CODEC.newDecoder();
    List<InboundMessage> out = new ArrayList<>();
    for (byte b : bytes) {
      ByteBuffer one = ByteBuffer.wrap(new byte[] {b});
      InboundMessage m = decoder.next(one);
      if (one.hasRemaining()) {
        throw new AssertionError("decoder left a byte unconsumed");
      }
      if (m != null) {
        out.add(m);
      }
    }
    return out;
  }
}
