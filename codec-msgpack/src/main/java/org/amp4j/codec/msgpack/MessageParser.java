package org.amp4j.codec.msgpack;

import java.io.IOException;
import java.util.Map;
import org.amp4j.Limits;
import org.amp4j.ProtocolException;
import org.amp4j.spi.FramedMessages;
import org.amp4j.spi.InboundMessage;
import org.amp4j.spi.MessageKind;
import org.amp4j.spi.ShownText;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePackException;

/**
 * Reads the payload of one frame as a message: a map whose first key says what it is ({@code call},
 * {@code answer} or {@code error}) and whose other keys are those listed for that kind, each once,
 * with values of the listed types. Anything else, trailing bytes included, is a {@link
 * ProtocolException}; so is every exception msgpack raises. Keys are recognized by their bytes
 * ({@link MessageKey}). One per decoder, reading its payloads in place with one {@link
 * PayloadReader}; not thread-safe.
 */
final class MessageParser {

  private static final int CALL_KEYS = MessageKey.TAG.bit() | MessageKey.ARGS.bit();
  private static final int ANSWER_KEYS = MessageKey.VALUES.bit();
  private static final int ERROR_KEYS = MessageKey.CODE.bit() | MessageKey.DESCRIPTION.bit();

  private final Limits limits;
  private final ValueDecoder values;
  private final PayloadReader in = new PayloadReader();

  MessageParser(Limits limits) {
    this.limits = limits;
    this.values = new ValueDecoder(limits);
  }

  /**
   * The message in {@code length} bytes of a frame's payload from {@code offset}; the array is not
   * kept.
   *
   * @throws ProtocolException if the bytes are not exactly one well-formed message
   */
  InboundMessage parse(byte[] bytes, int offset, int length) {
    try {
      in.start(bytes, offset, length);
      try {
        InboundMessage message = readMessage();
        in.end();
        return message;
      } finally {
        in.release();
      }
    } catch (ProtocolException e) {
      throw e;
    } catch (MessagePackException | IOException | BadValueException e) {
      throw new ProtocolException("malformed msgpack message: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      // msgpack-core signals some malformed input with plain runtime exceptions.
      throw new ProtocolException("malformed msgpack message: " + e, e);
    }
  }

  private InboundMessage readMessage() throws IOException {
    MessageFormat format = in.nextFormat();
    if (format.getValueType() != org.msgpack.value.ValueType.MAP) {
      throw new ProtocolException("a message is a msgpack map, got " + format);
    }
    int n = in.mapHeader(FramedMessages.MAX_KEYS, "the message key count", "message");
    if (n == 0) {
      throw new ProtocolException("empty message map: expected call, answer or error");
    }
    Parts parts = new Parts();
    MessageKey first = key(null);
    int allowed =
        switch (first) {
          case CALL -> {
            parts.kind = MessageKind.CALL;
            parts.command = text(MessageKey.CALL);
            yield CALL_KEYS;
          }
          case ANSWER -> {
            parts.kind = MessageKind.ANSWER;
            parts.tag = tag(MessageKey.ANSWER);
            yield ANSWER_KEYS;
          }
          case ERROR -> {
            parts.kind = MessageKind.ERROR;
            parts.tag = tag(MessageKey.ERROR);
            yield ERROR_KEYS;
          }
          default -> throw notFirst(first.text());
        };
    int seen = 0;
    for (int i = 1; i < n; i++) {
      MessageKey key = key(first);
      if ((allowed & key.bit()) == 0 || (seen & key.bit()) != 0) {
        throw notAllowed(key.text(), (allowed & key.bit()) != 0, first);
      }
      seen |= key.bit();
      switch (key) {
        case TAG -> parts.tag = tag(MessageKey.TAG);
        case CODE -> parts.code = text(MessageKey.CODE);
        case DESCRIPTION -> parts.description = text(MessageKey.DESCRIPTION);
        default -> parts.fields = values.readFields(in, key);
      }
    }
    return parts.build(first);
  }

  /**
   * A message key.
   *
   * @param first the message's first key, or null when reading it
   * @throws ProtocolException if it is not one of {@link MessageKey}
   */
  private MessageKey key(MessageKey first) throws IOException {
    MessageFormat format = in.nextFormat();
    if (format.getValueType() != org.msgpack.value.ValueType.STRING) {
      throw new ProtocolException("a message key is a str, got " + format);
    }
    int n = in.readStr(MessageKey.MAX_LENGTH, "the message key length", "message key");
    MessageKey key = MessageKey.of(in.strBytes(), n);
    if (key == null) {
      String text = in.decode(n, "message key");
      throw first == null ? notFirst(text) : notAllowed(text, false, first);
    }
    return key;
  }

  private static ProtocolException notFirst(String key) {
    return new ProtocolException(
        "the first key of a message is call, answer or error, not " + ShownText.quoted(key));
  }

  private static ProtocolException notAllowed(String key, boolean twice, MessageKey first) {
    return new ProtocolException(
        "key "
            + ShownText.quoted(key)
            + (twice ? " appears twice in " : " does not belong in ")
            + "a message of kind "
            + first.text());
  }

  private String text(MessageKey key) throws IOException {
    MessageFormat format = in.nextFormat();
    if (format.getValueType() != org.msgpack.value.ValueType.STRING) {
      throw new ProtocolException(key + " holds " + format + ", expected a str");
    }
    return in.string(limits.maxValueLength(), "maxValueLength", key);
  }

  /** A tag: text of code points U+0000..U+00FF, one per byte. */
  private String tag(MessageKey key) throws IOException {
    String tag = text(key);
    for (int i = 0; i < tag.length(); i++) {
      if (tag.charAt(i) > 0xFF) {
        throw new ProtocolException(
            String.format(
                "%s: tag char %d is U+%04X; tags are code points U+0000..U+00FF",
                key, i, (int) tag.charAt(i)));
      }
    }
    return tag;
  }

  /** What has been read of one message. */
  private static final class Parts {
    MessageKind kind;
    String command;
    String tag;
    String code;
    String description;
    Map<String, Object> fields;

    InboundMessage build(MessageKey first) {
      switch (kind) {
        case CALL -> require(fields, MessageKey.ARGS, first);
        case ANSWER -> require(fields, MessageKey.VALUES, first);
        case ERROR -> {
          require(code, MessageKey.CODE, first);
          require(description, MessageKey.DESCRIPTION, first);
          fields = Map.of();
        }
      }
      return new InboundMessage(kind, command, tag, code, description, TypedValues.fields(fields));
    }

    private static void require(Object part, MessageKey key, MessageKey first) {
      if (part == null) {
        throw new ProtocolException(
            "a message of kind " + first.text() + " lacks key '" + key.text() + "'");
      }
    }
  }
}
