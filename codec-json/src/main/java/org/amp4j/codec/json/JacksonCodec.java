package org.amp4j.codec.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Base64;
import java.util.Objects;
import org.amp4j.Limits;
import org.amp4j.spi.Codec;
import org.amp4j.spi.FrameBuffer;
import org.amp4j.spi.LengthPrefixedDecoder;
import org.amp4j.spi.MessageDecoder;
import org.amp4j.spi.OutboundMessage;
import org.amp4j.value.AmpDecimal;

/**
 * A {@link Codec} for any format that Jackson streams (JSON, CBOR, Smile...): the framing, message
 * layout, value mapping and limits of {@code docs/codecs.md}, with the few places where formats
 * differ left to a {@link Format}. {@link JsonCodecProvider} uses it with a plain {@link
 * JsonFactory} and the default format; a codec for another Jackson format is a provider of a few
 * lines:
 *
 * <pre>{@code
 * public Codec create(Limits limits) {
 *   return new JacksonCodec("cbor", new CBORFactory(), limits, new CborFormat());
 * }
 * }</pre>
 *
 * <p>Every frame is a length prefix and one map:
 *
 * <pre>
 * +-------------------+-----------------------------------------------------+
 * | length: u32, big- | {"call": name, "tag": tag, "args": {key: value...}} |
 * | endian, 1..max    | {"answer": tag, "values": {key: value...}}          |
 * |                   | {"error": tag, "code": code, "description": text}   |
 * +-------------------+-----------------------------------------------------+
 * </pre>
 *
 * <p>Decoding reads each frame into plain values with every {@link Limits} checked as it goes
 * (Jackson's {@link StreamReadConstraints} as a backstop, derived from the limits) and never makes
 * objects from names found in the input; values are checked against the reader's types when read.
 * For plain JSON each decoder reads its small frames with one parser fed frame by frame, to the
 * same outcome as a new parser for each ({@link ConnectionReader}). Instances are immutable and
 * thread-safe; each decoder serves one connection.
 */
public final class JacksonCodec implements Codec {

  /** The most digits a float or decimal may have when {@code maxIntegerDigits} is lower. */
  static final int MIN_NUMBER_DIGITS = 1000;

  private final String name;
  private final Format format;
  private final MessageWriter writer;
  private final MessageReader reader;
  private final JsonFactory feeds; // non-null when decoders feed one parser frame by frame
  private final int maxFrameLength;

  /**
   * Creates the codec.
   *
   * @param name the codec's configuration name, such as {@code json}; also the name value types are
   *     resolved with ({@link org.amp4j.value.ValueType#forCodec})
   * @param factory the Jackson factory of the format, with its format features set; the codec uses
   *     a copy with read and write constraints derived from {@code limits}
   * @param limits the limits to enforce
   * @param format how values are written and read where the format differs from JSON
   */
  public JacksonCodec(String name, JsonFactory factory, Limits limits, Format format) {
    this.name = Objects.requireNonNull(name, "name");
    this.format = Objects.requireNonNull(format, "format");
    Objects.requireNonNull(limits, "limits");
    JsonFactory constrained = constrained(factory, limits);
    this.writer = new MessageWriter(constrained, limits, new ValueWriter(name, limits, format));
    this.reader = new MessageReader(name, constrained, limits, format);
    this.feeds = ConnectionReader.feeds(constrained) ? constrained : null;
    this.maxFrameLength = limits.maxFrameLength();
  }

  /** A copy of the factory with read and write constraints derived from the limits. */
  static JsonFactory constrained(JsonFactory factory, Limits limits) {
    return factory
        .rebuild()
        .streamReadConstraints(readConstraints(limits))
        .streamWriteConstraints(
            StreamWriteConstraints.builder()
                .maxNestingDepth(containerDepth(limits.maxNestingDepth()))
                .build())
        .build();
  }

  private static StreamReadConstraints readConstraints(Limits limits) {
    return StreamReadConstraints.builder()
        .maxNestingDepth(containerDepth(limits.maxNestingDepth()))
        .maxStringLength(Texts.base64Length(limits.maxValueLength()))
        .maxNumberLength(Math.max(limits.maxIntegerDigits(), MIN_NUMBER_DIGITS))
        .build();
  }

