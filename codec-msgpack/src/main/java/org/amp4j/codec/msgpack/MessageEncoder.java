package org.amp4j.codec.msgpack;

import static org.amp4j.spi.MessageParts.required;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.amp4j.EncodingException;
import org.amp4j.Limits;
import org.amp4j.spi.FramedMessages;
import org.amp4j.spi.LengthPrefixedDecoder;
import org.amp4j.spi.MessageParts;
import org.amp4j.spi.OutboundMessage;
import org.amp4j.spi.TypedValue;
import org.amp4j.spi.ValuePath;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePacker;

/**
 * Turns an {@link OutboundMessage} into one frame: the length prefix, then a map whose keys come in
 * the order {@link FramedMessages} gives. Values keep the order the message lists them in.
 * Immutable and thread-safe; nothing escapes a failed encoding.
 */
final class MessageEncoder {

  // Starts small and grows as needed: the default 8 KiB buffer dominated the allocation of small
  // messages.
  private static final MessagePack.PackerConfig PACKER =
      new MessagePack.PackerConfig().withBufferSize(256);

  private final Limits limits;
  private final FrameBudget budget;
  private final ValueEncoder values;

  MessageEncoder(Limits limits) {
    this.limits = limits;
    this.budget = new FrameBudget(limits.maxFrameLength());
    this.values = new ValueEncoder(limits, budget);
  }

  /**
   * The bytes of one frame.
   *
   * @throws EncodingException if the message cannot be encoded within the limits
   */
  byte[] encode(OutboundMessage message) {
    try (MessageBufferPacker out = PACKER.newBufferPacker()) {
      out.writePayload(new byte[LengthPrefixedDecoder.PREFIX_LENGTH]); // patched below
      switch (message.kind()) {
        case CALL -> {
          boolean wantsAnswer = message.tag() != null;
          out.packMapHeader(wantsAnswer ? 3 : 2);
          text(
              out,
              FramedMessages.CALL,
              strict(required(message.command(), "command"), "command name"));
          if (wantsAnswer) {
            text(out, FramedMessages.TAG, tagBytes(message.tag()));
          }
          writeValues(out, FramedMessages.ARGS, message.values());
        }
        case ANSWER -> {
          out.packMapHeader(2);
          text(out, FramedMessages.ANSWER, tagBytes(required(message.tag(), "tag")));
          writeValues(out, FramedMessages.VALUES, message.values());
        }
        case ERROR -> {
          FramedMessages.checkNoValues(message);
          out.packMapHeader(3);
          text(out, FramedMessages.ERROR, tagBytes(required(message.tag(), "tag")));
          text(
              out,
              FramedMessages.CODE,
              strict(required(message.errorCode(), "code"), "error code"));
          // Descriptions often come from exception messages: replace what UTF-8 cannot carry.
          text(
              out,
              FramedMessages.DESCRIPTION,
              required(message.errorDescription(), "description").getBytes(StandardCharsets.UTF_8));
        }
      }
      budget.check(out);
      byte[] frame = out.toByteArray();
      LengthPrefixedDecoder.putLength(frame);
      return frame;
    } catch (IOException e) {
      throw new EncodingException("msgpack writer failed: " + e.getMessage(), e);
    }
  }

  private void writeValues(MessagePacker out, String key, List<TypedValue<?>> list)
      throws IOException {
    FramedMessages.checkValues(list, limits);
    key(out, key);
    out.packMapHeader(list.size());
    for (TypedValue<?> value : list) {
      writeValue(out, value);
    }
  }

  private <T> void writeValue(MessagePacker out, TypedValue<T> value) throws IOException {
    ValuePath where = ValuePath.key(value.name());
    values.writeKey(out, value.name(), where);
    values.write(out, value.type(), value.value(), where);
  }

  private void text(MessagePacker out, String key, byte[] utf8) throws IOException {
    if (utf8.length > limits.maxValueLength()) {
      throw new EncodingException(
          key
              + " is "
              + utf8.length
              + " bytes, longer than maxValueLength "
              + limits.maxValueLength());
    }
    key(out, key);
    out.packRawStringHeader(utf8.length).writePayload(utf8);
  }

  private static void key(MessagePacker out, String key) throws IOException {
    byte[] ascii = key.getBytes(StandardCharsets.US_ASCII);
    out.packRawStringHeader(ascii.length).writePayload(ascii);
  }

  private static byte[] strict(String text, String what) {
    return ValueEncoder.utf8(text, what);
  }

  /**
   * A tag's UTF-8 bytes: tags are text of code points U+0000..U+00FF, one per byte of the tag.
   *
   * @throws EncodingException if a char is above U+00FF
   */
  static byte[] tagBytes(String tag) {
    return MessageParts.tag(tag).getBytes(StandardCharsets.UTF_8);
  }
}
