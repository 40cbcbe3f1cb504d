package org.amp4j.codec.amp;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.amp4j.Limits;
import org.amp4j.ProtocolException;

/**
 * Cuts a byte stream into boxes (spec 2), incrementally: input may be split at any byte, and {@link
 * #next} consumes exactly the bytes of the box it returns. A box that arrives whole in a heap
 * buffer, as most do, is read in one pass over the array; anything else byte range by byte range.
 * Keeps only the incomplete tail: a partial length prefix, the key or value being filled, and the
 * pairs of the box so far. A key is read into a buffer of the parser and then looked up in the
 * parser's {@link KeyTable}, so that a key seen before costs no allocation; each value is one
 * array.
 *
 * <p>Checks each declared length before allocating anything for it: a key length above 255 fails at
 * once (as Twisted), a value length above the value limit fails, a new key beyond the field limit
 * fails, and so does any length that would make the box longer than the box limit even if the box
 * ended right after it.
 *
 * <p>A key repeated in one box keeps Twisted's behaviour, the last value wins; except that a parser
 * {@linkplain Config#joinRepeatedKeys joining repeated keys} (the {@code amp.split-values}
 * extension) joins the values of consecutive pairs with the same key into one value, checking the
 * joined length against the value limit before allocating each part. Empty boxes are reported like
 * any other; whether they are legal is the caller's decision. Not thread-safe.
 */
final class BoxParser {

  /** The longest key AMP allows. */
  static final int MAX_KEY_LENGTH = 255;

  /** How many positions of the last box's keys a parser keeps, to compare the next box's with. */
  static final int PREDICTED_KEYS = 8;

  /** How many keys the {@link KeyTable} of a parser holds. */
  static final int KEY_TABLE_SLOTS = 64;

  private static final byte[] EMPTY = new byte[0];

  /**
   * What a parser accepts.
   *
   * @param maxValueLength longest value, joined parts together
   * @param maxBoxLength longest box, prefixes and terminator included
   * @param maxFieldCount most distinct keys in a box, not counting protocol keys when {@code
   *     topLevel}
   * @param topLevel whether boxes are messages (protocol keys are then not counted as fields)
   * @param joinRepeatedKeys whether consecutive pairs with the same key are parts of one value
   */
  record Config(
      int maxValueLength,
      long maxBoxLength,
      int maxFieldCount,
      boolean topLevel,
      boolean joinRepeatedKeys) {

    /** For the boxes of one connection. */
    static Config messages(Limits limits, boolean splitValues) {
      return new Config(
          limits.maxValueLength(),
          limits.maxFrameLength(),
          limits.maxFieldCount(),
          true,
          splitValues);
    }

    /** For the records of an AmpList value (never split; already bounded by the value). */
    static Config records(Limits limits) {
      return new Config(
          Math.min(Limits.AMP_MAX_VALUE_LENGTH, limits.maxValueLength()),
          Long.MAX_VALUE,
          limits.maxFieldCount(),
          false,
          false);
    }
  }

  /** A box has more keys than the field limit allows. */
  static final class TooManyFields extends ProtocolException {
    private static final long serialVersionUID = 1L;

    TooManyFields(String message) {
      super(message);
    }
  }

  private enum State {
    KEY_LENGTH,
    KEY,
    VALUE_LENGTH,
    VALUE
  }

  private final Config config;
  private final KeyTable keys = new KeyTable(KEY_TABLE_SLOTS);
  // The keys of the last box read by the fast path, by position: the boxes of a connection mostly
  // repeat the same keys in the same order, which are then found by comparing bytes, unhashed.
  private final ByteKey[] lastKeys = new ByteKey[PREDICTED_KEYS];
  private final byte[] keyBuffer = new byte[MAX_KEY_LENGTH];

  private State state = State.KEY_LENGTH;
  private int prefix; // the partial length prefix
  private int prefixBytes; // 0 or 1 bytes of it seen
  private byte[] target; // the key buffer or the value being filled
  private int targetLength; // how many bytes of target to fill
  private int filled;
  private ByteKey key; // the key of the pair being read
  private RawBox box;
  private long boxLength; // bytes of the current box so far, prefixes included
  private int fields; // distinct keys counted against maxFieldCount

