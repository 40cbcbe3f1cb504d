package org.amp4j.codec.cbor;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.CBORParser;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import org.amp4j.codec.json.JacksonCodec;
import org.amp4j.value.AmpDecimal;

/**
 * CBOR's forms of the values JSON lacks: byte strings, IEEE floats (written as float 64, read at
 * any width), bignums beyond the int64 range (Jackson cannot write a uint64 head), decimal
 * fractions (tag 4) and date-time text under tag 0. A negative zero and the special decimals stay
 * text, as in JSON. Any other tag is refused.
 */
final class CborFormat implements JacksonCodec.Format {

  private static final int TAG_DATETIME = 0;
  private static final int TAG_BIGNUM = 2;
  private static final int TAG_NEGATIVE_BIGNUM = 3;
  private static final int TAG_DECIMAL_FRACTION = 4;

  @Override
  public void writeInteger(JsonGenerator out, BigInteger value) throws IOException {
    if (value.bitLength() <= 63) {
      out.writeNumber(value.longValue());
      return;
    }
    // Jackson would write every BigInteger as a bignum with a sign byte; RFC 8949 wants the
    // magnitude (of -1 - n for a negative n) without leading zeros.
    boolean negative = value.signum() < 0;
    byte[] magnitude = (negative ? value.negate().subtract(BigInteger.ONE) : value).toByteArray();
    int skip = magnitude[0] == 0 ? 1 : 0;
    ((CBORGenerator) out).writeTag(negative ? TAG_NEGATIVE_BIGNUM : TAG_BIGNUM);
    out.writeBinary(Arrays.copyOfRange(magnitude, skip, magnitude.length));
  }

  @Override
  public void writeLong(JsonGenerator out, long value) throws IOException {
    out.writeNumber(value); // as writeInteger writes a value of 63 bits or less
  }

  @Override
  public void writeBytes(JsonGenerator out, byte[] value) throws IOException {
    out.writeBinary(value);
  }

  @Override
  public void writeFloat(JsonGenerator out, double value) throws IOException {
    out.writeNumber(value);
  }

  @Override
  public void writeDecimal(JsonGenerator out, AmpDecimal value) throws IOException {
    if (value.isFinite() && !(value.isNegative() && value.toBigDecimal().signum() == 0)) {
      out.writeNumber(value.toBigDecimal()); // tag 4 [exponent, mantissa]
    } else {
      out.writeString(value.toString());
    }
  }

  @Override
  public void writeDateTime(JsonGenerator out, String text) throws IOException {
    ((CBORGenerator) out).writeTag(TAG_DATETIME);
    out.writeString(text);
  }

  @Override
  public Object readScalar(JsonParser in) throws IOException {
    CBORParser.TagList tags = ((CBORParser) in).getCurrentTags();
    JsonToken token = in.currentToken();
    switch (token) {
      case VALUE_STRING:
        onlyTag(in, tags, TAG_DATETIME);
        return in.getText();
      case VALUE_NUMBER_INT:
        onlyTag(in, tags, -1); // bignum tags are consumed by the parser
        return in.getBigIntegerValue();
      case VALUE_NUMBER_FLOAT:
        if (in.getNumberType() == JsonParser.NumberType.BIG_DECIMAL) {
          onlyTag(in, tags, TAG_DECIMAL_FRACTION);
          return in.getDecimalValue();
        }
        onlyTag(in, tags, -1);
        return in.getDoubleValue();
      case VALUE_TRUE:
      case VALUE_FALSE:
      case VALUE_NULL:
        onlyTag(in, tags, -1);
        return token == JsonToken.VALUE_NULL ? null : token == JsonToken.VALUE_TRUE;
      case VALUE_EMBEDDED_OBJECT:
        onlyTag(in, tags, -1);
        if (in.getEmbeddedObject() instanceof byte[] bytes) {
          return bytes;
        }
        throw new JsonParseException(in, "CBOR undefined or simple value");
      default:
        throw new JsonParseException(in, "unexpected " + token);
    }
  }

  @Override
  public void checkContainer(JsonParser in) throws IOException {
    onlyTag(in, ((CBORParser) in).getCurrentTags(), -1);
  }

  /** Refuses any tag but {@code allowed} (-1: none). */
  private static void onlyTag(JsonParser in, CBORParser.TagList tags, int allowed)
      throws JsonParseException {
    if (tags.isEmpty() || (tags.size() == 1 && tags.getFirstTag() == allowed)) {
      return;
    }
    throw new JsonParseException(in, "CBOR tag " + tags.getFirstTag() + " is not expected here");
  }

  @Override
  public boolean nativeBytesAndFloats() {
    return true;
  }
}
