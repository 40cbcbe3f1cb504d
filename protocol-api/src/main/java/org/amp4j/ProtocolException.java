package org.amp4j;

/**
 * The peer sent data that breaks the protocol: a malformed frame, an oversized key, a value that
 * does not parse as its declared type, an answer for an unknown tag.
 *
 * <p>Malformed frames close the connection; a bad value in a request is answered with {@code
 * UNKNOWN} (and, in plain AMP mode, the connection is closed as Twisted closes it); a bad value in
 * an answer fails that one call and the connection stays open.
 */
public class ProtocolException extends AmpException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message. */
  public ProtocolException(String message) {
    super(message);
  }

  /** Creates the exception with a message and a cause. */
  public ProtocolException(String message, Throwable cause) {
    super(message, cause);
  }
}
