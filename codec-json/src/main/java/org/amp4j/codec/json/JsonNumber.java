package org.amp4j.codec.json;

/**
 * A JSON number as it was written, so that a decimal keeps its scale and sign ({@code 1.10}, {@code
 * -0}) and an integer literal is told from a float literal.
 *
 * @param text the number's text, exactly as received
 * @param integral whether it is an integer literal (no fraction, no exponent)
 */
record JsonNumber(String text, boolean integral) {

  /** The count of digits of an integer literal (its sign not counted). */
  int integerDigits() {
    return text.startsWith("-") ? text.length() - 1 : text.length();
  }

  @Override
  public String toString() {
    return text;
  }
}
