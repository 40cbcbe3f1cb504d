package org.amp4j.codec.amp;

import java.nio.charset.StandardCharsets;
import org.amp4j.value.AmpDecimal;

/**
 * AMP Decimal text (spec 7.8): Python's {@code str(Decimal)} when writing, Python's {@code
 * Decimal(str)} when reading (both provided by {@link AmpDecimal}); ASCII only, as Twisted reads
 * the bytes with {@code nativeString}.
 */
final class DecimalText {

  private DecimalText() {}

  static byte[] format(AmpDecimal value) {
    return value.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Parses decimal text.
   *
   * @throws BadTextException if it is not a decimal
   */
  static AmpDecimal parse(byte[] text) {
    try {
      // For ASCII, String.strip() removes exactly what Python's str.strip() removes.
      return AmpDecimal.parse(PyText.ascii(text));
    } catch (NumberFormatException e) {
      throw new BadTextException("", e);
    }
  }
}
