package org.amp4j.codec.msgpack;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.amp4j.ProtocolException;
import org.msgpack.core.ExtensionTypeHeader;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.core.buffer.ArrayBufferInput;

/**
 * Reads the msgpack object of one complete frame payload, checking every declared length (str, bin,
 * array, map, ext) against its limit and against the bytes left in the frame before anything is
 * allocated for it. Length violations are {@link ProtocolException}s naming the limit; msgpack's
 * own exceptions (truncation, bad formats) pass through for {@link MessageParser} to map.
 *
 * <p>One serves all the payloads of a decoder, one at a time (from {@link #start} to {@link
 * #release}), with the same unpacker, and reads each in place. Text is read through a small buffer
 * of its own and made a string directly when it is ASCII; other text is decoded strictly. The
 * {@code where} arguments name what is read in error messages, and are made text only for those.
 * Not thread-safe.
 */
final class PayloadReader {

  private static final MessagePack.UnpackerConfig CONFIG =
      new MessagePack.UnpackerConfig()
          .withAllowReadingBinaryAsString(false)
          .withAllowReadingStringAsBinary(false);

  /**
   * The longest text read through the reader's own buffer; longer text gets an array of its own.
   */
  private static final int MAX_BUFFERED_TEXT = 1024;

  private final ArrayBufferInput input = new ArrayBufferInput(new byte[0]);
  private final MessageUnpacker in = CONFIG.newUnpacker(input);
  private final CharsetDecoder utf8 =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private byte[] text = new byte[64];
  private byte[] lastText = text;
  private int length;

  /** Starts reading a payload of {@code length} bytes from {@code offset}. */
  void start(byte[] bytes, int offset, int length) throws IOException {
    input.reset(bytes, offset, length);
    in.reset(input);
    this.length = length;
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
    check(where, "map", n, "entries", max, limit, 2L * n);
    return n;
  }

  /** An array header: at most {@code max} elements, each at least 1 byte. */
  int arrayHeader(int max, String limit, Object where) throws IOException {
    int n = in.unpackArrayHeader();
    check(where, "array", n, "elements", max, limit, n);
    return n;
  }

  /** A str of at most {@code max} bytes, strict UTF-8. */
  String string(int max, String limit, Object where) throws IOException {
    return decode(readStr(max, limit, where), where);
  }

  /**
   * Reads a str of at most {@code max} bytes without decoding it: its bytes are {@code
   * strBytes()[0..n)} until the next read.
   *
   * @return n, the str's length in bytes
   */
  int readStr(int max, String limit, Object where) throws IOException {
    int n = in.unpackRawStringHeader();
    check(where, "str", n, "bytes", max, limit, n);
    if (n > text.length && n <= MAX_BUFFERED_TEXT) {
      text = new byte[Math.max(n, Math.min(2 * text.length, MAX_BUFFERED_TEXT))];
    }
    lastText = n <= text.length ? text : new byte[n];
    in.readPayload(lastText, 0, n);
    return n;
  }

  /** The bytes of the str last read by {@link #readStr}. */
  byte[] strBytes() {
    return lastText;
  }

  /**
   * The text of the str last read by {@link #readStr}, of {@code n} bytes, strict UTF-8.
   *
   * @throws ProtocolException if it is not valid UTF-8
   */
  String decode(int n, Object where) {
    byte[] bytes = lastText;
    int i = 0;
    while (i < n && bytes[i] >= 0) {
      i++;
    }
    if (i == n) {
      return new String(bytes, 0, n, StandardCharsets.ISO_8859_1); // ASCII
    }
    try {
      return utf8.decode(ByteBuffer.wrap(bytes, 0, n)).toString();
    } catch (CharacterCodingException e) {
      throw new ProtocolException(where + ": str is not valid UTF-8", e);
    }
  }

  /** A bin of at most {@code max} bytes. */
  byte[] binary(int max, String limit, Object where) throws IOException {
    int n = in.unpackBinaryHeader();
    check(where, "bin", n, "bytes", max, limit, n);
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
    if (!within(n, max, n)) {
      throw tooLong(where, "ext " + header.getType() + " of " + n + " bytes", n, max, limit);
    }
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

  /**
   * Lets go of the payload after {@link #start}, whether it was read or not, so that the reader
   * holds no reference to it between payloads.
   */
  void release() throws IOException {
    input.close();
    in.reset(input);
    lastText = text;
  }

  /** Checks a declared length {@code n} (see {@link #within}); {@code kind} names what has it. */
  private void check(
      Object where, String kind, int n, String unit, int max, String limit, long needs) {
    if (!within(n, max, needs)) {
      throw tooLong(where, kind + " of " + n + " " + unit, n, max, limit);
    }
  }

  /** Whether a declared length {@code n} is at most {@code max}, needing at most the bytes left. */
  private boolean within(int n, int max, long needs) {
    return n >= 0 && n <= max && needs <= remaining();
  }

  /**
   * The failure for a length beyond {@link #within}, such as {@code value 'v': str of 9 bytes
   * exceeds maxValueLength 8}.
   */
  private ProtocolException tooLong(Object where, String what, int n, int max, String limit) {
    if (n < 0 || n > max) {
      return new ProtocolException(where + ": " + what + " exceeds " + limit + " " + max);
    }
    return new ProtocolException(
        where + ": " + what + " exceeds the " + remaining() + " bytes left in the frame");
  }
}
