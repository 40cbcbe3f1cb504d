package org.amp4j.spi;

/** The three kinds of message: a call, its answer, or its error. */
public enum MessageKind {
  /** A request; has a command name and, when it wants an answer, a tag. */
  CALL,
  /** A successful answer to the call with the same tag. */
  ANSWER,
  /** An error answer to the call with the same tag. */
  ERROR
}
