package org.amp4j;

import java.math.BigInteger;
import java.util.List;
import org.amp4j.spi.InboundMessage;
import org.amp4j.spi.OutboundMessage;
import org.amp4j.spi.TypedValue;
import org.amp4j.value.Fields;
import org.amp4j.value.ValueType;
import org.amp4j.value.ValueTypes;

/**
 * The handshake's two messages, always AMP boxes: the connecting side's hello and the other side's
 * answer. A plain AMP peer answers the hello {@code UNHANDLED} and the connection stays plain AMP.
 *
 * <pre>
 * hello  (_command: amp4j.hello)   version: 1, codecs: [msgpack, json, amp], extensions: [...]
 * answer                           version: 1, codec: msgpack, extensions: [...]
 * </pre>
 *
 * Fields a side does not know are ignored, so later versions can add some.
 */
final class Hello {
  static final String COMMAND = "amp4j.hello";
  static final int VERSION = 1;

  private static final ValueType<List<String>> NAMES = ValueTypes.listOf(ValueTypes.UNICODE);

  private Hello() {}

  /** What a client offers. */
  record Offer(List<String> codecs, List<String> extensions) {}

  /** What a server chose. */
  record Choice(String codec, List<String> extensions) {}

  static OutboundMessage offer(String tag, List<String> codecs, List<String> extensions) {
    return OutboundMessage.call(
        COMMAND,
        tag,
        List.of(
            new TypedValue<>("version", ValueTypes.INTEGER, BigInteger.valueOf(VERSION)),
            new TypedValue<>("codecs", NAMES, codecs),
            new TypedValue<>("extensions", NAMES, extensions)));
  }

  static OutboundMessage answer(String tag, String codec, List<String> extensions) {
    return OutboundMessage.answer(
        tag,
        List.of(
            new TypedValue<>("version", ValueTypes.INTEGER, BigInteger.valueOf(VERSION)),
            new TypedValue<>("codec", ValueTypes.UNICODE, codec),
            new TypedValue<>("extensions", NAMES, extensions)));
  }

  static boolean isHello(InboundMessage m) {
    return m.kind() == org.amp4j.spi.MessageKind.CALL && COMMAND.equals(m.command());
  }

  /**
   * Reads a client's hello.
   *
   * @throws ProtocolException if it is malformed
   */
  static Offer readOffer(InboundMessage m) {
    try {
      return new Offer(names(m.fields(), "codecs"), names(m.fields(), "extensions"));
    } catch (IllegalArgumentException e) {
      throw new ProtocolException("malformed " + COMMAND + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a server's answer.
   *
   * @throws ProtocolException if it is malformed
   */
  static Choice readChoice(InboundMessage m) {
    try {
      return new Choice(
          m.fields().get("codec", ValueTypes.UNICODE), names(m.fields(), "extensions"));
    } catch (IllegalArgumentException e) {
      throw new ProtocolException("malformed answer to " + COMMAND + ": " + e.getMessage(), e);
    }
  }

  private static List<String> names(Fields fields, String key) {
    return fields.contains(key) ? fields.get(key, NAMES) : List.of();
  }
}
