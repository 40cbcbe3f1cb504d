package org.amp4j.codec.amp;

import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.amp4j.ProtocolException;

/**
 * Cuts a byte stream into boxes (spec 2), incrementally: input may be split at any byte. Keeps only
 * the incomplete tail: a partial length prefix, and the key or value being filled.
 *
 * <p>Checks each declared length before allocating anything for it: a key length above 255 fails at
 * once (as Twisted), a value length above the value limit fails, and so does any length that would
 * make the box longer than the box limit even if the box ended right after it. Empty boxes are
 * reported like any other; whether they are legal is the caller's decision. Not thread-safe.
 */
final class BoxParser {

  /** The longest key AMP allows. */
  static final int MAX_KEY_LENGTH = 255;

  private enum State {
    KEY_LENGTH,
    KEY,
    VALUE_LENGTH,
    VALUE
  }

  private final int maxValueLength;
  private final long maxBoxLength;

  private State state = State.KEY_LENGTH;
  private int prefix; // the partial length prefix
  private int prefixBytes; // 0 or 1 bytes of it seen
  private byte[] target; // the key or value being filled
  private int filled;
  private ByteKey key;
  private RawBox box;
  private long boxLength; // bytes of the current box so far, prefixes included

  /**
   * @param maxValueLength longest value accepted
   * @param maxBoxLength longest box accepted, terminator included
   */
  BoxParser(int maxValueLength, long maxBoxLength) {
    this.maxValueLength = maxValueLength;
    this.maxBoxLength = maxBoxLength;
  }

  /** Whether no partial box is buffered (the input so far ended at a box boundary). */
  boolean atBoxBoundary() {
    return box == null && state == State.KEY_LENGTH && prefixBytes == 0;
  }

  /**
   * Consumes all of {@code in}, handing each completed box to {@code sink} as soon as it is
   * complete. The parser is at a box boundary when the sink is called, so a sink that throws leaves
   * it consistent (the rest of {@code in} is then not consumed).
   *
   * @throws ProtocolException if a declared length is over its limit
   */
  void feed(ByteBuffer in, Consumer<RawBox> sink) {
    while (in.hasRemaining()) {
      switch (state) {
        case KEY_LENGTH -> {
          if (readPrefix(in)) {
            onKeyLength(takePrefix(), sink);
          }
        }
        case KEY -> {
          if (fill(in)) {
            key = new ByteKey(target);
            target = null;
            state = State.VALUE_LENGTH;
          }
        }
        case VALUE_LENGTH -> {
          if (readPrefix(in)) {
            onValueLength(takePrefix());
          }
        }
        case VALUE -> {
          if (fill(in)) {
            box.put(key, target);
            key = null;
            target = null;
            state = State.KEY_LENGTH;
          }
        }
        default -> throw new IllegalStateException(state.toString());
      }
    }
  }

  private void onKeyLength(int length, Consumer<RawBox> sink) {
    if (box == null) {
      box = new RawBox();
      boxLength = 0;
    }
    boxLength += 2;
    if (length == 0) {
      RawBox done = box;
      box = null;
      sink.accept(done);
      return;
    }
    if (length > MAX_KEY_LENGTH) {
      throw new ProtocolException(
          "key length "
              + length
              + " is longer than "
              + MAX_KEY_LENGTH
              + " ("
              + boxLength
              + " bytes into a box)");
    }
    // The box needs at least this key, a value length prefix and a terminator.
    checkBoxLength(boxLength + length + 4);
    boxLength += length;
    startFilling(length);
    state = State.KEY;
  }

  private void onValueLength(int length) {
    boxLength += 2;
    if (length > maxValueLength) {
      throw new ProtocolException(
          "value for key " + key + " is " + length + " bytes, longer than " + maxValueLength);
    }
    // The box needs at least this value and a terminator.
    checkBoxLength(boxLength + length + 2);
    boxLength += length;
    if (length == 0) {
      box.put(key, new byte[0]);
      key = null;
      state = State.KEY_LENGTH;
      return;
    }
    startFilling(length);
    state = State.VALUE;
  }

  private void checkBoxLength(long atLeast) {
    if (atLeast > maxBoxLength) {
      throw new ProtocolException(
          "box would be at least " + atLeast + " bytes, longer than " + maxBoxLength);
    }
  }

  private void startFilling(int length) {
    target = new byte[length];
    filled = 0;
  }

  /** Copies available bytes into the target; true when it is full. */
  private boolean fill(ByteBuffer in) {
    int n = Math.min(in.remaining(), target.length - filled);
    in.get(target, filled, n);
    filled += n;
    return filled == target.length;
  }

  /** Reads prefix bytes; true when both bytes are in. */
  private boolean readPrefix(ByteBuffer in) {
    while (prefixBytes < 2 && in.hasRemaining()) {
      prefix = (prefix << 8) | (in.get() & 0xFF);
      prefixBytes++;
    }
    return prefixBytes == 2;
  }

  private int takePrefix() {
    int value = prefix & 0xFFFF;
    prefix = 0;
    prefixBytes = 0;
    return value;
  }
}
