package org.amp4j;

/**
 * The session a call was made in is gone (the other side restarted, the session expired, the resume
 * token was refused, or reconnecting gave up), and the call may or may not have run there. amp4j
 * never sends such a call again on its own, unless its command is declared {@link
 * AmpCommand#idempotent()}.
 */
public class SessionLostException extends ConnectionLostException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public SessionLostException(String message, Throwable cause) {
    super(message, cause);
  }
}
