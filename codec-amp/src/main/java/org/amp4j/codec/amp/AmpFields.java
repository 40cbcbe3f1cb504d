package org.amp4j.codec.amp;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import org.amp4j.value.Fields;
import org.amp4j.value.ValueType;

/**
 * The values of one received box (or one AmpList record), without the protocol keys. AMP carries no
 * types, so each {@link #get} decodes the bytes as the type the reader names; nothing is decoded up
 * front. Keys are looked up by the UTF-8 bytes of the name ({@link RawBox#indexOf(String)}), in the
 * box itself, which nothing modifies once parsed. Immutable.
 */
final class AmpFields implements Fields {

  private final RawBox box;
  private final ValueDecoder decoder;
  private final int depth;

  /**
   * @param box the received pairs
   * @param decoder reads values
   * @param depth how many lists and records enclose these fields (0 at top level)
   */
  AmpFields(RawBox box, ValueDecoder decoder, int depth) {
    this.box = box;
    this.decoder = decoder;
    this.depth = depth;
  }

  @Override
  public Set<String> names() {
    Set<String> names = new LinkedHashSet<>();
    for (int i = 0; i < box.size(); i++) {
      if (isField(i)) {
        names.add(UnicodeText.decodeWithReplacement(box.key(i).bytes()));
      }
    }
    return Collections.unmodifiableSet(names);
  }

  @Override
  public boolean contains(String name) {
    return indexOf(name) >= 0;
  }

  @Override
  public <T> T get(String name, ValueType<T> type) {
    int at = indexOf(name);
    if (at < 0) {
      throw new IllegalArgumentException("'" + name + "' is missing");
    }
    return decoder.decode(box.value(at), type, depth);
  }

  @Override
  public <T> T getIfPresent(String name, ValueType<T> type) {
    int at = indexOf(name);
    return at < 0 ? null : decoder.decode(box.value(at), type, depth);
  }

  @Override
  public Object raw(String name) {
    int at = indexOf(name);
    return at < 0 ? null : box.value(at).clone();
  }

  /** The position in the box of a field's key, or -1 (also for a protocol key at top level). */
  private int indexOf(String name) {
    int at = box.indexOf(name);
    return at >= 0 && isField(at) ? at : -1;
  }

  /** Whether the pair at a position is a field: not a protocol key at top level. */
  private boolean isField(int position) {
    return depth > 0 || !box.key(position).isProtocol();
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("AmpFields{");
    for (int i = 0; i < box.size(); i++) {
      if (isField(i)) {
        if (b.length() > 10) {
          b.append(", ");
        }
        b.append(box.key(i)).append('=').append(Show.bytes(box.value(i)));
      }
    }
    return b.append('}').toString();
  }
}
