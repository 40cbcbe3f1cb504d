package org.amp4j.codec.amp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.amp4j.EncodingException;
import org.amp4j.spi.ValuePath;

/**
 * The key bytes of value names and record field names, encoded once per name rather than once per
 * message: names come from command and record definitions, so an encoder sees few of them. Holds at
 * most {@link #LIMIT} names; others are encoded each time. Thread-safe.
 */
final class KeyCache {

  /** How many names the cache holds at most. */
  static final int LIMIT = 1024;

  private final Map<String, ByteKey> keys = new ConcurrentHashMap<>();

  /**
   * The key of a name in strict UTF-8.
   *
   * @throws BadTextException if the name is not valid UTF-16 (an unpaired surrogate)
   */
  ByteKey strict(String name) {
    ByteKey key = keys.get(name);
    if (key == null) {
      key = new ByteKey(UnicodeText.encode(name));
      remember(name, key);
    }
    return key;
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

  private void remember(String name, ByteKey key) {
    if (keys.size() < LIMIT) {
      keys.putIfAbsent(name, key);
    }
  }
}
