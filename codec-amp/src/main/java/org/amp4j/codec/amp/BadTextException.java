package org.amp4j.codec.amp;

/**
 * A value's bytes are not valid text for the type being read. The message is a short detail (may be
 * empty); {@link ValueDecoder} turns it into {@code expected <type>, got "<value>"}.
 */
final class BadTextException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  BadTextException(String detail) {
    super(detail);
  }

  BadTextException(String detail, Throwable cause) {
    super(detail, cause);
  }
}
