package org.amp4j.codec.amp;

import java.util.LinkedHashMap;
import java.util.Map;
import org.amp4j.Limits;
import org.amp4j.codectest.CodecConformanceTest;
import org.amp4j.codectest.GoldenMessages;
import org.amp4j.spi.Codec;

/**
 * The shared codec suite against plain AMP. The golden frames are Twisted 22.4's own bytes, from
 * amp-vectors.json: {@code request_sum_simple}, {@code request_no_answer}, {@code
 * request_every_type} (its pairs after {@code _command}, behind {@code _answer=1}, which sorts
 * first as it did there), {@code error_declared} and {@code answer_with_amplist}.
 */
class AmpConformanceTest extends CodecConformanceTest {

  @Override
  protected Codec codec(Limits limits) {
    return new AmpCodecProvider().create(limits);
  }

  @Override
  protected boolean decodesValuesLazily() {
    return true;
  }

  @Override
  protected Map<String, String> goldenHex() {
    Map<String, String> hex = new LinkedHashMap<>();
    hex.put(GoldenMessages.CALL_WITH_TAG, Vectors.wireHex("request_sum_simple"));
    hex.put(GoldenMessages.CALL_WITHOUT_TAG, Vectors.wireHex("request_no_answer"));
    String everyType = Vectors.wireHex("request_every_type");
    String askAndCommand = "00045f61736b000131" + "00085f636f6d6d616e6400074563686f416c6c";
    if (!everyType.startsWith(askAndCommand)) {
      throw new IllegalStateException("request_every_type does not start with _ask, _command");
    }
    hex.put(
        GoldenMessages.ANSWER_SEVERAL_TYPES,
        "00075f616e73776572000131" + everyType.substring(askAndCommand.length()));
    hex.put(GoldenMessages.ERROR, Vectors.wireHex("error_declared"));
    hex.put(GoldenMessages.ANSWER_WITH_RECORDS, Vectors.wireHex("answer_with_amplist"));
    return hex;
  }
}
