package org.amp4j.codec.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Map;
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

  /** By kind (its ordinal), the keys a message may have, as a set of {@link MessageKey} bits. */
  private static final int[] ALLOWED = new int[MessageKind.values().length];

  /** By kind (its ordinal), the keys a message must have, in layout order. */
  private static final MessageKey[][] REQUIRED = new MessageKey[MessageKind.values().length][];

  static {
    for (MessageKind kind : MessageKind.values()) {
      ALLOWED[kind.ordinal()] = MessageKey.bits(FramedMessages.keys(kind));
      REQUIRED[kind.ordinal()] =
          FramedMessages.requiredKeys(kind).stream().map(MessageKey::of).toArray(MessageKey[]::new);
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

  /**
   * Reads the message map that the parser's next token starts; afterwards the parser is on its
   * END_OBJECT. What follows it is left to the caller.
   *
   * @throws ProtocolException or IOException if the map is not a well-formed message
   */
  InboundMessage readMessage(JsonParser in) throws IOException {
    if (in.nextToken() != JsonToken.START_OBJECT) {
      throw new ProtocolException(codec + " frame does not hold a map");
    }
    format.checkContainer(in);
    if (in.nextToken() != JsonToken.FIELD_NAME) {
      throw new ProtocolException("empty message map");
    }
    MessageKind kind = FramedMessages.kindOf(in.currentName());
    if (kind == null) {
      throw new ProtocolException(
          "a message map starts with 'call', 'answer' or 'error', not '" + in.currentName() + "'");
    }
    int allowed = ALLOWED[kind.ordinal()];
    String command = null;
    String tag = null;
    String code = null;
    String description = null;
    Map<String, Object> fields = Map.of();
    int seen = 0;
    JsonToken next;
    do {
      String name = in.currentName();
      MessageKey key = MessageKey.of(name);
      if (key == null || (allowed & key.bit) == 0) {
        throw new ProtocolException(
            "key '" + name + "' is not part of " + kind.name().toLowerCase() + " message");
      }
      if ((seen & key.bit) != 0) {
        throw new ProtocolException("key '" + name + "' appears twice in the message");
      }
      seen |= key.bit;
      JsonToken t = in.nextToken();
      if (key == MessageKey.ARGS || key == MessageKey.VALUES) {
        if (t != JsonToken.START_OBJECT) {
          throw new ProtocolException("'" + name + "' is not a map");
        }
        fields = plain.readMap(in, 0);
      } else {
        Object v = t != null && t.isScalarValue() ? plain.readScalar(in) : null;
        if (!(v instanceof String s)) {
          throw new ProtocolException("'" + name + "' is not text");
        }
        switch (key) {
          case CALL -> command = s;
          case CODE -> code = s;
          case DESCRIPTION -> description = s;
          default -> tag = s; // the tag, or the first key of an answer or an error
        }
      }
    } while ((next = in.nextToken()) == JsonToken.FIELD_NAME);
    if (next != JsonToken.END_OBJECT) { // the token returned: see PlainReader.readValue
      throw new ProtocolException("the message map is not closed");
    }
    for (MessageKey key : REQUIRED[kind.ordinal()]) {
      if ((seen & key.bit) == 0) {
        throw new ProtocolException(
            kind.name().toLowerCase() + " message lacks '" + key.text + "'");
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
