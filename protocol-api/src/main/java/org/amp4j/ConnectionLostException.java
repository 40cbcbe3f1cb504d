package org.amp4j;

/**
 * The connection closed while a call was outstanding, or a call was made on a closed peer. The
 * cause, when there is one, says why the connection closed.
 */
public class ConnectionLostException extends AmpException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message. */
  public ConnectionLostException(String message) {
    super(message);
  }

  /** Creates the exception with a message and a cause. */
  public ConnectionLostException(String message, Throwable cause) {
    super(message, cause);
  }
}
