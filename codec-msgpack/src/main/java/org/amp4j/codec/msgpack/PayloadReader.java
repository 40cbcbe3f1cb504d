package org.amp4j.codec.msgpack;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import org.amp4j.ProtocolException;
import org.amp4j.spi.StrictUtf8;
import org.msgpack.core.ExtensionTypeHeader;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;

/**
 * Reads the msgpack object of one complete frame payload, checking every declared length (str, bin,
 * array, map, ext) against its limit and against the bytes left in the frame before anything is
 * allocated for it. Length violations are {@link ProtocolException}s naming the limit; msgpack's
 * own exceptions (truncation, bad formats) pass through for {@link MessageParser} to map. One per
 * payload; not thread-safe.
 */
final class PayloadReader {

  private static final MessagePack.UnpackerConfig CONFIG =
      new MessagePack.UnpackerConfig()
          .withAllowReadingBinaryAsString(false)
          .withAllowReadingStringAsBinary(false);

  private final MessageUnpacker in;
  private final int length;

  PayloadReader(byte[] payload) {
    this.in = CONFIG.newUnpacker(payload, 0, payload.length);
    this.length = payload.length;
  }

  /** Bytes of the payload not read yet. */
  long remaining() {
    return length - in.getTotalReadBytes();
  }

  /**
   * The format of the next object.
   *
   * @throws ProtocolException for the never-used byte 0xc1
   */
  MessageFormat nextFormat() throws IOException {
    MessageFormat format = in.getNextFormat();
    if (format == MessageFormat.NEVER_USED) {
      throw new ProtocolException(
          "byte 0xc1 at offset " + in.getTotalReadBytes() + " is never used");
    }
    return format;
  }

  MessageUnpacker unpacker() {
    return in;
  }

  /** A map header: at most {@code max} entries ({@code limit} names the bound), each ≥ 2 bytes. */
  int mapHeader(int max, String limit, Object where) throws IOException {
    int n = in.unpackMapHeader();
    check(where, "map of " + n + " entries", n, max, limit, 2L * n);
    return n;
  }

  /** An array header: at most {@code max} elements, each at least 1 byte. */
  int arrayHeader(int max, String limit, Object where) throws IOException {
    int n = in.unpackArrayHeader();
    check(where, "array of " + n + " elements", n, max, limit, n);
    return n;
  }

  /** A str of at most {@code max} bytes, strict UTF-8. */
  String string(int max, String limit, Object where) throws IOException {
    int n = in.unpackRawStringHeader();
    check(where, "str of " + n + " bytes", n, max, limit, n);
    try {
      return StrictUtf8.decode(in.readPayload(n));
    } catch (CharacterCodingException e) {
      throw new ProtocolException(where + ": str is not valid UTF-8", e);
    }
  }

  /** A bin of at most {@code max} bytes. */
  byte[] binary(int max, String limit, Object where) throws IOException {
    int n = in.unpackBinaryHeader();
    check(where, "bin of " + n + " bytes", n, max, limit, n);
    return in.readPayload(n);
  }

  /** An ext header; the payload length is checked by {@link #extPayload}. */
  ExtensionTypeHeader extHeader() throws IOException {
    return in.unpackExtensionTypeHeader();
  }

  /** The payload of an ext of at most {@code max} bytes. */
  byte[] extPayload(ExtensionTypeHeader header, int max, String limit, Object where)
      throws IOException {
    int n = header.getLength();
    check(where, "ext " + header.getType() + " of " + n + " bytes", n, max, limit, n);
    return in.readPayload(n);
  }

  /**
   * Checks that the payload was read to its end.
   *
   * @throws ProtocolException if bytes are left
   */
  void end() {
    long left = remaining();
    if (left != 0) {
      throw new ProtocolException(
          left + " trailing bytes after the msgpack object in a frame of " + length + " bytes");
    }
  }

  private void check(Object where, String what, int n, int max, String limit, long needs) {
    if (n < 0 || n > max) {
      throw new ProtocolException(where + ": " + what + " exceeds " + limit + " " + max);
    }
    if (needs > remaining()) {
      throw new ProtocolException(
          where + ": " + what + " exceeds the " + remaining() + " bytes left in the frame");
    }
  }
}
