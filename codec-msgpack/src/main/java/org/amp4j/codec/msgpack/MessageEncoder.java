package org.amp4j.codec.msgpack;

import static org.amp4j.spi.MessageParts.required;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.amp4j.EncodingException;
import org.amp4j.Limits;
import org.amp4j.spi.FrameBuffer;
import org.amp4j.spi.FramedMessages;
import org.amp4j.spi.MessageParts;
import org.amp4j.spi.OutboundMessage;
import org.amp4j.spi.TypedValue;
import org.amp4j.spi.ValuePath;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePacker;

/**
 * Turns an {@link OutboundMessage} into one frame: the length prefix, then a map whose keys come in
 * the order {@link FramedMessages} gives. Values keep the order the message lists them in. The
 * packer writes straight into the frame's array, or into the caller's buffer ({@link FrameOutput});
 * message keys are written from their packed bytes ({@link MessageKey}). Immutable and thread-safe;
 * nothing escapes a failed encoding.
 */
final class MessageEncoder {

  private static final MessagePack.PackerConfig PACKER = new MessagePack.PackerConfig();

  private final Limits limits;
  private final FrameBudget budget;
  private final ValueEncoder values;

  MessageEncoder(Limits limits) {
    this.limits = limits;
    this.budget = new FrameBudget(limits.maxFrameLength());
    this.values = new ValueEncoder(limits, budget);
  }

  /**
   * The bytes of one frame, in an array of its own.
   *
   * @throws EncodingException if the message cannot be encoded within the limits
   */
  byte[] encode(OutboundMessage message) {
    return encode(message, new FrameOutput());
  }

  /**
   * Appends the bytes of one frame to {@code out}.
   *
   * @throws EncodingException if the message cannot be encoded within the limits; {@code out} may
   *     then hold part of the frame
   */
  void encode(OutboundMessage message, FrameBuffer out) {
    encode(message, new FrameOutput(out));
  }

  /** Encodes into {@code frame}, and returns {@link FrameOutput#frame()}. */
  private byte[] encode(OutboundMessage message, FrameOutput frame) {
    try (MessagePacker out = PACKER.newPacker(frame)) {
      switch (message.kind()) {
        case CALL -> {
          boolean wantsAnswer = message.tag() != null;
          out.packMapHeader(wantsAnswer ? 3 : 2);
          text(
              out, MessageKey.CALL, strict(required(message.command(), "command"), "command name"));
          if (wantsAnswer) {
            text(out, MessageKey.TAG, tagBytes(message.tag()));
          }
          writeValues(out, MessageKey.ARGS, message.values());
        }
        case ANSWER -> {
          out.packMapHeader(2);
          text(out, MessageKey.ANSWER, tagBytes(required(message.tag(), "tag")));
          writeValues(out, MessageKey.VALUES, message.values());
        }
        case ERROR -> {
          FramedMessages.checkNoValues(message);
          out.packMapHeader(3);
          text(out, MessageKey.ERROR, tagBytes(required(message.tag(), "tag")));
          text(out, MessageKey.CODE, strict(required(message.errorCode(), "code"), "error code"));
          // Descriptions often come from exception messages: replace what UTF-8 cannot carry.
          text(
              out,
              MessageKey.DESCRIPTION,
              required(message.errorDescription(), "description").getBytes(StandardCharsets.UTF_8));
        }
      }
      budget.check(out);
    } catch (IOException e) {
      throw new EncodingException("msgpack writer failed: " + e.getMessage(), e);
    }
    return frame.frame();
  }

  private void writeValues(MessagePacker out, MessageKey key, List<TypedValue<?>> list)
      throws IOException {
    FramedMessages.checkValues(list, limits);
    key.write(out);
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

  private void text(MessagePacker out, MessageKey key, byte[] utf8) throws IOException {
    if (utf8.length > limits.maxValueLength()) {
      throw new EncodingException(
          key.text()
              + " is "
              + utf8.length
              + " bytes, longer than maxValueLength "
              + limits.maxValueLength());
    }
    key.write(out);
    out.packRawStringHeader(utf8.length).writePayload(utf8);
  }

  private static byte[] strict(String text, String what) {
    byte[] utf8 = ValueEncoder.utf8(text);
    if (utf8 == null) {
      throw ValueEncoder.unpairedSurrogate(what);
    }
    return utf8;
  }

  /**
   * A tag's UTF-8 bytes: tags are text of code points U+0000..U+00FF, one per byte of the tag.
   *
   * @throws EncodingException if a char is above U+00FF
   */
  private static byte[] tagBytes(String tag) {
    return MessageParts.tag(tag).getBytes(StandardCharsets.UTF_8);
  }
}
