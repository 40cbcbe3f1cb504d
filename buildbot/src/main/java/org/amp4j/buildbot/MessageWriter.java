package org.amp4j.buildbot;

import static org.amp4j.spi.MessageParts.required;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.amp4j.EncodingException;
import org.amp4j.Limits;
import org.amp4j.spi.FramedMessages;
import org.amp4j.spi.LengthPrefixedDecoder;
import org.amp4j.spi.OutboundMessage;
import org.amp4j.spi.TypedValue;
import org.amp4j.spi.ValuePath;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePacker;

/**
 * Turns an {@link OutboundMessage} into one frame (see {@link Envelope}): keys in the order the
 * worker uses ({@code op, seq_number}, then the values or {@code result[, is_exception]}). An error
 * carries {@code is_exception: true}; nothing ever carries {@code is_exception: false}, which the
 * worker would take for an error. Immutable and thread-safe; nothing escapes a failed encoding.
 */
final class MessageWriter {

  private static final MessagePack.PackerConfig PACKER =
      new MessagePack.PackerConfig().withBufferSize(256);

  private final Limits limits;
  private final AnyWriter any;
  private final TypedWriter typed;

  MessageWriter(Limits limits) {
    this.limits = limits;
    this.any = new AnyWriter(limits, LengthPrefixedDecoder.PREFIX_LENGTH);
    this.typed = new TypedWriter(limits, any);
  }

  /**
   * The bytes of one frame.
   *
   * @throws EncodingException if the message has no place in the protocol or breaks a limit
   */
  byte[] encode(OutboundMessage message) {
    try (MessageBufferPacker out = PACKER.newBufferPacker()) {
      out.writePayload(new byte[LengthPrefixedDecoder.PREFIX_LENGTH]); // patched below
      switch (message.kind()) {
        case CALL -> call(out, message);
        case ANSWER -> answer(out, message);
        case ERROR -> error(out, message);
      }
      any.budget(out);
      byte[] frame = out.toByteArray();
      LengthPrefixedDecoder.putLength(frame);
      return frame;
    } catch (IOException e) {
      throw new EncodingException("msgpack writer failed: " + e.getMessage(), e);
    }
  }

  private void call(MessagePacker out, OutboundMessage message) throws IOException {
    String op = required(message.command(), "command");
    if (message.tag() == null) {
      throw new EncodingException(
          op
              + ": every Buildbot request carries a seq_number and is answered; a command sent"
              + " without answer (requiresAnswer = false) cannot be carried");
    }
    if (Envelope.RESPONSE.equals(op)) {
      throw new EncodingException("'response' is not a command name: it marks answers");
    }
    FramedMessages.checkValues(message.values(), limits);
    for (TypedValue<?> v : message.values()) {
      if (v.name().equals(Envelope.OP) || v.name().equals(Envelope.SEQ_NUMBER)) {
        throw new EncodingException(
            op + ": a value cannot be named '" + v.name() + "', the envelope uses that key");
      }
    }
    out.packMapHeader(2 + message.values().size());
    head(out, op, message.tag());
    for (TypedValue<?> v : message.values()) {
      value(out, v);
    }
  }

  private void answer(MessagePacker out, OutboundMessage message) throws IOException {
    List<TypedValue<?>> values = message.values();
    if (values.size() > 1 || values.size() == 1 && !values.get(0).name().equals(Envelope.RESULT)) {
      throw new EncodingException(
          "a Buildbot answer carries one value named 'result', not "
              + values.stream().map(TypedValue::name).toList());
    }
    out.packMapHeader(3);
    head(out, Envelope.RESPONSE, required(message.tag(), "tag"));
    if (values.isEmpty()) {
      key(out, Envelope.RESULT);
      out.packNil();
    } else {
      value(out, values.get(0));
    }
  }

  private void error(MessagePacker out, OutboundMessage message) throws IOException {
    FramedMessages.checkNoValues(message);
    String description = required(message.errorDescription(), "description");
    out.packMapHeader(4);
    head(out, Envelope.RESPONSE, required(message.tag(), "tag"));
    key(out, Envelope.RESULT);
    // Descriptions often come from exception messages: replace what UTF-8 cannot carry.
    byte[] utf8 = description.getBytes(StandardCharsets.UTF_8);
    if (utf8.length > limits.maxValueLength()) {
      throw new EncodingException(
          "error description is "
              + utf8.length
              + " bytes, longer than maxValueLength "
              + limits.maxValueLength());
    }
    out.packRawStringHeader(utf8.length).writePayload(utf8);
    key(out, Envelope.IS_EXCEPTION);
    out.packBoolean(true);
  }

  private void head(MessagePacker out, String op, String tag) throws IOException {
    key(out, Envelope.OP);
    any.text(out, op, ValuePath.key(Envelope.OP));
    key(out, Envelope.SEQ_NUMBER);
    out.packLong(Envelope.seqNumber(tag));
  }

  private <T> void value(MessagePacker out, TypedValue<T> value) throws IOException {
    ValuePath where = ValuePath.key(value.name());
    any.name(out, value.name(), where);
    typed.write(out, value.type(), value.value(), where, 0);
  }

  private static void key(MessagePacker out, String key) throws IOException {
    byte[] ascii = key.getBytes(StandardCharsets.US_ASCII);
    out.packRawStringHeader(ascii.length).writePayload(ascii);
  }
}