  // The last completed pair, held back so that a following part can join it.
  private ByteKey heldKey;
  private final List<byte[]> heldParts = new ArrayList<>();
  private long heldLength;

  BoxParser(Config config) {
    this.config = config;
  }

  /** Whether no partial box is buffered (the input so far ended at a box boundary). */
  boolean atBoxBoundary() {
    return box == null && state == State.KEY_LENGTH && prefixBytes == 0;
  }

  /**
   * Reads the next box.
   *
   * @return the box completed by {@code in}, with {@code in} positioned just after its terminator;
   *     or null once all of {@code in} has been consumed without completing one
   * @throws ProtocolException if a declared length is over its limit
   */
  RawBox next(ByteBuffer in) {
    if (!in.hasRemaining()) {
      return null; // nothing completes without input: no box is allocated to find that out
    }
    if (in.hasArray() && atBoxBoundary()) {
      RawBox whole = wholeBox(in);
      if (whole != null) {
        return whole;
      }
    }
    while (in.hasRemaining()) {
      switch (state) {
        case KEY_LENGTH -> {
          if (readPrefix(in)) {
            RawBox done = onKeyLength(takePrefix());
            if (done != null) {
              return done;
            }
          }
        }
        case KEY -> {
          if (fill(in)) {
            onKey(keys.key(keyBuffer, 0, targetLength));
          }
        }
        case VALUE_LENGTH -> {
          if (readPrefix(in)) {
            onValueLength(takePrefix());
          }
        }
        case VALUE -> {
          if (fill(in)) {
            onValue(target);
          }
        }
        default -> throw new IllegalStateException(state.toString());
      }
    }
    return null;
  }

  /**
   * The fast path, for a box that lies whole in a heap buffer and has nothing unusual: read
   * straight from the array, with no state kept between pieces and the keys looked up where they
   * lie. Gives null, having consumed nothing, for any other box (one not complete yet, one with a
   * repeated key or over a limit), which the general path then reads, failing where it should.
   */
  private RawBox wholeBox(ByteBuffer in) {
    byte[] bytes = in.array();
    int start = in.arrayOffset() + in.position();
    int end = in.arrayOffset() + in.limit();
    if (end - start < 2) {
      return null; // not even a terminator: nothing to make a box of yet
    }
    RawBox whole = new RawBox();
    int fieldCount = 0;
    int pair = 0; // the position of the pair being read
    int at = start;
    while (true) {
      if (end - at < 2) {
        return null;
      }
      int keyLength = u16(bytes, at);
      at += 2;
      if (keyLength == 0) {
        break;
      }
      if (keyLength > MAX_KEY_LENGTH || end - at < keyLength + 2) {
        return null;
      }
      ByteKey k = pair < PREDICTED_KEYS ? lastKeys[pair] : null;
      if (k == null || !k.is(bytes, at, keyLength)) {
        k = keys.key(bytes, at, keyLength);
        if (pair < PREDICTED_KEYS) {
          lastKeys[pair] = k;
        }
      }
      pair++;
      int valueLength = u16(bytes, at + keyLength);
      at += keyLength + 2;
      if (valueLength > config.maxValueLength() || end - at < valueLength || whole.contains(k)) {
        return null;
      }
      if (valueLength == Limits.AMP_MAX_VALUE_LENGTH && config.joinRepeatedKeys()) {
        return null; // likely the first part of a split value: not copied twice
      }
      if (!(config.topLevel() && k.isProtocol()) && ++fieldCount > config.maxFieldCount()) {
        return null;
      }
      whole.add(k, valueLength == 0 ? EMPTY : Arrays.copyOfRange(bytes, at, at + valueLength));
      at += valueLength;
    }
    if (at - start > config.maxBoxLength()) {
      return null;
    }
    in.position(in.position() + (at - start));
    return whole;
  }

