package org.amp4j.codec.amp;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import org.amp4j.spi.StrictUtf8;

/**
 * AMP Unicode text (spec 7.5): standard UTF-8, strict both ways. Unpaired surrogates cannot be
 * written; encoded surrogates, overlong forms and code points above U+10FFFF cannot be read.
 *
 * <p>Text that the JDK's lenient UTF-8 conversions ({@link String#getBytes}, {@code new String})
 * handle exactly as the strict ones goes through them, as they need no encoder or decoder object:
 * text without surrogates to encode, and bytes that decode without a U+FFFD replacement character.
 * Only other text takes the strict path ({@link StrictUtf8}), which then fails or agrees.
 */
final class UnicodeText {

  private static final char REPLACEMENT = '\uFFFD';

  private UnicodeText() {}

  /**
   * Strict UTF-8.
   *
   * @throws BadTextException if the text has an unpaired surrogate
   */
  static byte[] encode(String text) {
    if (!hasSurrogate(text)) {
      return text.getBytes(StandardCharsets.UTF_8);
    }
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
    String lenient = decodeWithReplacement(bytes);
    if (lenient.indexOf(REPLACEMENT) < 0) {
      return lenient;
    }
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

  private static boolean hasSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isSurrogate(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
