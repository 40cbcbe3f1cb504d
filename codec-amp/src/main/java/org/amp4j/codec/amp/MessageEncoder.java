package org.amp4j.codec.amp;

import static org.amp4j.spi.MessageParts.required;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.amp4j.EncodingException;
import org.amp4j.Limits;
import org.amp4j.spi.FrameBuffer;
import org.amp4j.spi.MachineIntegers;
import org.amp4j.spi.MessageParts;
import org.amp4j.spi.OutboundMessage;
import org.amp4j.spi.TypedValue;
import org.amp4j.spi.ValuePath;
import org.amp4j.value.ValueType;

/**
 * Turns an {@link OutboundMessage} into one AMP box (spec 3): a call carries {@code _command} and,
 * when it wants an answer, {@code _ask}; an answer carries {@code _answer}; an error carries
 * exactly {@code _error}, {@code _error_code} and {@code _error_description}. Every limit is
 * checked before any output exists. With {@code amp.split-values}, any top-level value (protocol
 * values included) longer than 65,535 bytes is split over repeated keys ({@link BoxWriter});
 * without it such a value is refused. Immutable and thread-safe.
 */
final class MessageEncoder {

  private static final ValuePath COMMAND_PATH = ValuePath.key(ProtocolKeys.COMMAND);
  private static final ValuePath ASK_PATH = ValuePath.key(ProtocolKeys.ASK);
  private static final ValuePath ANSWER_PATH = ValuePath.key(ProtocolKeys.ANSWER);
  private static final ValuePath ERROR_PATH = ValuePath.key(ProtocolKeys.ERROR);
  private static final ValuePath ERROR_CODE_PATH = ValuePath.key(ProtocolKeys.ERROR_CODE);
  private static final ValuePath ERROR_DESCRIPTION_PATH =
      ValuePath.key(ProtocolKeys.ERROR_DESCRIPTION);

  private final ValueEncoder values;
  private final KeyCache keys = new KeyCache();
  private final Limits limits;
  private final boolean splitValues;

  /**
   * @param limits the limits
   * @param splitValues whether top-level values longer than 65,535 bytes are split over repeated
   *     keys ({@code amp.split-values}) rather than refused
   */
  MessageEncoder(Limits limits, boolean splitValues) {
    this.values = new ValueEncoder(limits, splitValues, keys);
    this.limits = limits;
    this.splitValues = splitValues;
  }

  /**
   * The bytes of one box.
   *
   * @throws EncodingException if the message cannot be encoded within the limits
   */
  byte[] encode(OutboundMessage message) {
    BoxWriter box = box(message);
    try {
      return box.toByteArray();
    } finally {
      box.release();
    }
  }

  /**
   * Appends the bytes of one box to {@code out}, which grows once, to the box's length, if needed.
   *
   * @throws EncodingException if the message cannot be encoded within the limits; nothing has been
   *     written then
   */
  void encode(OutboundMessage message, FrameBuffer out) {
    BoxWriter box = box(message);
    try {
      int length = (int) box.length(); // within maxFrameLength
      out.ensureRoom(length);
      box.writeTo(out.array(), out.size());
      out.advance(length);
    } finally {
      box.release();
    }
  }

  /** The box of a message, checked against every limit; the caller releases it. */
  private BoxWriter box(OutboundMessage message) {
    if (message.values().size() > limits.maxFieldCount()) {
      throw new EncodingException(
          "the message has "
              + message.values().size()
              + " values, more than maxFieldCount "
              + limits.maxFieldCount());
    }
    BoxWriter box = BoxWriter.forMessage(limits.maxValueLength(), splitValues);
    try {
      fill(message, box);
      return box;
    } catch (RuntimeException e) {
      box.release();
      throw e;
    }
  }

  private void fill(OutboundMessage message, BoxWriter box) {
    switch (message.kind()) {
      case CALL -> {
        // _ask first: it sorts before _command, which then needs not move
        if (message.tag() != null) {
          box.addLatin1(ASK_PATH, ProtocolKeys.ASK_KEY, MessageParts.tag(message.tag()));
        }
        box.add(COMMAND_PATH, ProtocolKeys.COMMAND_KEY, commandName(message.command()));
      }
      case ANSWER -> box.addLatin1(ANSWER_PATH, ProtocolKeys.ANSWER_KEY, tag(message));
      case ERROR -> {
        if (!message.values().isEmpty()) {
          throw new EncodingException(
              "an error message carries only _error, _error_code and _error_description, not "
                  + message.values().size()
                  + " values");
        }
        box.addLatin1(ERROR_PATH, ProtocolKeys.ERROR_KEY, tag(message));
        box.add(
            ERROR_CODE_PATH,
            ProtocolKeys.ERROR_CODE_KEY,
            strict(required(message.errorCode(), "code"), "error code"));
        // Twisted encodes descriptions with replacement of unencodable characters.
        box.add(
            ERROR_DESCRIPTION_PATH,
            ProtocolKeys.ERROR_DESCRIPTION_KEY,
            required(message.errorDescription(), "description").getBytes(StandardCharsets.UTF_8));
      }
      default -> throw new IllegalStateException(message.kind().toString());
    }
    List<TypedValue<?>> values = message.values();
    for (int i = 0, n = values.size(); i < n; i++) { // no iterator: a message's list is short
      addValue(box, values.get(i));
      checkFrame(box);
    }
    checkFrame(box);
  }

  private <T> void addValue(BoxWriter box, TypedValue<T> value) {
    KeyCache.Named named = keys.value(value.name());
    ValuePath where = named.path();
    ByteKey key = named.key();
    if (key.isProtocol()) {
      throw new EncodingException(
          "value " + where + " uses a key that AMP reserves for the protocol");
    }
    ValueType<T> type = value.type().forCodec(AmpCodecProvider.NAME);
    if (MachineIntegers.applies(type)) {
      long number = MachineIntegers.toLong(type, value.value(), where);
      box.addInteger(where, key, number, values.integerLength(number, where));
    } else {
      box.add(where, key, values.encode(type, value.value(), where));
    }
  }

  private void checkFrame(BoxWriter box) {
    if (box.length() > limits.maxFrameLength()) {
      throw new EncodingException(
          "message is at least "
              + box.length()
              + " bytes, longer than maxFrameLength "
              + limits.maxFrameLength());
    }
  }

  /** An answer's or error's tag, checked to be bytes (ISO-8859-1 text). */
  private static String tag(OutboundMessage message) {
    return MessageParts.tag(required(message.tag(), "tag"));
  }

  /** A command name's strict UTF-8 bytes, encoded once per name ({@link KeyCache}). */
  private byte[] commandName(String command) {
    try {
      return keys.strict(required(command, "command")).bytes();
    } catch (BadTextException e) {
      throw new EncodingException("command name: " + e.getMessage(), e);
    }
  }

  private static byte[] strict(String text, String what) {
    try {
      return UnicodeText.encode(text);
    } catch (BadTextException e) {
      throw new EncodingException(what + ": " + e.getMessage(), e);
    }
  }
}
