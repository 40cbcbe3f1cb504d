package org.amp4j.buildbot;

import org.amp4j.EncodingException;

/**
 * The message envelope of {@code msgpack_experimental_v7} (buildbot-msgpack.md §5): every message
 * is one map with {@code op} and {@code seq_number}; a response has {@code op} {@code "response"},
 * the {@code seq_number} of the request it answers, a {@code result} and, on failure only, {@code
 * is_exception}.
 *
 * <pre>
 * request:  {"op": name, "seq_number": n, key: value, ...}
 * answer:   {"op": "response", "seq_number": n, "result": value}
 * error:    {"op": "response", "seq_number": n, "result": text, "is_exception": true}
 * </pre>
 *
 * <p>amp4j tags are hex text ({@code Long.toHexString}); a seq_number is the 64-bit number whose
 * two's-complement hex that text is, so that every number a worker sends is echoed exactly.
 */
final class Envelope {

  static final String OP = "op";
  static final String SEQ_NUMBER = "seq_number";
  static final String RESULT = "result";
  static final String IS_EXCEPTION = "is_exception";
  static final String RESPONSE = "response";

  private Envelope() {}

  /** The tag for a received seq_number. */
  static String tag(long seqNumber) {
    return Long.toHexString(seqNumber);
  }

  /**
   * The seq_number a tag stands for.
   *
   * @throws EncodingException if the tag is not 1..16 hex digits
   */
  static long seqNumber(String tag) {
    if (tag.isEmpty() || tag.length() > 16 || tag.charAt(0) == '+' || tag.charAt(0) == '-') {
      throw new EncodingException(
          "tag '" + tag + "' is not a seq_number (1..16 hex digits of a 64-bit number)");
    }
    try {
      return Long.parseUnsignedLong(tag, 16);
    } catch (NumberFormatException e) {
      throw new EncodingException(
          "tag '" + tag + "' is not a seq_number (1..16 hex digits of a 64-bit number)", e);
    }
  }
}
