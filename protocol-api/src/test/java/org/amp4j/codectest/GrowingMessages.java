package org.amp4j.codectest;

import java.util.ArrayList;
import java.util.List;
import org.amp4j.spi.OutboundMessage;
import org.amp4j.spi.TypedValue;
import org.amp4j.value.ValueTypes;

/**
 * Calls, answers and an error whose texts, ASCII and not, grow from empty past the first buffers a
 * codec or a decoder keeps (kilobytes), each value still within what plain AMP carries (65,535
 * bytes): for the checks that what a codec reuses from message to message is reset.
 */
public final class GrowingMessages {

  private static final int[] LENGTHS = {
    0, 1, 63, 64, 65, 127, 128, 129, 1023, 1024, 1025, 5000, 8191, 8192, 8193, 13_000
  };

  private GrowingMessages() {}

  /** The messages, in growing order. */
  public static List<OutboundMessage> all() {
    List<OutboundMessage> messages = new ArrayList<>();
    for (int n : LENGTHS) {
      messages.add(
          OutboundMessage.call(
              "Echo",
              Integer.toString(n),
              List.of(
                  new TypedValue<>("ascii", ValueTypes.UNICODE, "a".repeat(n)),
                  // 5 bytes of UTF-8 per repeat: 65,000 at the longest
                  new TypedValue<>("accented", ValueTypes.UNICODE, "\u00e9\u2603".repeat(n)),
                  new TypedValue<>("n", ValueTypes.LONG, (long) n))));
      messages.add(
          OutboundMessage.answer(
              Integer.toString(n), List.of(new TypedValue<>("total", ValueTypes.LONG, -7L * n))));
    }
    messages.add(OutboundMessage.error("1", "BAD", "oops"));
    return messages;
  }
}
