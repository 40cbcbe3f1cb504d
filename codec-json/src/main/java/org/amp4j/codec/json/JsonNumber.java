package org.amp4j.codec.json;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import org.amp4j.spi.MachineIntegers;

/**
 * A JSON number as it was written, so that a decimal keeps its scale and sign ({@code 1.10}, {@code
 * -0}) and an integer literal is told from a float literal.
 *
 * <p>An integer literal of at most {@value #MAX_LONG_CHARS} characters that is the canonical text
 * of its value (no {@code -0}, no leading zero or plus sign) is kept as a {@code long}: its text is
 * then exactly {@link Long#toString(long)} of it, made only when asked for, and it is read as an
 * integer without parsing text or making a {@code BigInteger}.
 */
final class JsonNumber {

  /** The longest literal kept as a {@code long}: any 18 characters fit, whatever the sign. */
  static final int MAX_LONG_CHARS = 18;

  private final String text; // null when the literal is Long.toString(value)
  private final long value;
  private final boolean integral;

  /**
   * A number by its text.
   *
   * @param text the number's text, exactly as received
   * @param integral whether it is an integer literal (no fraction, no exponent)
   */
  JsonNumber(String text, boolean integral) {
    this.text = text;
    this.value = 0;
    this.integral = integral;
  }

  private JsonNumber(long value) {
    this.text = null;
    this.value = value;
    this.integral = true;
  }

  /** The integer literal on which the parser stands (a VALUE_NUMBER_INT token). */
  static JsonNumber integer(JsonParser in) throws IOException {
    int length = in.getTextLength();
    if (length <= MAX_LONG_CHARS) {
      long v = in.getLongValue();
      if (MachineIntegers.digits(v) + (v < 0 ? 1 : 0) == length) {
        return new JsonNumber(v);
      }
    }
    return new JsonNumber(in.getText(), true);
  }

  /** The number's text, exactly as received. */
  String text() {
    return text != null ? text : Long.toString(value);
  }

  /** Whether it is an integer literal (no fraction, no exponent). */
  boolean integral() {
    return integral;
  }

  /** Whether it is an integer literal kept as a {@code long} ({@link #longValue}). */
  boolean isLong() {
    return text == null;
  }

  /** The value of an integer literal kept as a {@code long}. */
  long longValue() {
    return value;
  }

  /** The count of digits of an integer literal (its sign not counted). */
  int integerDigits() {
    if (text == null) {
      return MachineIntegers.digits(value);
    }
    return text.startsWith("-") ? text.length() - 1 : text.length();
  }

  @Override
  public String toString() {
    return text();
  }
}
