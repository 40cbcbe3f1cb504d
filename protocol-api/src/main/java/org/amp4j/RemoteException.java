package org.amp4j;

/**
 * The peer answered a call with an error whose code the command does not declare, such as {@code
 * UNKNOWN} (the peer's handler failed in an undeclared way). Declared codes reach the caller as the
 * declared exception type instead; {@code UNHANDLED} as {@link UnhandledCommandException}.
 */
public class RemoteException extends AmpException {
  private static final long serialVersionUID = 1L;

  /** The code Twisted uses for undeclared failures. */
  public static final String UNKNOWN = "UNKNOWN";

  /** The code Twisted uses for commands it has no responder for. */
  public static final String UNHANDLED = "UNHANDLED";

  private final String code;
  private final String description;

  /** Creates the exception from the error code and description the peer sent. */
  public RemoteException(String code, String description) {
    super(code + ": " + description);
    this.code = code;
    this.description = description;
  }

  /** The exception for an undeclared code: {@link UnhandledCommandException} for UNHANDLED. */
  public static RemoteException of(String code, String description) {
    return UNHANDLED.equals(code)
        ? new UnhandledCommandException(description)
        : new RemoteException(code, description);
  }

  /** The error code the peer sent. */
  public String code() {
    return code;
  }

  /** The error description the peer sent. */
  public String description() {
    return description;
  }
}
