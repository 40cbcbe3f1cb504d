package org.amp4j;

/**
 * A local value that cannot be sent: a key or value over the codec's limits, a missing required
 * field, an unencodable string. Raised before anything is written, so the connection is intact.
 */
public class EncodingException extends AmpException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message. */
  public EncodingException(String message) {
    super(message);
  }

  /** Creates the exception with a message and a cause. */
  public EncodingException(String message, Throwable cause) {
    super(message, cause);
  }
}
