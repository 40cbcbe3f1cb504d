package org.amp4j.codec.json;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import org.amp4j.spi.FramedMessages;
import org.amp4j.spi.ValuePath;

/**
 * The keys of a message map ({@link FramedMessages}), each with its name serialized once (quoted
 * and encoded, as generators write it), its path for error messages, and a bit of its own for sets
 * of keys kept in an {@code int}.
 */
enum MessageKey {
  CALL(FramedMessages.CALL),
  TAG(FramedMessages.TAG),
  ARGS(FramedMessages.ARGS),
  ANSWER(FramedMessages.ANSWER),
  VALUES(FramedMessages.VALUES),
  ERROR(FramedMessages.ERROR),
  CODE(FramedMessages.CODE),
  DESCRIPTION(FramedMessages.DESCRIPTION);

  private static final MessageKey[] ALL = values();

  final String text;
  final SerializableString serialized;
  final ValuePath path;

  MessageKey(String text) {
    this.text = text;
    this.serialized = new SerializedString(text);
    this.path = ValuePath.key(text);
  }

  /** The bit of this key in a set of keys. */
  int bit() {
    return 1 << ordinal();
  }

  /**
   * The bit of a message key in a set of keys.
   *
   * @throws IllegalArgumentException if it is not a message key
   */
  static int bit(String text) {
    for (MessageKey key : ALL) {
      if (key.text.equals(text)) {
        return key.bit();
      }
    }
    throw new IllegalArgumentException("not a message key: " + text);
  }
}
