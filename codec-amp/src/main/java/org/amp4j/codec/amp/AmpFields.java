package org.amp4j.codec.amp;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.amp4j.value.Fields;
import org.amp4j.value.ValueType;

/**
 * The values of one received box (or one AmpList record), without the protocol keys. AMP carries no
 * types, so each {@link #get} decodes the bytes as the type the reader names; nothing is decoded up
 * front. Keys are looked up by the UTF-8 bytes of the name. Immutable once built.
 */
final class AmpFields implements Fields {

  private final Map<ByteKey, byte[]> values;
  private final ValueDecoder decoder;
  private final int depth;

  /**
   * @param box the received pairs
   * @param decoder reads values
   * @param depth how many lists and records enclose these fields (0 at top level)
   */
  AmpFields(RawBox box, ValueDecoder decoder, int depth) {
    Map<ByteKey, byte[]> kept = new LinkedHashMap<>();
    box.pairs()
        .forEach(
            (k, v) -> {
              if (depth > 0 || !ProtocolKeys.isProtocolKey(k)) {
                kept.put(k, v);
              }
            });
    this.values = Collections.unmodifiableMap(kept);
    this.decoder = decoder;
    this.depth = depth;
  }

  @Override
  public Set<String> names() {
    Set<String> names = new java.util.LinkedHashSet<>();
    for (ByteKey k : values.keySet()) {
      names.add(UnicodeText.decodeWithReplacement(k.bytes()));
    }
    return Collections.unmodifiableSet(names);
  }

  @Override
  public boolean contains(String name) {
    return values.containsKey(key(name));
  }

  @Override
  public <T> T get(String name, ValueType<T> type) {
    byte[] bytes = values.get(key(name));
    if (bytes == null) {
      throw new IllegalArgumentException("'" + name + "' is missing");
    }
    return decoder.decode(bytes, type, depth);
  }

  @Override
  public Object raw(String name) {
    byte[] bytes = values.get(key(name));
    return bytes == null ? null : bytes.clone();
  }

  private static ByteKey key(String name) {
    return new ByteKey(name.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("AmpFields{");
    values.forEach(
        (k, v) -> {
          if (b.length() > 10) {
            b.append(", ");
          }
          b.append(k).append('=').append(Show.bytes(v));
        });
    return b.append('}').toString();
  }
}
