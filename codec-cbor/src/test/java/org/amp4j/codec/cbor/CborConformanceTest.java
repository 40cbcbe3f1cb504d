package org.amp4j.codec.cbor;

import java.util.LinkedHashMap;
import java.util.Map;
import org.amp4j.Limits;
import org.amp4j.codectest.CodecConformanceTest;
import org.amp4j.codectest.GoldenMessages;
import org.amp4j.spi.Codec;

/**
 * The shared codec suite, run against the CBOR codec. Golden frames are written item by item in RFC
 * 8949 notation: {@code a3} a map of 3, {@code 64} text of 4, {@code c4 82} tag 4 on an array of 2,
 * and so on.
 */
class CborConformanceTest extends CodecConformanceTest {

  @Override
  protected Codec codec(Limits limits) {
    return new CborCodecProvider().create(limits);
  }

  @Override
  protected Map<String, String> goldenHex() {
    Map<String, String> hex = new LinkedHashMap<>();
    hex.put(
        GoldenMessages.CALL_WITH_TAG,
        hex(
            "0000001d",
            "a3",
            "64 63616c6c 63 53756d", // "call": "Sum"
            "63 746167 61 31", // "tag": "1"
            "64 61726773 a2", // "args": {
            "61 61 0d", // "a": 13
            "61 62 18 51")); // "b": 81
    hex.put(
        GoldenMessages.CALL_WITHOUT_TAG,
        hex(
            "0000002b",
            "a2",
            "64 63616c6c 66 4e6f74696679", // "call": "Notify"
            "64 61726773 a1", // "args": {
            "67 6d657373616765 6f 6669726520616e6420666f72676574")); // "message": "fire..."
    hex.put(
        GoldenMessages.ANSWER_SEVERAL_TYPES,
        hex(
            "000000cb",
            "a2",
            "66 616e73776572 61 31", // "answer": "1"
            "66 76616c756573 ab", // "values": { 11 entries
            "67 696e7465676572 26", // "integer": -7
            "66 737472696e67 44 0062696e", // "string": h'0062696e'
            "67 756e69636f6465 68 c3bc6d6cc3a47574", // "unicode": "ümläut"
            "67 626f6f6c65616e f5", // "boolean": true
            "65 666c6f6174 fb 4004000000000000", // "float": 2.5 (float 64)
            "67 646563696d616c c4 82 21 19013a", // "decimal": 4([-2, 314])
            "68 6461746574696d65 c0 7820", // "datetime": 0("...
            "323032342d30322d32395431333a31343a31352e3136313731382b30313a3030",
            "64 70617468 6b 2f616d702d746573742f70", // "path": "/amp-test/p"
            "68 696e745f6c697374 82 01 02", // "int_list": [1, 2]
            "69 746578745f6c697374 81 61 78", // "text_list": ["x"]
            "67 7265636f726473 81 a2", // "records": [{
            "62 6964 01 64 6e616d65 63 6f6e65")); // "id": 1, "name": "one"
    hex.put(
        GoldenMessages.ERROR,
        hex(
            "00000039",
            "a3",
            "65 6572726f72 61 31", // "error": "1"
            "64 636f6465 6d 5a45524f5f4449564953494f4e", // "code": "ZERO_DIVISION"
            "6b 6465736372697074696f6e 70 6469766973696f6e206279207a65726f"));
    hex.put(
        GoldenMessages.ANSWER_WITH_RECORDS,
        hex(
            "00000069",
            "a2",
            "66 616e73776572 61 31", // "answer": "1"
            "66 76616c756573 a1", // "values": {
            "67 7265636f726473 83", // "records": [
            "a3 65 696e646578 00 65 6c6162656c 65 6974656d30 64 6576656e f5",
            "a3 65 696e646578 01 65 6c6162656c 65 6974656d31 64 6576656e f4",
            "a3 65 696e646578 02 65 6c6162656c 65 6974656d32 64 6576656e f5"));
    return hex;
  }

  /** Joins hex pieces, dropping spaces. */
  static String hex(String... pieces) {
    return String.join("", pieces).replace(" ", "");
  }
}
