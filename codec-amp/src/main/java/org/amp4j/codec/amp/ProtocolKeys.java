package org.amp4j.codec.amp;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** The keys AMP reserves for routing (spec section 3). */
final class ProtocolKeys {

  static final String COMMAND = "_command";
  static final String ASK = "_ask";
  static final String ANSWER = "_answer";
  static final String ERROR = "_error";
  static final String ERROR_CODE = "_error_code";
  static final String ERROR_DESCRIPTION = "_error_description";

  static final ByteKey COMMAND_KEY = key(COMMAND);
  static final ByteKey ASK_KEY = key(ASK);
  static final ByteKey ANSWER_KEY = key(ANSWER);
  static final ByteKey ERROR_KEY = key(ERROR);
  static final ByteKey ERROR_CODE_KEY = key(ERROR_CODE);
  static final ByteKey ERROR_DESCRIPTION_KEY = key(ERROR_DESCRIPTION);

  /** The six protocol keys. */
  static final List<ByteKey> ALL =
      List.of(COMMAND_KEY, ASK_KEY, ANSWER_KEY, ERROR_KEY, ERROR_CODE_KEY, ERROR_DESCRIPTION_KEY);

  private ProtocolKeys() {}

  /** Whether a key is one of the six protocol keys. */
  static boolean isProtocolKey(ByteKey key) {
    return key.length() > 0
        && key.bytes()[0] == '_'
        && (key.equals(COMMAND_KEY)
            || key.equals(ASK_KEY)
            || key.equals(ANSWER_KEY)
            || key.equals(ERROR_KEY)
            || key.equals(ERROR_CODE_KEY)
            || key.equals(ERROR_DESCRIPTION_KEY));
  }

  private static ByteKey key(String name) {
    return new ByteKey(name.getBytes(StandardCharsets.US_ASCII));
  }
}
