package org.amp4j;

/**
 * The root of every exception amp4j throws or fails a call with.
 *
 * <p>Subclasses say whose fault it is: {@link DefinitionException} (a command or type definition is
 * wrong, found when it is built), {@link ProtocolException} (the peer sent bad data), {@link
 * EncodingException} (a local value cannot be sent), {@link RemoteException} (the peer answered
 * with an error), {@link ConnectionLostException}, {@link CallTimeoutException} and {@link
 * LimitExceededException}.
 */
public class AmpException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message. */
  public AmpException(String message) {
    super(message);
  }

  /** Creates the exception with a message and a cause. */
  public AmpException(String message, Throwable cause) {
    super(message, cause);
  }
}
