package org.amp4j.codec.amp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.amp4j.EncodingException;
import org.amp4j.spi.ValuePath;

/**
 * The key bytes of value names and record field names, and the bytes of command names, encoded once
 * per name rather than once per message: names come from command and record definitions, so an
 * encoder sees few of them. Holds at most {@link #LIMIT} names; others are encoded each time.
 * Thread-safe.
 */
final class KeyCache {

  /** How many names the cache holds at most. */
  static final int LIMIT = 1024;

  /**
   * A name's key, and its path as a top-level value (for messages).
   *
   * @param key the name in strict UTF-8
   * @param path {@code ValuePath.key(name)}
   */
  record Named(ByteKey key, ValuePath path) {}

  private final Map<String, Named> keys = new ConcurrentHashMap<>();

  /**
   * The key of a name in strict UTF-8.
   *
   * @throws BadTextException if the name is not valid UTF-16 (an unpaired surrogate)
   */
  ByteKey strict(String name) {
    return named(name).key();
  }

  /**
   * The key and the top-level path of a value name.
   *
   * @throws EncodingException if the name is not valid UTF-16 (an unpaired surrogate)
   */
  Named value(String name) {
    try {
      return named(name);
    } catch (BadTextException e) {
      throw new EncodingException("key of value " + ValuePath.key(name) + ": " + e.getMessage(), e);
    }
  }

  private Named named(String name) {
    Named named = keys.get(name);
    if (named == null) {
      named = new Named(new ByteKey(UnicodeText.encode(name)), ValuePath.key(name));
      remember(name, named);
    }
    return named;
  }

  /**
   * The key of a value name in strict UTF-8.
   *
   * @param where the value, for the message
   * @throws EncodingException if the name is not valid UTF-16 (an unpaired surrogate)
   */
  ByteKey key(String name, ValuePath where) {
    try {
      return strict(name);
    } catch (BadTextException e) {
      throw new EncodingException("key of value " + where + ": " + e.getMessage(), e);
    }
  }

  private void remember(String name, Named named) {
    if (keys.size() < LIMIT) {
      keys.putIfAbsent(name, named);
    }
  }
}
