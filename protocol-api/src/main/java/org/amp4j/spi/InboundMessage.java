package org.amp4j.spi;

import java.util.Objects;
import org.amp4j.value.Fields;

/**
 * A decoded message: a call, an answer or an error. Values are read through {@link Fields} with the
 * types the reader expects.
 *
 * @param kind the kind
 * @param command the command name (calls only)
 * @param tag the tag as ISO-8859-1 text, or null for a call that wants no answer
 * @param errorCode the error code (errors only)
 * @param errorDescription the error description (errors only)
 * @param fields the values
 */
public record InboundMessage(
    MessageKind kind,
    String command,
    String tag,
    String errorCode,
    String errorDescription,
    Fields fields) {
  /** Validates the parts. */
  public InboundMessage {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(fields, "fields");
  }
}
