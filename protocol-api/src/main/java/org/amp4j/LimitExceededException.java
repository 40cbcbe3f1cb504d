package org.amp4j;

/**
 * A configured limit would be exceeded: too many outstanding calls, too many bytes waiting to be
 * written. Nothing was sent.
 */
public class LimitExceededException extends AmpException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message. */
  public LimitExceededException(String message) {
    super(message);
  }

  /** Creates the exception with a message and a cause. */
  public LimitExceededException(String message, Throwable cause) {
    super(message, cause);
  }
}
