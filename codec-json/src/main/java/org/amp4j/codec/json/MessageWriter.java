package org.amp4j.codec.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.amp4j.EncodingException;
import org.amp4j.Limits;
import org.amp4j.spi.OutboundMessage;
import org.amp4j.spi.TypedValue;

/**
 * Turns an {@link OutboundMessage} into one frame: the length prefix and a map whose first key says
 * what the message is ({@code call}, {@code answer} or {@code error}), see {@link JacksonCodec}.
 * Maps and lists are written with their sizes (definite lengths where the format has them). Nothing
 * is returned unless the whole message fits the limits. Immutable and thread-safe.
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
        text(out, Keys.CALL, required(m.command(), "command"));
        if (m.tag() != null) {
          tag(out, Keys.TAG, m.tag());
        }
        values(out, Keys.ARGS, m.values());
      }
      case ANSWER -> {
        out.writeStartObject(m, 2);
        tag(out, Keys.ANSWER, required(m.tag(), "tag"));
        values(out, Keys.VALUES, m.values());
      }
      case ERROR -> {
        if (!m.values().isEmpty()) {
          throw new EncodingException(
              "an error message carries only a tag, a code and a description, not "
                  + m.values().size()
                  + " values");
        }
        out.writeStartObject(m, 3);
        tag(out, Keys.ERROR, required(m.tag(), "tag"));
        text(out, Keys.CODE, required(m.errorCode(), "code"));
        text(out, Keys.DESCRIPTION, required(m.errorDescription(), "description"));
      }
    }
    out.writeEndObject();
  }

  private void values(JsonGenerator out, String key, List<TypedValue<?>> list) throws IOException {
    if (list.size() > limits.maxFieldCount()) {
      throw new EncodingException(
          "message has "
              + list.size()
              + " values, more than maxFieldCount "
              + limits.maxFieldCount());
    }
    Set<String> seen = new HashSet<>();
    for (TypedValue<?> v : list) {
      if (!seen.add(v.name())) {
        throw new EncodingException("value '" + v.name() + "' appears twice");
      }
      if (Texts.utf8Length(v.name()) < 0) {
        throw new EncodingException("key '" + v.name() + "' has an unpaired surrogate");
      }
    }
    out.writeFieldName(key);
    out.writeStartObject(list, list.size());
    for (TypedValue<?> v : list) {
      out.writeFieldName(v.name());
      values.write(out, v.type(), v.value(), Where.key(v.name()));
    }
    out.writeEndObject();
  }

  private void text(JsonGenerator out, String key, String text) throws IOException {
    out.writeFieldName(key);
    values.writeText(out, text, Where.key(key));
  }

  private void tag(JsonGenerator out, String key, String tag) throws IOException {
    for (int i = 0; i < tag.length(); i++) {
      char c = tag.charAt(i);
      if (c > 0xFF) {
        throw new EncodingException(
            String.format(
                "tag char %d is U+%04X, which is not a byte (tags are ISO-8859-1 text)",
                i, (int) c));
      }
    }
    text(out, key, tag);
  }

  private static String required(String s, String what) {
    if (s == null) {
      throw new EncodingException("the message has no " + what);
    }
    return s;
  }
}