  private static int u16(byte[] bytes, int at) {
    return (bytes[at] & 0xFF) << 8 | (bytes[at + 1] & 0xFF);
  }

  /**
   * Consumes all of {@code in}, handing each completed box to {@code sink}.
   *
   * @throws ProtocolException if a declared length is over its limit
   */
  void feed(ByteBuffer in, Consumer<RawBox> sink) {
    RawBox b;
    while ((b = next(in)) != null) {
      sink.accept(b);
    }
  }

  /** Handles a key length; returns the box when it is the terminator. */
  private RawBox onKeyLength(int length) {
    if (box == null) {
      box = new RawBox();
      boxLength = 0;
      fields = 0;
    }
    boxLength += 2;
    if (length == 0) {
      release();
      RawBox done = box;
      box = null;
      return done;
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
    startFilling(keyBuffer, length);
    state = State.KEY;
    return null;
  }

  private void onKey(ByteKey k) {
    target = null;
    key = k;
    boolean isNew = !k.equals(heldKey) && !box.contains(k);
    if (isNew && !(config.topLevel() && k.isProtocol())) {
      if (++fields > config.maxFieldCount()) {
        throw new TooManyFields(
            "box has more than " + config.maxFieldCount() + " keys (maxFieldCount), at key " + k);
      }
    }
    state = State.VALUE_LENGTH;
  }

  private void onValueLength(int length) {
    boxLength += 2;
    boolean joins = config.joinRepeatedKeys() && key.equals(heldKey);
    long total = joins ? heldLength + length : length;
    if (total > config.maxValueLength()) {
      throw new ProtocolException(
          "value for key "
              + key
              + " is "
              + (joins ? "at least " + total + " bytes joined" : length + " bytes")
              + ", longer than maxValueLength "
              + config.maxValueLength());
    }
    // The box needs at least this value and a terminator.
    checkBoxLength(boxLength + length + 2);
    boxLength += length;
    if (length == 0) {
      onValue(EMPTY);
      return;
    }
    startFilling(new byte[length], length);
    state = State.VALUE;
  }

  private void onValue(byte[] value) {
    target = null;
    if (key.equals(heldKey)) {
      if (!config.joinRepeatedKeys()) {
        // Twisted: the last value wins.
        heldParts.clear();
        heldLength = 0;
      }
    } else {
      release();
      heldKey = key;
    }
    heldParts.add(value);
    heldLength += value.length;
    key = null;
    state = State.KEY_LENGTH;
  }

  /** Puts the held pair into the box, its parts joined. */
  private void release() {
    if (heldKey == null) {
      return;
    }
    byte[] value;
    if (heldParts.size() == 1) {
      value = heldParts.get(0);
    } else {
      value = new byte[(int) heldLength];
      int at = 0;
      for (byte[] part : heldParts) {
        System.arraycopy(part, 0, value, at, part.length);
        at += part.length;
      }
    }
    box.put(heldKey, value);
    heldKey = null;
    heldParts.clear();
    heldLength = 0;
  }

  private void checkBoxLength(long atLeast) {
    if (atLeast > config.maxBoxLength()) {
      throw new ProtocolException(
          "box would be at least "
              + atLeast
              + " bytes, longer than maxFrameLength "
              + config.maxBoxLength());
    }
  }

  private void startFilling(byte[] buffer, int length) {
    target = buffer;
    targetLength = length;
    filled = 0;
  }

  /** Copies available bytes into the target; true when its length is filled. */
  private boolean fill(ByteBuffer in) {
    int n = Math.min(in.remaining(), targetLength - filled);
    in.get(target, filled, n);
    filled += n;
    return filled == targetLength;
  }

  /** Reads prefix bytes; true when both bytes are in. */
  private boolean readPrefix(ByteBuffer in) {
    if (prefixBytes == 0 && in.remaining() >= 2) {
      prefix = (in.get() & 0xFF) << 8 | (in.get() & 0xFF);
      prefixBytes = 2;
      return true;
    }
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