  /**
   * Jackson counts every container: the message map, the values map, and a list and a record map
   * for each level of records. Our own count, which is exact, comes first.
   */
  private static int containerDepth(int maxNestingDepth) {
    return (int) Math.min(Integer.MAX_VALUE, 2L * maxNestingDepth + 2);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public byte[] encode(OutboundMessage message) {
    return writer.encode(message);
  }

  @Override
  public void encode(OutboundMessage message, FrameBuffer out) {
    writer.encode(message, out);
  }

  @Override
  public MessageDecoder newDecoder() {
    return new LengthPrefixedDecoder(
        name, maxFrameLength, feeds == null ? reader::read : new ConnectionReader(reader, feeds));
  }

  @Override
  public String toString() {
    return "JacksonCodec[" + name + ", " + format.getClass().getSimpleName() + "]";
  }

  /**
   * How one format writes and reads the values that JSON has no native form for. The defaults are
   * JSON's forms ({@code docs/codecs.md}): integers and finite decimals as number literals, bytes
   * as padded base64 text, float specials as the strings {@code "NaN"}, {@code "Infinity"}, {@code
   * "-Infinity"}, decimal specials as their Python text, date-times as text. A format with native
   * forms overrides the methods that differ.
   *
   * <p>Reading happens in two steps. While a frame is parsed, {@link #readScalar} turns each scalar
   * token into a plain value, one of: {@code String}, {@code Boolean}, null, {@code BigInteger},
   * {@code Double}, {@code byte[]}, {@code BigDecimal} (an exact decimal, such as CBOR's tag 4),
   * or, by default, a JSON number kept as its text. When a value is read with a type, the codec
   * accepts:
   *
   * <ul>
   *   <li>integer: {@code BigInteger}, or an integer literal;
   *   <li>bytes: {@code byte[]}, or base64 text unless {@link #nativeBytesAndFloats()};
   *   <li>float: {@code Double}, {@code BigInteger}, any number literal, or the special strings
   *       unless {@link #nativeBytesAndFloats()};
   *   <li>decimal: {@code BigDecimal}, any number literal, or text of a special value or of a
   *       negative zero;
   *   <li>date-time: text; unicode: text; boolean: {@code Boolean}.
   * </ul>
   *
   * <p>Implementations are stateless and thread-safe.
   */
  public interface Format {

    /** Writes an integer; by default as a number literal. */
    default void writeInteger(JsonGenerator out, BigInteger value) throws IOException {
      if (value.bitLength() < Long.SIZE) {
        out.writeNumber(value.longValue()); // the same digits, without making their text first
      } else {
        out.writeNumber(value);
      }
    }

    /**
     * Writes a {@link org.amp4j.value.ValueTypes#LONG} or {@link org.amp4j.value.ValueTypes#INT}
     * value; by default as {@link #writeInteger} writes its {@code BigInteger}. A format may write
     * the long directly, saving the {@code BigInteger}, if the bytes are the same.
     */
    default void writeLong(JsonGenerator out, long value) throws IOException {
      writeInteger(out, BigInteger.valueOf(value));
    }

    /** Writes bytes; by default as base64 text (RFC 4648 section 4, padded). */
    default void writeBytes(JsonGenerator out, byte[] value) throws IOException {
      out.writeString(Base64.getEncoder().encodeToString(value));
    }

    /**
     * Writes a float; by default the shortest number literal that reads back as the same double,
     * and NaN and the infinities as {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}.
     */
    default void writeFloat(JsonGenerator out, double value) throws IOException {
      if (Double.isNaN(value)) {
        out.writeString("NaN");
      } else if (Double.isInfinite(value)) {
        out.writeString(value > 0 ? "Infinity" : "-Infinity");
      } else {
        out.writeNumber(value);
      }
    }

    /**
     * Writes a decimal; by default a finite one as a number literal exactly as Python's {@code str}
     * writes it ({@code 1.10}, {@code -0}, {@code 1E+2}), the others as that text in a string.
     */
    default void writeDecimal(JsonGenerator out, AmpDecimal value) throws IOException {
      if (value.isFinite()) {
        out.writeNumber(value.toString());
      } else {
        out.writeString(value.toString());
      }
    }

    /**
     * Writes a date-time, given as its text {@code YYYY-MM-DDTHH:MM:SS.ffffff±HH:MM[:SS]}; by
     * default as that text.
     */
    default void writeDateTime(JsonGenerator out, String text) throws IOException {
      out.writeString(text);
    }

    /**
     * The plain value of the parser's current token, which is a scalar (not a field name nor the
     * start or end of a map or list); see the class comment for the types.
     *
     * @throws IOException (or {@link org.amp4j.ProtocolException}) if the token is not a value the
     *     codec carries; the frame is then malformed
     */
    default Object readScalar(JsonParser in) throws IOException {
      JsonToken token = in.currentToken();
      return switch (token) {
        case VALUE_STRING -> in.getText();
        case VALUE_NUMBER_INT -> JsonNumber.integer(in);
        case VALUE_NUMBER_FLOAT -> new JsonNumber(in.getText(), false);
        case VALUE_TRUE -> Boolean.TRUE;
        case VALUE_FALSE -> Boolean.FALSE;
        case VALUE_NULL -> null;
        default -> throw new JsonParseException(in, "unexpected " + token);
      };
    }

    /**
     * Called with the parser on the start of each map and list, the message map included; may
     * refuse what the format does not carry there (such as a CBOR tag). Accepts all by default.
     *
     * @throws IOException (or {@link org.amp4j.ProtocolException}) to refuse it
     */
    default void checkContainer(JsonParser in) throws IOException {}

    /**
     * Whether bytes and float specials have native forms, so that text is not accepted in their
     * place. False by default (JSON has neither).
     */
    default boolean nativeBytesAndFloats() {
      return false;
    }
  }
}
