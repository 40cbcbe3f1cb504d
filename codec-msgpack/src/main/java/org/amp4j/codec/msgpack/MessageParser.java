package org.amp4j.codec.msgpack;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
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
 * ProtocolException}; so is every exception msgpack raises. Immutable and thread-safe.
 */
final class MessageParser {

  /** Longest message key ({@code description}); longer keys are refused before reading them. */
  private static final int MAX_KEY_LENGTH = FramedMessages.DESCRIPTION.length();

  private static final Set<String> CALL_KEYS = Set.of(FramedMessages.TAG, FramedMessages.ARGS);
  private static final Set<String> ANSWER_KEYS = Set.of(FramedMessages.VALUES);
  private static final Set<String> ERROR_KEYS =
      Set.of(FramedMessages.CODE, FramedMessages.DESCRIPTION);

  private final Limits limits;
  private final ValueDecoder values;

  MessageParser(Limits limits) {
    this.limits = limits;
    this.values = new ValueDecoder(limits);
  }

  /**
   * The message in {@code length} bytes of a frame's payload from {@code offset}.
   *
   * @throws ProtocolException if the bytes are not exactly one well-formed message
   */
  InboundMessage parse(byte[] bytes, int offset, int length) {
    return parse(
        offset == 0 && length == bytes.length
            ? bytes
            : java.util.Arrays.copyOfRange(bytes, offset, offset + length));
  }

  /**
   * The message in a frame's payload.
   *
   * @throws ProtocolException if the payload is not exactly one well-formed message
   */
  InboundMessage parse(byte[] payload) {
    try {
      PayloadReader in = new PayloadReader(payload);
      InboundMessage message = readMessage(in);
      in.end();
      return message;
    } catch (ProtocolException e) {
      throw e;
    } catch (MessagePackException | IOException | BadValueException e) {
      throw new ProtocolException("malformed msgpack message: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      // msgpack-core signals some malformed input with plain runtime exceptions.
      throw new ProtocolException("malformed msgpack message: " + e, e);
    }
  }

  private InboundMessage readMessage(PayloadReader in) throws IOException {
    MessageFormat format = in.nextFormat();
    if (format.getValueType() != org.msgpack.value.ValueType.MAP) {
      throw new ProtocolException("a message is a msgpack map, got " + format);
    }
    int n = in.mapHeader(FramedMessages.MAX_KEYS, "the message key count", "message");
    if (n == 0) {
      throw new ProtocolException("empty message map: expected call, answer or error");
    }
    Parts parts = new Parts();
    String first = key(in);
    Set<String> allowed =
        switch (first) {
          case FramedMessages.CALL -> {
            parts.kind = MessageKind.CALL;
            parts.command = text(in, FramedMessages.CALL);
            yield CALL_KEYS;
          }
          case FramedMessages.ANSWER -> {
            parts.kind = MessageKind.ANSWER;
            parts.tag = tag(in, FramedMessages.ANSWER);
            yield ANSWER_KEYS;
          }
          case FramedMessages.ERROR -> {
            parts.kind = MessageKind.ERROR;
            parts.tag = tag(in, FramedMessages.ERROR);
            yield ERROR_KEYS;
          }
          default ->
              throw new ProtocolException(
                  "the first key of a message is call, answer or error, not "
                      + ShownText.quoted(first));
        };
    Set<String> seen = new java.util.HashSet<>();
    for (int i = 1; i < n; i++) {
      String key = key(in);
      if (!allowed.contains(key) || !seen.add(key)) {
        throw new ProtocolException(
            "key "
                + ShownText.quoted(key)
                + (allowed.contains(key) ? " appears twice in " : " does not belong in ")
                + "a message of kind "
                + first);
      }
      switch (key) {
        case FramedMessages.TAG -> parts.tag = tag(in, FramedMessages.TAG);
        case FramedMessages.CODE -> parts.code = text(in, FramedMessages.CODE);
        case FramedMessages.DESCRIPTION -> parts.description = text(in, FramedMessages.DESCRIPTION);
        default -> parts.fields = values.readFields(in, "message key '" + key + "'");
      }
    }
    return parts.build(first);
  }

  private String key(PayloadReader in) throws IOException {
    MessageFormat format = in.nextFormat();
    if (format.getValueType() != org.msgpack.value.ValueType.STRING) {
      throw new ProtocolException("a message key is a str, got " + format);
    }
    return in.string(MAX_KEY_LENGTH, "the message key length", "message key");
  }

  private String text(PayloadReader in, String key) throws IOException {
    MessageFormat format = in.nextFormat();
    if (format.getValueType() != org.msgpack.value.ValueType.STRING) {
      throw new ProtocolException("message key '" + key + "' holds " + format + ", expected a str");
    }
    return in.string(limits.maxValueLength(), "maxValueLength", "message key '" + key + "'");
  }

  /** A tag: text of code points U+0000..U+00FF, one per byte. */
  private String tag(PayloadReader in, String key) throws IOException {
    String tag = text(in, key);
    for (int i = 0; i < tag.length(); i++) {
      if (tag.charAt(i) > 0xFF) {
        throw new ProtocolException(
            String.format(
                "message key '%s': tag char %d is U+%04X; tags are code points U+0000..U+00FF",
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

    InboundMessage build(String first) {
      switch (kind) {
        case CALL -> require(fields, FramedMessages.ARGS, first);
        case ANSWER -> require(fields, FramedMessages.VALUES, first);
        case ERROR -> {
          require(code, FramedMessages.CODE, first);
          require(description, FramedMessages.DESCRIPTION, first);
          fields = Map.of();
        }
      }
      return new InboundMessage(kind, command, tag, code, description, TypedValues.fields(fields));
    }

    private static void require(Object part, String key, String first) {
      if (part == null) {
        throw new ProtocolException("a message of kind " + first + " lacks key '" + key + "'");
      }
    }
  }
}
