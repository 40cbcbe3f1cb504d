package org.amp4j.codec.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.amp4j.Limits;
import org.amp4j.ProtocolException;
import org.amp4j.spi.FramedMessages;
import org.amp4j.spi.InboundMessage;
import org.amp4j.spi.MessageKind;
import org.amp4j.spi.PlainFields;

/**
 * Reads the payload of one frame as a message: exactly one map whose first key is {@code call},
 * {@code answer} or {@code error}, with only the keys of that kind, each once, each of its type
 * (see {@link JacksonCodec}). Every Jackson failure becomes a {@link ProtocolException}. Immutable
 * and thread-safe.
 */
final class MessageReader {

  private static final Map<MessageKind, Set<String>> ALLOWED = new EnumMap<>(MessageKind.class);
  private static final Map<MessageKind, List<String>> REQUIRED = new EnumMap<>(MessageKind.class);

  static {
    for (MessageKind kind : MessageKind.values()) {
      ALLOWED.put(kind, FramedMessages.keys(kind));
      REQUIRED.put(kind, FramedMessages.requiredKeys(kind));
    }
  }

  private final String codec;
  private final JsonFactory factory;
  private final JacksonCodec.Format format;
  private final PlainReader plain;
  private final ValueReader values;

  MessageReader(String codec, JsonFactory factory, Limits limits, JacksonCodec.Format format) {
    this.codec = codec;
    this.factory = factory;
    this.format = format;
    this.plain = new PlainReader(limits, format);
    this.values = new ValueReader(codec, limits, format);
  }

  /**
   * The message in {@code payload[offset..offset+length)}.
   *
   * @throws ProtocolException if it is not exactly one well-formed message
   */
  InboundMessage read(byte[] payload, int offset, int length) {
    try (JsonParser in = factory.createParser(payload, offset, length)) {
      if (in.nextToken() != JsonToken.START_OBJECT) {
        throw new ProtocolException(codec + " frame does not hold a map");
      }
      format.checkContainer(in);
      InboundMessage m = readMessage(in);
      JsonToken trailing = in.nextToken();
      if (trailing != null) {
        throw new ProtocolException(codec + " frame has more after the message: " + trailing);
      }
      return m;
    } catch (ProtocolException e) {
      throw e;
    } catch (JsonProcessingException e) {
      throw new ProtocolException("malformed " + codec + " frame: " + e.getOriginalMessage(), e);
    } catch (IOException | RuntimeException e) {
      throw new ProtocolException("malformed " + codec + " frame: " + e, e);
    }
  }

  private InboundMessage readMessage(JsonParser in) throws IOException {
    if (in.nextToken() != JsonToken.FIELD_NAME) {
      throw new ProtocolException("empty message map");
    }
    MessageKind kind = FramedMessages.kindOf(in.currentName());
    if (kind == null) {
      throw new ProtocolException(
          "a message map starts with 'call', 'answer' or 'error', not '" + in.currentName() + "'");
    }
    Set<String> allowed = ALLOWED.get(kind);
    String command = null;
    String tag = null;
    String code = null;
    String description = null;
    Map<String, Object> fields = Map.of();
    int seen = 0;
    do {
      String key = in.currentName();
      if (!allowed.contains(key)) {
        throw new ProtocolException(
            "key '" + key + "' is not part of " + kind.name().toLowerCase() + " message");
      }
      if ((seen & MessageKey.bit(key)) != 0) {
        throw new ProtocolException("key '" + key + "' appears twice in the message");
      }
      seen |= MessageKey.bit(key);
      JsonToken t = in.nextToken();
      if (key.equals(FramedMessages.ARGS) || key.equals(FramedMessages.VALUES)) {
        if (t != JsonToken.START_OBJECT) {
          throw new ProtocolException("'" + key + "' is not a map");
        }
        fields = plain.readMap(in, 0);
      } else {
        Object v = t != null && t.isScalarValue() ? plain.readScalar(in) : null;
        if (!(v instanceof String s)) {
          throw new ProtocolException("'" + key + "' is not text");
        }
        switch (key) {
          case FramedMessages.CALL -> command = s;
          case FramedMessages.CODE -> code = s;
          case FramedMessages.DESCRIPTION -> description = s;
          default -> tag = s; // the tag, or the first key of an answer or an error
        }
      }
    } while (in.nextToken() == JsonToken.FIELD_NAME);
    if (in.currentToken() != JsonToken.END_OBJECT) {
      throw new ProtocolException("the message map is not closed");
    }
    for (String key : REQUIRED.get(kind)) {
      if ((seen & MessageKey.bit(key)) == 0) {
        throw new ProtocolException(kind.name().toLowerCase() + " message lacks '" + key + "'");
      }
    }
    if (tag != null) {
      checkTag(tag);
    }
    return new InboundMessage(
        kind, command, tag, code, description, new PlainFields(fields, values));
  }

  /** A tag, checked to be text of code points up to U+00FF (one per byte). */
  private static void checkTag(String tag) {
    for (int i = 0; i < tag.length(); i++) {
      if (tag.charAt(i) > 0xFF) {
        throw new ProtocolException(
            String.format("tag char %d is U+%04X, beyond U+00FF", i, (int) tag.charAt(i)));
      }
    }
  }
}
