package org.amp4j.codec.json;

import static org.amp4j.spi.MessageParts.required;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.amp4j.EncodingException;
import org.amp4j.Limits;
import org.amp4j.spi.FrameBuffer;
import org.amp4j.spi.FramedMessages;
import org.amp4j.spi.MessageParts;
import org.amp4j.spi.OutboundMessage;
import org.amp4j.spi.TypedValue;
import org.amp4j.spi.ValuePath;

/**
 * Turns an {@link OutboundMessage} into one frame: the length prefix and a map whose first key says
 * what the message is ({@code call}, {@code answer} or {@code error}), laid out as {@link
 * FramedMessages} says, see {@link JacksonCodec}. Maps and lists are written with their sizes
 * (definite lengths where the format has them). Nothing is returned unless the whole message fits
 * the limits. Thread-safe.
 *
 * <p>For plain JSON (a {@link JsonFactory} itself, without output decorator) each thread keeps one
 * generator and the {@link FrameSink} it writes into from frame to frame, so that a message does
 * not pay for a new generator, its I/O context and its write contexts. With no root value separator
 * such a generator writes each message exactly as a new one would; its flush hands the frame over
 * whole. Other formats get a new generator for each frame, as some write a header when one is
 * created (Smile; CBOR's self-describe tag). Bounds of the reuse: one generator per thread that
 * encodes with this writer, holding Jackson's output buffers (by default 8000 bytes and 2000 chars)
 * and nothing of the last message (the sink forgets its frame; containers are started without a
 * current value); released with the thread or the writer. A generator whose frame failed is
 * dropped, since it stands mid-message; an encode nested in another on the same thread (a value
 * conversion that encodes) gets a new generator.
 */
final class MessageWriter {

  private final JsonFactory factory;
  private final Limits limits;
  private final ValueWriter values;
  private final ThreadLocal<Reused> reused; // null when generators are not reused

  /** A thread's generator and the sink it writes into. */
  private static final class Reused {
    final FrameSink sink;
    final JsonGenerator out;
    boolean busy;

    Reused(JsonFactory factory, int maxPayload) {
      sink = new FrameSink(maxPayload);
      try {
        out = factory.createGenerator(sink);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      out.setRootValueSeparator(null); // nothing between one frame's message and the next
    }
  }

  MessageWriter(JsonFactory factory, Limits limits, ValueWriter values) {
    this(factory, limits, values, reusesGenerators(factory));
  }

  /** For tests: {@code reuse} only where {@link #reusesGenerators} holds. */
  MessageWriter(JsonFactory factory, Limits limits, ValueWriter values, boolean reuse) {
    this.factory = factory;
    this.limits = limits;
    this.values = values;
    this.reused =
        reuse ? ThreadLocal.withInitial(() -> new Reused(factory, limits.maxFrameLength())) : null;
  }

  /** Whether the factory's generators may be kept from frame to frame: plain JSON. */
  static boolean reusesGenerators(JsonFactory factory) {
    return factory.getClass() == JsonFactory.class && factory.getOutputDecorator() == null;
  }

  /**
   * The frame of a message.
   *
   * @throws EncodingException if it cannot be encoded within the limits
   */
  byte[] encode(OutboundMessage message) {
    return encode(message, null);
  }

  /**
   * Appends the frame of a message to {@code out} and returns null, or returns it as an array of
   * its own when {@code out} is null.
   *
   * @throws EncodingException if it cannot be encoded within the limits; {@code out} may then hold
   *     part of the frame
   */
  byte[] encode(OutboundMessage message, FrameBuffer out) {
    try {
      Reused r = reused == null ? null : reused.get();
      return r == null || r.busy ? encodeOnce(message, out) : encodeReusing(r, message, out);
    } catch (FrameSink.Overflow e) {
      throw new EncodingException(
          "message is longer than maxFrameLength " + limits.maxFrameLength() + " bytes", e);
    } catch (EncodingException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new EncodingException("message cannot be encoded: " + e.getMessage(), e);
    }
  }

  private byte[] encodeOnce(OutboundMessage message, FrameBuffer target) throws IOException {
    FrameSink sink = new FrameSink(limits.maxFrameLength());
    if (target != null) {
      sink.into(target);
    }
    try (JsonGenerator out = factory.createGenerator(sink)) {
      write(out, message);
    }
    return sink.frame();
  }

  private byte[] encodeReusing(Reused r, OutboundMessage message, FrameBuffer target)
      throws IOException {
    r.busy = true;
    boolean done = false;
    try {
      if (target != null) {
        r.sink.into(target);
      }
      write(r.out, message);
      r.out.flush();
      byte[] frame = r.sink.frame();
      done = true;
      return frame;
    } finally {
      r.busy = false;
      if (!done) {
        reused.remove(); // mid-message: the thread's next frame gets a new generator
      }
    }
  }

  private void write(JsonGenerator out, OutboundMessage m) throws IOException {
    switch (m.kind()) {
      case CALL -> {
        out.writeStartObject(null, m.tag() == null ? 2 : 3);
        text(out, MessageKey.CALL, required(m.command(), "command"));
        if (m.tag() != null) {
          tag(out, MessageKey.TAG, m.tag());
        }
        values(out, MessageKey.ARGS, m.values());
      }
      case ANSWER -> {
        out.writeStartObject(null, 2);
        tag(out, MessageKey.ANSWER, required(m.tag(), "tag"));
        values(out, MessageKey.VALUES, m.values());
      }
      case ERROR -> {
        FramedMessages.checkNoValues(m);
        out.writeStartObject(null, 3);
        tag(out, MessageKey.ERROR, required(m.tag(), "tag"));
        text(out, MessageKey.CODE, required(m.errorCode(), "code"));
        text(out, MessageKey.DESCRIPTION, required(m.errorDescription(), "description"));
      }
    }
    out.writeEndObject();
  }

  private void values(JsonGenerator out, MessageKey key, List<TypedValue<?>> list)
      throws IOException {
    FramedMessages.checkValues(list, limits);
    for (TypedValue<?> v : list) {
      if (Texts.utf8Length(v.name()) < 0) {
        throw new EncodingException("key '" + v.name() + "' has an unpaired surrogate");
      }
    }
    out.writeFieldName(key.serialized);
    out.writeStartObject(null, list.size());
    for (TypedValue<?> v : list) {
      out.writeFieldName(v.name());
      values.write(out, v.type(), v.value(), ValuePath.key(v.name()));
    }
    out.writeEndObject();
  }

  private void text(JsonGenerator out, MessageKey key, String text) throws IOException {
    out.writeFieldName(key.serialized);
    values.writeText(out, text, key.path);
  }

  private void tag(JsonGenerator out, MessageKey key, String tag) throws IOException {
    text(out, key, MessageParts.tag(tag));
  }
}
