package org.amp4j.codec.amp;

import java.nio.charset.StandardCharsets;
import org.amp4j.ProtocolException;
import org.amp4j.spi.InboundMessage;
import org.amp4j.spi.MessageKind;

/**
 * Decides what a received top-level box is (spec 3), first match wins: {@code _answer} makes an
 * answer (even with {@code _error} or {@code _command} present); else {@code _error} an error
 * (which must also carry {@code _error_code} and {@code _error_description}); else {@code _command}
 * a call, wanting an answer when {@code _ask} is present. Anything else, including an empty box or
 * {@code _ask} without {@code _command}, is a protocol error. Immutable and thread-safe.
 */
final class MessageRouter {

  private final ValueDecoder decoder;

  MessageRouter(ValueDecoder decoder) {
    this.decoder = decoder;
  }

  /**
   * The message a box carries.
   *
   * @throws ProtocolException if it is empty or has no routing key
   */
  InboundMessage route(RawBox box) {
    if (box.isEmpty()) {
      throw new ProtocolException("empty box (AMP NoEmptyBoxes)");
    }
    AmpFields fields = new AmpFields(box, decoder, 0);
    byte[] answer = box.protocolValue(ProtocolKeys.ANSWER_INDEX);
    if (answer != null) {
      return new InboundMessage(MessageKind.ANSWER, null, tag(answer), null, null, fields);
    }
    byte[] error = box.protocolValue(ProtocolKeys.ERROR_INDEX);
    if (error != null) {
      byte[] code = box.protocolValue(ProtocolKeys.ERROR_CODE_INDEX);
      byte[] description = box.protocolValue(ProtocolKeys.ERROR_DESCRIPTION_INDEX);
      if (code == null || description == null) {
        throw new ProtocolException(
            "error box for tag "
                + Show.bytes(error)
                + " lacks "
                + (code == null ? ProtocolKeys.ERROR_CODE : ProtocolKeys.ERROR_DESCRIPTION));
      }
      return new InboundMessage(
          MessageKind.ERROR,
          null,
          tag(error),
          UnicodeText.decodeWithReplacement(code),
          UnicodeText.decodeWithReplacement(description),
          fields);
    }
    byte[] command = box.protocolValue(ProtocolKeys.COMMAND_INDEX);
    if (command != null) {
      byte[] ask = box.protocolValue(ProtocolKeys.ASK_INDEX);
      return new InboundMessage(
          MessageKind.CALL,
          UnicodeText.decodeWithReplacement(command),
          ask == null ? null : tag(ask),
          null,
          null,
          fields);
    }
    throw new ProtocolException(
        "box has none of _answer, _error, _command (AMP NoEmptyBoxes): " + box);
  }

  /** A tag as ISO-8859-1 text, one char per byte. */
  static String tag(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }
}
