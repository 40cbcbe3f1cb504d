package org.amp4j.codec.json;

import java.util.Set;
import org.amp4j.spi.MessageKind;

/** The keys of the message map, by kind. */
final class Keys {

  static final String CALL = "call";
  static final String TAG = "tag";
  static final String ARGS = "args";
  static final String ANSWER = "answer";
  static final String VALUES = "values";
  static final String ERROR = "error";
  static final String CODE = "code";
  static final String DESCRIPTION = "description";

  private Keys() {}

  /** The kind whose first key this is, or null. */
  static MessageKind kindOf(String firstKey) {
    return switch (firstKey) {
      case CALL -> MessageKind.CALL;
      case ANSWER -> MessageKind.ANSWER;
      case ERROR -> MessageKind.ERROR;
      default -> null;
    };
  }

  /** Every key a message of a kind may have. */
  static Set<String> allowed(MessageKind kind) {
    return switch (kind) {
      case CALL -> Set.of(CALL, TAG, ARGS);
      case ANSWER -> Set.of(ANSWER, VALUES);
      case ERROR -> Set.of(ERROR, CODE, DESCRIPTION);
    };
  }

  /** The keys a message of a kind must have. */
  static Set<String> required(MessageKind kind) {
    return switch (kind) {
      case CALL -> Set.of(CALL, ARGS);
      case ANSWER -> Set.of(ANSWER, VALUES);
      case ERROR -> Set.of(ERROR, CODE, DESCRIPTION);
    };
  }
}
