package org.amp4j.spi;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 both ways, for codecs that must not send or accept text they cannot carry: unpaired
 * surrogates cannot be written; overlong forms, encoded surrogates and code points above U+10FFFF
 * cannot be read. ({@link String#getBytes} and {@code new String(bytes, UTF_8)} replace such input
 * silently.) The checked exception lets each codec say where the text sits.
 */
public final class StrictUtf8 {

  private StrictUtf8() {}

  /**
   * The UTF-8 bytes of a string.
   *
   * @throws CharacterCodingException if it has an unpaired surrogate
   */
  public static byte[] encode(String text) throws CharacterCodingException {
    ByteBuffer out =
        StandardCharsets.UTF_8
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .encode(CharBuffer.wrap(text));
    byte[] bytes = new byte[out.remaining()];
    out.get(bytes);
    return bytes;
  }

  /**
   * The text of UTF-8 bytes.
   *
   * @throws CharacterCodingException if they are not valid UTF-8
   */
  public static String decode(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }
}
