package org.amp4j.spi;

import java.util.List;
import java.util.Objects;

/**
 * A message to encode: a call, an answer or an error, with typed values.
 *
 * <p>Tags are opaque byte strings carried as ISO-8859-1 text (one char per byte), so that any tag a
 * peer sends is echoed byte for byte.
 *
 * @param kind the kind
 * @param command the command name (calls only)
 * @param tag the tag, or null for a call that wants no answer
 * @param errorCode the error code (errors only)
 * @param errorDescription the error description (errors only)
 * @param values the values, in any order (codecs define the wire order)
 */
public record OutboundMessage(
    MessageKind kind,
    String command,
    String tag,
    String errorCode,
    String errorDescription,
    List<TypedValue<?>> values) {

  /** Validates the parts. */
  public OutboundMessage {
    Objects.requireNonNull(kind, "kind");
    values = List.copyOf(values);
  }

  /** A call. */
  public static OutboundMessage call(String command, String tag, List<TypedValue<?>> values) {
    return new OutboundMessage(
        MessageKind.CALL, Objects.requireNonNull(command), tag, null, null, values);
  }

  /** A successful answer. */
  public static OutboundMessage answer(String tag, List<TypedValue<?>> values) {
    return new OutboundMessage(
        MessageKind.ANSWER, null, Objects.requireNonNull(tag), null, null, values);
  }

  /** An error answer. */
  public static OutboundMessage error(String tag, String code, String description) {
    return new OutboundMessage(
        MessageKind.ERROR,
        null,
        Objects.requireNonNull(tag),
        Objects.requireNonNull(code),
        Objects.requireNonNull(description),
        List.of());
  }
}
