package org.amp4j.spi;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 both ways, for codecs that must not send or accept text they cannot carry: unpaired
 * surrogates cannot be written; overlong forms, encoded surrogates and code points above U+10FFFF
 * cannot be read. ({@link String#getBytes} and {@code new String(bytes, UTF_8)} replace such input
 * silently.) The checked exception lets each codec say where the text sits.
 */
public final class StrictUtf8 {

  private static final char REPLACEMENT = '\uFFFD';

  private StrictUtf8() {}

  /**
   * The UTF-8 bytes of a string.
   *
   * @throws CharacterCodingException if it has an unpaired surrogate
   */
  public static byte[] encode(String text) throws CharacterCodingException {
    // Text whose surrogates all pair has one UTF-8 form, which getBytes gives without the cost
    // of an encoder.
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isSurrogate(c)) {
        if (!Character.isHighSurrogate(c)
            || i + 1 == text.length()
            || !Character.isLowSurrogate(text.charAt(i + 1))) {
          throw new MalformedInputException(1);
        }
        i++;
      }
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The text of UTF-8 bytes.
   *
   * @throws CharacterCodingException if they are not valid UTF-8
   */
  public static String decode(byte[] bytes) throws CharacterCodingException {
    // The lenient conversion replaces what is not valid UTF-8 with U+FFFD; bytes that decode
    // without one are valid, and only the others need the strict decoder, which then fails or
    // finds a U+FFFD that was sent as such.
    String lenient = new String(bytes, StandardCharsets.UTF_8);
    if (lenient.indexOf(REPLACEMENT) < 0) {
      return lenient;
    }
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }
}
