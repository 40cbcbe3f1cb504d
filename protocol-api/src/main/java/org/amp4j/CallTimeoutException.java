package org.amp4j;

/**
 * A call was not answered within its timeout. The call is forgotten locally; a late answer is
 * ignored.
 */
public class CallTimeoutException extends AmpException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message. */
  public CallTimeoutException(String message) {
    super(message);
  }

  /** Creates the exception with a message and a cause. */
  public CallTimeoutException(String message, Throwable cause) {
    super(message, cause);
  }
}
