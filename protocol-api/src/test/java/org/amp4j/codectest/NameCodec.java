package org.amp4j.codectest;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.amp4j.EncodingException;
import org.amp4j.spi.Codec;
import org.amp4j.spi.FrameBuffer;
import org.amp4j.spi.MessageDecoder;
import org.amp4j.spi.OutboundMessage;

/**
 * A codec for tests of what writes encoded messages: a call is encoded as its command name's ASCII
 * bytes, an answer or error as its tag's, without framing. A name starting with {@code bad} fails
 * half-way, with {@link EncodingException}, after appending half of its bytes, so that a caller's
 * clean-up shows. It counts the messages it encoded into arrays of their own ({@link
 * #encode(OutboundMessage)}). Thread-safe; it decodes nothing.
 */
public final class NameCodec implements Codec {

  private final AtomicInteger ownArrays = new AtomicInteger();

  /** A call with no values, which this codec encodes as {@code name}. */
  public static OutboundMessage named(String name) {
    return OutboundMessage.call(name, null, List.of());
  }

  @Override
  public String name() {
    return "names";
  }

  @Override
  public byte[] encode(OutboundMessage message) {
    ownArrays.incrementAndGet();
    FrameBuffer out = new FrameBuffer(0);
    encode(message, out);
    return Arrays.copyOf(out.array(), out.size());
  }

  @Override
  public void encode(OutboundMessage message, FrameBuffer out) {
    String name = message.command() != null ? message.command() : message.tag();
    byte[] bytes = name.getBytes(US_ASCII);
    if (name.startsWith("bad")) {
      out.write(bytes, 0, bytes.length / 2);
      throw new EncodingException("cannot encode " + name);
    }
    out.write(bytes);
  }

  /** How many messages were encoded into arrays of their own. */
  public int ownArrays() {
    return ownArrays.get();
  }

  @Override
  public MessageDecoder newDecoder() {
    throw new UnsupportedOperationException("a codec for writing only");
  }
}
