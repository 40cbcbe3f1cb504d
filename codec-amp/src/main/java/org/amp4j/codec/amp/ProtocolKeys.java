package org.amp4j.codec.amp;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The keys AMP reserves for routing (spec section 3). Each {@link ByteKey} knows its position in
 * {@link #NAMES} ({@link ByteKey#protocolIndex()}), and a {@link RawBox} keeps where each of them
 * sits.
 */
final class ProtocolKeys {

  static final String COMMAND = "_command";
  static final String ASK = "_ask";
  static final String ANSWER = "_answer";
  static final String ERROR = "_error";
  static final String ERROR_CODE = "_error_code";
  static final String ERROR_DESCRIPTION = "_error_description";

  /** The six protocol keys' names, in the order of their {@link ByteKey#protocolIndex()}. */
  static final List<String> NAMES =
      List.of(COMMAND, ASK, ANSWER, ERROR, ERROR_CODE, ERROR_DESCRIPTION);

  static final int COMMAND_INDEX = 0;
  static final int ASK_INDEX = 1;
  static final int ANSWER_INDEX = 2;
  static final int ERROR_INDEX = 3;
  static final int ERROR_CODE_INDEX = 4;
  static final int ERROR_DESCRIPTION_INDEX = 5;

  static final ByteKey COMMAND_KEY = key(COMMAND);
  static final ByteKey ASK_KEY = key(ASK);
  static final ByteKey ANSWER_KEY = key(ANSWER);
  static final ByteKey ERROR_KEY = key(ERROR);
  static final ByteKey ERROR_CODE_KEY = key(ERROR_CODE);
  static final ByteKey ERROR_DESCRIPTION_KEY = key(ERROR_DESCRIPTION);

  /** The six protocol keys, in the order of {@link #NAMES}. */
  static final List<ByteKey> ALL =
      List.of(COMMAND_KEY, ASK_KEY, ANSWER_KEY, ERROR_KEY, ERROR_CODE_KEY, ERROR_DESCRIPTION_KEY);

  private ProtocolKeys() {}

  /**
   * The position in {@link #NAMES} of the protocol key whose bytes these are, or {@link
   * ByteKey#NOT_PROTOCOL}. Runs when a {@link ByteKey} is made, ProtocolKeys' own included, so it
   * reads only compile-time constants, never a field this class initializes.
   */
  static int indexOf(byte[] bytes) {
    if (bytes.length < 4 || bytes[0] != '_') {
      return ByteKey.NOT_PROTOCOL;
    }
    if (ByteKey.sameAscii(bytes, COMMAND)) {
      return COMMAND_INDEX;
    }
    if (ByteKey.sameAscii(bytes, ASK)) {
      return ASK_INDEX;
    }
    if (ByteKey.sameAscii(bytes, ANSWER)) {
      return ANSWER_INDEX;
    }
    if (ByteKey.sameAscii(bytes, ERROR)) {
      return ERROR_INDEX;
    }
    if (ByteKey.sameAscii(bytes, ERROR_CODE)) {
      return ERROR_CODE_INDEX;
    }
    return ByteKey.sameAscii(bytes, ERROR_DESCRIPTION)
        ? ERROR_DESCRIPTION_INDEX
        : ByteKey.NOT_PROTOCOL;
  }

  private static ByteKey key(String name) {
    return new ByteKey(name.getBytes(StandardCharsets.US_ASCII));
  }
}
