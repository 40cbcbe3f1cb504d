package org.amp4j.codectest;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.amp4j.ProtocolException;
import org.amp4j.spi.Codec;
import org.amp4j.spi.InboundMessage;
import org.amp4j.spi.MessageDecoder;

/**
 * Feeds bytes to a decoder in chunks and checks the {@link MessageDecoder#next} contract on the
 * way: null is returned only once a chunk is used up, and a returned message leaves the rest of the
 * chunk unread.
 */
public final class Decoding {

  /**
   * What a decoder made of some input.
   *
   * @param messages the messages, in order
   * @param error the protocol error that stopped decoding, or null
   */
  public record Outcome(List<InboundMessage> messages, ProtocolException error) {}

  private Decoding() {}

  /**
   * Feeds {@code input} in chunks of the given sizes (cycled; the whole input when none are given),
   * calling {@code next} until it returns null for each chunk. A {@link ProtocolException} stops
   * decoding and is reported; any other exception propagates.
   *
   * @throws AssertionError if {@code next} breaks its contract
   */
  public static Outcome feed(MessageDecoder decoder, byte[] input, int... chunkSizes) {
    List<InboundMessage> messages = new ArrayList<>();
    int offset = 0;
    int chunk = 0;
    while (offset < input.length) {
      int size =
          chunkSizes.length == 0
              ? input.length
              : Math.max(1, chunkSizes[chunk++ % chunkSizes.length]);
      int n = Math.min(size, input.length - offset);
      ByteBuffer buffer = ByteBuffer.wrap(input, offset, n).slice();
      try {
        InboundMessage m;
        while ((m = next(decoder, buffer)) != null) {
          messages.add(m);
        }
      } catch (ProtocolException e) {
        return new Outcome(messages, e);
      }
      offset += n;
    }
    return new Outcome(messages, null);
  }

  /**
   * Calls {@code next} once and checks what it did to the buffer.
   *
   * @throws AssertionError if it returned null without consuming all input, or a message after
   *     consuming none
   */
  public static InboundMessage next(MessageDecoder decoder, ByteBuffer buffer) {
    int before = buffer.position();
    InboundMessage m = decoder.next(buffer);
    if (m == null && buffer.hasRemaining()) {
      throw new AssertionError(
          "next() returned null but left "
              + buffer.remaining()
              + " of "
              + (buffer.limit() - before)
              + " bytes unread");
    }
    if (m != null && buffer.position() < before) {
      throw new AssertionError("next() moved the buffer backwards");
    }
    return m;
  }

  /**
   * Decodes input that must hold whole messages and nothing else.
   *
   * @throws AssertionError if decoding fails or leaves a partial message buffered (detected by a
   *     message count different from {@code expected})
   */
  public static List<InboundMessage> decodeAll(
      Codec codec, byte[] input, int expected, int... chunkSizes) {
    Outcome outcome = feed(codec.newDecoder(), input, chunkSizes);
    if (outcome.error() != null) {
      AssertionError e = new AssertionError("decoding failed: " + outcome.error().getMessage());
      e.initCause(outcome.error());
      throw e;
    }
    if (outcome.messages().size() != expected) {
      throw new AssertionError(
          "expected " + expected + " messages, decoded " + outcome.messages().size());
    }
    return outcome.messages();
  }

  /** Decodes one whole frame. */
  public static InboundMessage decodeOne(Codec codec, byte[] frame, int... chunkSizes) {
    return decodeAll(codec, frame, 1, chunkSizes).get(0);
  }
}
