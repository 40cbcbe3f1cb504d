package org.amp4j;

import java.math.BigInteger;
import java.util.ArrayList;
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
 *                                  [session: "new" | ID, token: bytes, received: N, runs: bool]
 * answer                           version: 1, codec: msgpack, extensions: [...]
 *                                  [session: ID, token: bytes, received: N, resumed: bool,
 *                                   runs: bool]
 * </pre>
 *
 * <p>{@code runs} says that the side reads RUN session frames ({@link SessionFrames}); a side that
 * does not say so (an older one) is sent none.
 *
 * <p>Fields a side does not know are ignored, so later versions can add some.
 */
final class Hello {
  static final String COMMAND = "amp4j.hello";
  static final int VERSION = 1;

  private static final ValueType<List<String>> NAMES = ValueTypes.listOf(ValueTypes.UNICODE);

  private Hello() {}

  /**
   * A client's wish for a session: {@code id} {@value #NEW_SESSION} for a new one, else the id of
   * the session to resume, with its token and the last sequence number the client received; and
   * whether the client reads RUN frames.
   */
  record SessionAsk(String id, byte[] token, long received, boolean runs) {
    static SessionAsk fresh() {
      return new SessionAsk(NEW_SESSION, new byte[0], 0, true);
    }
  }

  /**
   * A server's grant: the session's id, its token (new sessions only), the last sequence number the
   * server received, whether the asked session was resumed (false: a new one), and whether the
   * server reads RUN frames.
   */
  record SessionGrant(String id, byte[] token, long received, boolean resumed, boolean runs) {}

  /** What a client offers; {@code session} null when it wants none. */
  record Offer(List<String> codecs, List<String> extensions, SessionAsk session) {}

  /** What a server chose; {@code session} null when it grants none. */
  record Choice(String codec, List<String> extensions, SessionGrant session) {}

  static final String NEW_SESSION = "new";

  static OutboundMessage offer(String tag, Offer offer) {
    List<TypedValue<?>> values = new ArrayList<>();
    values.add(new TypedValue<>("version", ValueTypes.INTEGER, BigInteger.valueOf(VERSION)));
    values.add(new TypedValue<>("codecs", NAMES, offer.codecs()));
    values.add(new TypedValue<>("extensions", NAMES, offer.extensions()));
    SessionAsk s = offer.session();
    if (s != null) {
      values.add(new TypedValue<>("session", ValueTypes.UNICODE, s.id()));
      values.add(new TypedValue<>("token", ValueTypes.BYTES, s.token()));
      values.add(new TypedValue<>("received", ValueTypes.LONG, s.received()));
      values.add(new TypedValue<>("runs", ValueTypes.BOOLEAN, s.runs()));
    }
    return OutboundMessage.call(COMMAND, tag, values);
  }

  static OutboundMessage answer(String tag, Choice choice) {
    List<TypedValue<?>> values = new ArrayList<>();
    values.add(new TypedValue<>("version", ValueTypes.INTEGER, BigInteger.valueOf(VERSION)));
    values.add(new TypedValue<>("codec", ValueTypes.UNICODE, choice.codec()));
    values.add(new TypedValue<>("extensions", NAMES, choice.extensions()));
    SessionGrant g = choice.session();
    if (g != null) {
      values.add(new TypedValue<>("session", ValueTypes.UNICODE, g.id()));
      values.add(new TypedValue<>("token", ValueTypes.BYTES, g.token()));
      values.add(new TypedValue<>("received", ValueTypes.LONG, g.received()));
      values.add(new TypedValue<>("resumed", ValueTypes.BOOLEAN, g.resumed()));
      values.add(new TypedValue<>("runs", ValueTypes.BOOLEAN, g.runs()));
    }
    return OutboundMessage.answer(tag, values);
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
      Fields f = m.fields();
      SessionAsk session =
          f.contains("session")
              ? new SessionAsk(
                  f.get("session", ValueTypes.UNICODE),
                  f.contains("token") ? f.get("token", ValueTypes.BYTES) : new byte[0],
                  f.contains("received") ? f.get("received", ValueTypes.LONG) : 0,
                  runs(f))
              : null;
      return new Offer(names(f, "codecs"), names(f, "extensions"), session);
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
      Fields f = m.fields();
      SessionGrant session =
          f.contains("session")
              ? new SessionGrant(
                  f.get("session", ValueTypes.UNICODE),
                  f.contains("token") ? f.get("token", ValueTypes.BYTES) : new byte[0],
                  f.get("received", ValueTypes.LONG),
                  f.get("resumed", ValueTypes.BOOLEAN),
                  runs(f))
              : null;
      return new Choice(f.get("codec", ValueTypes.UNICODE), names(f, "extensions"), session);
    } catch (IllegalArgumentException e) {
      throw new ProtocolException("malformed answer to " + COMMAND + ": " + e.getMessage(), e);
    }
  }

  /** Whether the other side said it reads RUN frames (an older one does not say). */
  private static boolean runs(Fields fields) {
    return fields.contains("runs") && fields.get("runs", ValueTypes.BOOLEAN);
  }

  private static List<String> names(Fields fields, String key) {
    return fields.contains(key) ? fields.get(key, NAMES) : List.of();
  }
}
