package org.amp4j.spi;

import org.amp4j.EncodingException;

/**
 * The checks every codec makes on the parts of an {@link OutboundMessage} before writing them, with
 * the messages users see. Tags are opaque byte strings carried as text of code points
 * U+0000..U+00FF, one per byte (ISO-8859-1), so that any tag a peer sent is echoed byte for byte.
 */
public final class MessageParts {

  private MessageParts() {}

  /**
   * A part the message's kind requires, such as a call's command name.
   *
   * @param what the part, for the message: {@code command}, {@code tag}, {@code code}, ...
   * @throws EncodingException if it is null
   */
  public static String required(String part, String what) {
    if (part == null) {
      throw new EncodingException("the message has no " + what);
    }
    return part;
  }

  /**
   * A tag, checked to be bytes: every char at most U+00FF.
   *
   * @throws EncodingException naming the first char above U+00FF
   */
  public static String tag(String tag) {
    for (int i = 0; i < tag.length(); i++) {
      char c = tag.charAt(i);
      if (c > 0xFF) {
        throw new EncodingException(
            String.format(
                "tag char %d is U+%04X, which is not a byte (tags are ISO-8859-1 text)",
                i, (int) c));
      }
    }
    return tag;
  }
}
