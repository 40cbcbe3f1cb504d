package org.amp4j;

/**
 * A command, record or type definition that cannot work, reported when the definition is built (not
 * when it is first used). The message names the class and field.
 */
public class DefinitionException extends AmpException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message. */
  public DefinitionException(String message) {
    super(message);
  }

  /** Creates the exception with a message and a cause. */
  public DefinitionException(String message, Throwable cause) {
    super(message, cause);
  }
}
