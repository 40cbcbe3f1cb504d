package org.amp4j.examples;

import java.util.UUID;
import org.amp4j.value.ValueType;
import org.amp4j.value.ValueTypes;

/**
 * {@link UUID} as an argument type: a mapping over the built-in unicode type, so every codec
 * carries it as the text {@code 123e4567-e89b-12d3-a456-426614174000}.
 */
public final class Uuids {
  private Uuids() {}

  /** A UUID carried as its canonical text (36 characters, lower case when written). */
  public static final ValueType<UUID> TYPE =
      ValueTypes.UNICODE.map("uuid", Uuids::parse, UUID::toString);

  /**
   * Reads the canonical form: 32 hexadecimal digits in groups of 8-4-4-4-12 (either case).
   *
   * @throws IllegalArgumentException naming the text, if it is not in that form ({@link
   *     UUID#fromString} would also accept {@code 1-2-3-4-5})
   */
  public static UUID parse(String text) {
    if (text.length() != 36) {
      throw notAUuid(text);
    }
    for (int i = 0; i < 36; i++) {
      char c = text.charAt(i);
      boolean ok =
          (i == 8 || i == 13 || i == 18 || i == 23) ? c == '-' : Character.digit(c, 16) >= 0;
      if (!ok) {
        throw notAUuid(text);
      }
    }
    return UUID.fromString(text);
  }

  private static IllegalArgumentException notAUuid(String text) {
    String shown = text.length() > 60 ? text.substring(0, 60) + "..." : text;
    return new IllegalArgumentException(
        "not a UUID: \"" + shown + "\" (expected 8-4-4-4-12 hexadecimal digits)");
  }
}
