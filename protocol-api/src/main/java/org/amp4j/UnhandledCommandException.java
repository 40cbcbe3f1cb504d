package org.amp4j;

/** The peer has no responder for the command it was sent (error code {@code UNHANDLED}). */
public class UnhandledCommandException extends RemoteException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception from the description the peer sent. */
  public UnhandledCommandException(String description) {
    super(UNHANDLED, description);
  }
}
