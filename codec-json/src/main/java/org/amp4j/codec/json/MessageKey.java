package org.amp4j.codec.json;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.util.Collection;
import org.amp4j.spi.FramedMessages;
import org.amp4j.spi.ValuePath;

/**
 * The keys of a message map ({@link FramedMessages}), each with its name serialized once (quoted
 * and encoded, as generators write it), its path for error messages, and a bit of its own for sets
 * of keys kept in an {@code int}; {@link #of} finds the key of a text with one switch.
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

  final String text;
  final SerializableString serialized;
  final ValuePath path;

  /** The bit of this key in a set of keys. */
  final int bit;

  MessageKey(String text) {
    this.text = text;
    this.serialized = new SerializedString(text);
    this.path = ValuePath.key(text);
    this.bit = 1 << ordinal();
  }

  /** The message key of this text, or null if it is none. */
  static MessageKey of(String text) {
    return switch (text) {
      case FramedMessages.CALL -> CALL;
      case FramedMessages.TAG -> TAG;
      case FramedMessages.ARGS -> ARGS;
      case FramedMessages.ANSWER -> ANSWER;
      case FramedMessages.VALUES -> VALUES;
      case FramedMessages.ERROR -> ERROR;
      case FramedMessages.CODE -> CODE;
      case FramedMessages.DESCRIPTION -> DESCRIPTION;
      default -> null;
    };
  }

  /**
   * The set of some message keys.
   *
   * @throws IllegalArgumentException if one is not a message key
   */
  static int bits(Collection<String> texts) {
    int bits = 0;
    for (String text : texts) {
      MessageKey key = of(text);
      if (key == null) {
        throw new IllegalArgumentException("not a message key: " + text);
      }
      bits |= key.bit;
    }
    return bits;
  }
}
