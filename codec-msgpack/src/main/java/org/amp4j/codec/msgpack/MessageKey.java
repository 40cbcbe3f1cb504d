package org.amp4j.codec.msgpack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.amp4j.spi.FramedMessages;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePacker;

/**
 * The keys of a message map ({@link FramedMessages}), each with its msgpack str packed once, so
 * that messages write them as they are and read them by comparing bytes, without making text. Its
 * {@link #toString} names it for error messages: {@code message key 'tag'}.
 */
enum MessageKey {
  CALL(FramedMessages.CALL),
  TAG(FramedMessages.TAG),
  ARGS(FramedMessages.ARGS),
  ANSWER(FramedMessages.ANSWER),
  VALUES(FramedMessages.VALUES),
  ERROR(FramedMessages.ERROR),
  CODE(FramedMessages.CODE),
  DESCRIPTION(FramedMessages.DESCRIPTION);

  /** Bytes in the longest key ({@code description}); longer keys are refused before reading. */
  static final int MAX_LENGTH = FramedMessages.DESCRIPTION.length();

  private static final MessageKey[] ALL = values();

  private final String text;
  private final byte[] ascii;
  private final byte[] packed;
  private final String described;

  MessageKey(String text) {
    this.text = text;
    this.ascii = text.getBytes(StandardCharsets.US_ASCII);
    this.packed = pack(text);
    this.described = "message key '" + text + "'";
  }

  private static byte[] pack(String text) {
    try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
      packer.packString(text);
      return packer.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The key as the message map holds it. */
  String text() {
    return text;
  }

  /** A bit of its own, for sets of keys kept in an {@code int}. */
  int bit() {
    return 1 << ordinal();
  }

  /** Writes the key: its str header and bytes. */
  void write(MessagePacker out) throws IOException {
    out.writePayload(packed);
  }

  /** The key whose bytes are {@code bytes[0..length)}, or null if none is. */
  static MessageKey of(byte[] bytes, int length) {
    for (MessageKey key : ALL) {
      if (Arrays.equals(key.ascii, 0, key.ascii.length, bytes, 0, length)) {
        return key;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return described;
  }
}
