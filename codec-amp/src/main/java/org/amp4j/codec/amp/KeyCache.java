package org.amp4j.codec.amp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The key bytes of value names, encoded once per name rather than once per message: names come from
 * command definitions, so an encoder sees few of them. Holds at most {@link #LIMIT} names; others
 * are encoded each time. Thread-safe.
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

  private void remember(String name, ByteKey key) {
    if (keys.size() < LIMIT) {
      keys.putIfAbsent(name, key);
    }
  }
}
