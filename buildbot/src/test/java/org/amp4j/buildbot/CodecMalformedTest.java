package org.amp4j.buildbot;

import static org.amp4j.buildbot.Wire.frame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.amp4j.Limits;
import org.amp4j.ProtocolException;
import org.amp4j.spi.MessageDecoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every malformed input is a ProtocolException with a message saying what is wrong. */
class CodecMalformedTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "array instead of map          | 92 01 02                                    | a msgpack map",
        "integer instead of map        | 05                                          | a msgpack map",
        "str instead of map            | a26f70                                      | a msgpack map",
        "nil instead of map            | c0                                          | a msgpack map",
        "no op                         | 81 aa7365715f6e756d626572 01                | str 'op', got none",
        "op is int                     | 82 a26f70 01 aa7365715f6e756d626572 01      | str 'op', got int 1",
        "op key is bin                 | 82 c4026f70 a26869 aa7365715f6e756d626572 01 | keys must be str",
        "int key                       | 83 a26f70 a26869 aa7365715f6e756d626572 01 07 01 | keys must be str",
        "no seq_number                 | 81 a26f70 a26869                            | integer 'seq_number', got none",
        "seq_number is str             | 82 a26f70 a26869 aa7365715f6e756d626572 a131 | integer 'seq_number', got str",
        "seq_number is float           | 82 a26f70 a26869 aa7365715f6e756d626572 cb3ff0000000000000 | got float 1.0",
        "seq_number over 64 bits       | 82 a26f70 a26869 aa7365715f6e756d626572 cfffffffffffffffff | does not fit in 64 bits",
        "invalid UTF-8 in value        | 83 a26f70 a26869 aa7365715f6e756d626572 01 a178 a2c328 | not valid UTF-8",
        "invalid UTF-8 in key          | 83 a26f70 a26869 aa7365715f6e756d626572 01 a2c328 01 | not valid UTF-8",
        "surrogate encoded in UTF-8    | 82 a26f70 a3eda080 aa7365715f6e756d626572 01 | not valid UTF-8",
        "truncated map                 | 83 a26f70 a26869                            | malformed msgpack",
        "truncated str                 | 82 a26f70 a568                              | bytes left in the frame",
        "trailing bytes                | 82 a26f70 a26869 aa7365715f6e756d626572 01 c0 | trailing bytes",
        "byte c1                       | 82 a26f70 c1                                | never used",
        "ext value                     | 83 a26f70 a26869 aa7365715f6e756d626572 01 a178 d40107 | ext types",
        "duplicate key                 | 83 a26f70 a26869 a26f70 a26869 aa7365715f6e756d626572 01 | appears twice",
      })
  void decode_malformedPayload_isProtocolException(String name, String hex, String expected) {
    assertThatThrownBy(() -> Wire.decode(frame(hex)))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining(expected.trim());
  }

  @Test
  void decode_zeroLengthFrame_isProtocolException() {
    assertThatThrownBy(() -> Wire.decode(Wire.hex("00000000")))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("frame length 0");
  }

  @Test
  void decode_oversizedFrame_failsOnThePrefixAlone() {
    Limits limits = Limits.builder().maxFrameLength(100).build();
    MessageDecoder decoder = new BuildbotCodec(limits).newDecoder();
    assertThatThrownBy(() -> decoder.next(ByteBuffer.wrap(Wire.hex("00000065"))))
        .isInstanceOf(ProtocolException.class)
        .hasMessage("buildbot frame length 101 exceeds maxFrameLength 100");
  }

  @Test
  void decode_hugeFramePrefix_failsWithoutAllocating() {
    MessageDecoder decoder = Wire.CODEC.newDecoder();
    assertThatThrownBy(() -> decoder.next(ByteBuffer.wrap(Wire.hex("ffffffff"))))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("frame length 4294967295 exceeds maxFrameLength");
  }

  @Test
  void decode_afterFailure_refusesMoreInput() {
    MessageDecoder decoder = Wire.CODEC.newDecoder();
    assertThatThrownBy(() -> decoder.next(ByteBuffer.wrap(frame("05"))))
        .isInstanceOf(ProtocolException.class);
    assertThatThrownBy(() -> decoder.next(ByteBuffer.wrap(frame(CodecGoldenTest.RESPONSE_0_NIL))))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("decoder already failed");
  }

  @Test
  void decode_declaredLengthsOverLimits_areRefused() {
    Limits limits =
        Limits.builder()
            .maxValueLength(3)
            .maxListLength(2)
            .maxFieldCount(1)
            .maxNestingDepth(2)
            .build();
    String head = "a26f70 a26869 aa7365715f6e756d626572 01 a178 ";
    assertThatThrownBy(() -> Wire.decode(frame("83 " + head + "a46c6f6e67"), limits))
        .hasMessageContaining("str of 4 bytes exceeds maxValueLength 3");
    assertThatThrownBy(() -> Wire.decode(frame("83 " + head + "c404 01020304"), limits))
        .hasMessageContaining("bin of 4 bytes exceeds maxValueLength 3");
    assertThatThrownBy(() -> Wire.decode(frame("83 " + head + "93 01 02 03"), limits))
        .hasMessageContaining("array of 3 elements exceeds maxListLength 2");
    assertThatThrownBy(() -> Wire.decode(frame("83 " + head + "82 a161 01 a162 02"), limits))
        .hasMessageContaining("map of 2 entries exceeds maxFieldCount 1");
    assertThatThrownBy(() -> Wire.decode(frame("83 " + head + "91 91 91 01"), limits))
        .hasMessageContaining("deeper than maxNestingDepth 2");
    // the envelope keys do not count against maxFieldCount
    assertThat(Wire.decode(frame("83 " + head + "01"), limits).fields().names())
        .containsExactly("x");
  }

  @Test
  void decode_arrayLengthBeyondFrame_isRefusedBeforeAllocating() {
    // array32 claiming 2^31-1 elements in a tiny frame
    assertThatThrownBy(
            () -> Wire.decode(frame("83 a26f70 a26869 aa7365715f6e756d626572 01 a178 dd7fffffff")))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("exceeds");
  }
}
