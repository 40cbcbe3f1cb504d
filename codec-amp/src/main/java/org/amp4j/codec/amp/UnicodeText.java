package org.amp4j.codec.amp;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import org.amp4j.spi.StrictUtf8;

/**
 * AMP Unicode text (spec 7.5): standard UTF-8, strict both ways. Unpaired surrogates cannot be
 * written; encoded surrogates, overlong forms and code points above U+10FFFF cannot be read.
 */
final class UnicodeText {

  private UnicodeText() {}

  /**
   * Strict UTF-8.
   *
   * @throws BadTextException if the text has an unpaired surrogate
   */
  static byte[] encode(String text) {
    try {
      return StrictUtf8.encode(text);
    } catch (CharacterCodingException e) {
      throw new BadTextException("text has an unpaired surrogate, which UTF-8 cannot carry", e);
    }
  }

  /**
   * Strict UTF-8 decoding.
   *
   * @throws BadTextException if the bytes are not valid UTF-8
   */
  static String decode(byte[] bytes) {
    try {
      return StrictUtf8.decode(bytes);
    } catch (CharacterCodingException e) {
      throw new BadTextException("not valid UTF-8", e);
    }
  }

  /** Lenient UTF-8 decoding: malformed input becomes U+FFFD (for names and descriptions). */
  static String decodeWithReplacement(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** Whether every char of a text is below U+0080, so that its UTF-8 is one byte per char. */
  static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
