package org.amp4j.codec.amp;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** AMP Boolean text (spec 7.6): exactly {@code True} or {@code False}, both ways. */
final class BooleanText {

  private static final byte[] TRUE = "True".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] FALSE = "False".getBytes(StandardCharsets.US_ASCII);

  private BooleanText() {}

  static byte[] format(boolean value) {
    return (value ? TRUE : FALSE).clone();
  }

  /**
   * Parses {@code True} or {@code False}; nothing else (not {@code true}, {@code 1}, empty).
   *
   * @throws BadTextException otherwise
   */
  static boolean parse(byte[] text) {
    if (Arrays.equals(text, TRUE)) {
      return true;
    }
    if (Arrays.equals(text, FALSE)) {
      return false;
    }
    throw new BadTextException("only True or False");
  }
}
