package org.amp4j.codec.msgpack;

import java.util.LinkedHashMap;
import java.util.Map;
import org.amp4j.Limits;
import org.amp4j.codectest.CodecConformanceTest;
import org.amp4j.codectest.GoldenMessages;
import org.amp4j.spi.Codec;

/**
 * The shared codec suite, run against the msgpack codec. The golden frames were written out by hand
 * from the msgpack spec and docs/codecs.md, one commented piece per map entry.
 */
class MsgpackConformanceTest extends CodecConformanceTest {

  @Override
  protected Codec codec(Limits limits) {
    return new MsgpackCodecProvider().create(limits);
  }

  @Override
  protected Map<String, String> goldenHex() {
    Map<String, String> golden = new LinkedHashMap<>();
    golden.put(
        GoldenMessages.CALL_WITH_TAG,
        "0000001c" // 28 bytes
            + "83" // map of 3
            + "a463616c6c"
            + "a353756d" // "call": "Sum"
            + "a3746167"
            + "a131" // "tag": "1"
            + "a461726773"
            + "82" // "args": map of 2
            + "a161"
            + "0d" // "a": 13
            + "a162"
            + "51"); // "b": 81
    golden.put(
        GoldenMessages.CALL_WITHOUT_TAG,
        "0000002b" // 43 bytes
            + "82" // map of 2: no "tag"
            + "a463616c6c"
            + "a64e6f74696679" // "call": "Notify"
            + "a461726773"
            + "81" // "args": map of 1
            + "a76d657373616765" // "message":
            + "af6669726520616e6420666f72676574"); // "fire and forget"
    golden.put(
        GoldenMessages.ANSWER_SEVERAL_TYPES,
        "000000bb" // 187 bytes
            + "82" // map of 2
            + "a6616e73776572"
            + "a131" // "answer": "1"
            + "a676616c756573"
            + "8b" // "values": map of 11
            + "a7696e7465676572"
            + "f9" // "integer": negative fixint -7
            + "a6737472696e67"
            + "c404"
            + "0062696e" // "string": bin 8 of 4
            + "a7756e69636f6465"
            + "a8c3bc6d6cc3a47574" // "unicode": "ümläut", 8 UTF-8 bytes
            + "a7626f6f6c65616e"
            + "c3" // "boolean": true
            + "a5666c6f6174"
            + "cb4004000000000000" // "float": float 64 2.5
            + "a7646563696d616c"
            + "d602"
            + "332e3134" // "decimal": fixext 4, type 2, "3.14"
            + "a86461746574696d65"
            + "d803" // "datetime": fixext 16, type 3:
            + "0000000065e08327" // 2024-02-29T13:14:15 read as UTC = 1709212455 s
            + "000277b6" // 161718 µs
            + "00000e10" // offset +3600 s
            + "a470617468"
            + "ab2f616d702d746573742f70" // "path": "/amp-test/p"
            + "a8696e745f6c697374"
            + "92"
            + "01"
            + "02" // "int_list": [1, 2]
            + "a9746578745f6c697374"
            + "91"
            + "a178" // "text_list": ["x"]
            + "a77265636f726473"
            + "91"
            + "82" // "records": [map of 2
            + "a26964"
            + "01" // "id": 1
            + "a46e616d65"
            + "a36f6e65"); // "name": "one"]
    golden.put(
        GoldenMessages.ERROR,
        "00000039" // 57 bytes
            + "83" // map of 3
            + "a56572726f72"
            + "a131" // "error": "1"
            + "a4636f6465"
            + "ad5a45524f5f4449564953494f4e" // "code": "ZERO_DIVISION"
            + "ab6465736372697074696f6e" // "description":
            + "b06469766973696f6e206279207a65726f"); // "division by zero"
    golden.put(
        GoldenMessages.ANSWER_WITH_RECORDS,
        "00000069" // 105 bytes
            + "82" // map of 2
            + "a6616e73776572"
            + "a131" // "answer": "1"
            + "a676616c756573"
            + "81" // "values": map of 1
            + "a77265636f726473"
            + "93" // "records": array of 3
            + "83"
            + "a5696e646578"
            + "00" // {"index": 0,
            + "a56c6162656c"
            + "a56974656d30" // "label": "item0",
            + "a46576656e"
            + "c3" // "even": true}
            + "83"
            + "a5696e646578"
            + "01" // {"index": 1,
            + "a56c6162656c"
            + "a56974656d31" // "label": "item1",
            + "a46576656e"
            + "c2" // "even": false}
            + "83"
            + "a5696e646578"
            + "02" // {"index": 2,
            + "a56c6162656c"
            + "a56974656d32" // "label": "item2",
            + "a46576656e"
            + "c3"); // "even": true}
    return golden;
  }
}
