package org.amp4j.codec.msgpack;

/**
 * A value that breaks its format: an extension payload of the wrong shape, text that is not a
 * decimal. The callers add where the value sits and turn it into an {@link
 * org.amp4j.EncodingException} or {@link org.amp4j.ProtocolException}.
 */
final class BadValueException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  BadValueException(String message) {
    super(message);
  }

  BadValueException(String message, Throwable cause) {
    super(message, cause);
  }
}
