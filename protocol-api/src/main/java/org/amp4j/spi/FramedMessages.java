package org.amp4j.spi;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.amp4j.EncodingException;
import org.amp4j.Limits;

/**
 * The message layout shared by the codecs that frame a map ({@code json}, {@code cbor}, {@code
 * msgpack}; {@code docs/codecs.md}, "Messages"): the payload of a frame is one map whose first key
 * says what the message is, with these keys in this order:
 *
 * <pre>
 * call:   "call": command name   ["tag": tag]   "args": {values}
 * answer: "answer": tag          "values": {values}
 * error:  "error": tag           "code": text   "description": text
 * </pre>
 *
 * {@code tag} is absent from a call that wants no answer; tags follow {@link MessageParts#tag}.
 * Values maps are keyed by wire name, each name once. The framing itself and how each part is
 * written stay with the codec.
 */
public final class FramedMessages {

  /** First key of a call: the command name. */
  public static final String CALL = "call";

  /** The tag of a call that wants an answer. */
  public static final String TAG = "tag";

  /** The values of a call. */
  public static final String ARGS = "args";

  /** First key of an answer: the tag it answers. */
  public static final String ANSWER = "answer";

  /** The values of an answer. */
  public static final String VALUES = "values";

  /** First key of an error: the tag it answers. */
  public static final String ERROR = "error";

  /** The error code of an error. */
  public static final String CODE = "code";

  /** The description of an error. */
  public static final String DESCRIPTION = "description";

  /** The most keys a message map has (a call with a tag, an error). */
  public static final int MAX_KEYS = 3;

  private FramedMessages() {}

  /** The kind whose first key this is, or null. */
  public static MessageKind kindOf(String firstKey) {
    return switch (firstKey) {
      case CALL -> MessageKind.CALL;
      case ANSWER -> MessageKind.ANSWER;
      case ERROR -> MessageKind.ERROR;
      default -> null;
    };
  }

  /** Every key a message of a kind may have. */
  public static Set<String> keys(MessageKind kind) {
    return switch (kind) {
      case CALL -> Set.of(CALL, TAG, ARGS);
      case ANSWER -> Set.of(ANSWER, VALUES);
      case ERROR -> Set.of(ERROR, CODE, DESCRIPTION);
    };
  }

  /** The keys a message of a kind must have, in layout order. */
  public static List<String> requiredKeys(MessageKind kind) {
    return switch (kind) {
      case CALL -> List.of(CALL, ARGS);
      case ANSWER -> List.of(ANSWER, VALUES);
      case ERROR -> List.of(ERROR, CODE, DESCRIPTION);
    };
  }

  // Up to this many values, repeated names are found by comparing every pair.
  private static final int SMALL = 8;

  /**
   * Checks the values of a call or an answer before any is written.
   *
   * @throws EncodingException if there are more than {@code maxFieldCount}, or a name repeats
   */
  public static void checkValues(List<TypedValue<?>> values, Limits limits) {
    if (values.size() > limits.maxFieldCount()) {
      throw new EncodingException(
          "message has "
              + values.size()
              + " values, more than maxFieldCount "
              + limits.maxFieldCount());
    }
    if (values.size() <= SMALL) {
      // a few values, as most messages have: compared pairwise, with no set to allocate
      for (int i = 1; i < values.size(); i++) {
        String name = values.get(i).name();
        for (int j = 0; j < i; j++) {
          if (name.equals(values.get(j).name())) {
            throw givenTwice(name);
          }
        }
      }
      return;
    }
    Set<String> seen = new HashSet<>();
    for (TypedValue<?> value : values) {
      if (!seen.add(value.name())) {
        throw givenTwice(value.name());
      }
    }
  }

  private static EncodingException givenTwice(String name) {
    return new EncodingException("value " + ValuePath.key(name) + " is given twice");
  }

  /**
   * Checks that an error message has no values: the layout has no place for them.
   *
   * @throws EncodingException if it has some
   */
  public static void checkNoValues(OutboundMessage error) {
    if (!error.values().isEmpty()) {
      throw new EncodingException(
          "an error message carries only a tag, a code and a description, not "
              + error.values().size()
              + " values");
    }
  }
}
