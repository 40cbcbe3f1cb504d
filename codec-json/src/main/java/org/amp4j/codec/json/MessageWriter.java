package org.amp4j.codec.json;

import static org.amp4j.spi.MessageParts.required;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import org.amp4j.EncodingException;
import org.amp4j.Limits;
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
 * the limits. Immutable and thread-safe.
 */
final class MessageWriter {

  private final JsonFactory factory;
  private final Limits limits;
  private final ValueWriter values;

  MessageWriter(JsonFactory factory, Limits limits, ValueWriter values) {
    this.factory = factory;
    this.limits = limits;
    this.values = values;
  }

  /**
   * The frame of a message.
   *
   * @throws EncodingException if it cannot be encoded within the limits
   */
  byte[] encode(OutboundMessage message) {
    FrameSink sink = new FrameSink(limits.maxFrameLength());
    try {
      try (JsonGenerator out = factory.createGenerator(sink)) {
        write(out, message);
      }
      return sink.frame();
    } catch (FrameSink.Overflow e) {
      throw new EncodingException(
          "message is longer than maxFrameLength " + limits.maxFrameLength() + " bytes", e);
    } catch (EncodingException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new EncodingException("message cannot be encoded: " + e.getMessage(), e);
    }
  }

  private void write(JsonGenerator out, OutboundMessage m) throws IOException {
    switch (m.kind()) {
      case CALL -> {
        out.writeStartObject(m, m.tag() == null ? 2 : 3);
        text(out, MessageKey.CALL, required(m.command(), "command"));
        if (m.tag() != null) {
          tag(out, MessageKey.TAG, m.tag());
        }
        values(out, MessageKey.ARGS, m.values());
      }
      case ANSWER -> {
        out.writeStartObject(m, 2);
        tag(out, MessageKey.ANSWER, required(m.tag(), "tag"));
        values(out, MessageKey.VALUES, m.values());
      }
      case ERROR -> {
        FramedMessages.checkNoValues(m);
        out.writeStartObject(m, 3);
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
    out.writeStartObject(list, list.size());
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
