package org.amp4j.buildbot;

import static org.amp4j.buildbot.Wire.decode;
import static org.amp4j.buildbot.Wire.frame;
import static org.amp4j.buildbot.Wire.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.amp4j.RemoteException;
import org.amp4j.spi.InboundMessage;
import org.amp4j.spi.MessageKind;
import org.amp4j.spi.OutboundMessage;
import org.amp4j.spi.TypedValue;
import org.amp4j.value.ValueTypes;
import org.junit.jupiter.api.Test;

/** Golden bytes, written by hand from buildbot-msgpack.md, both ways. */
class CodecGoldenTest {

  // {"op":"response","seq_number":0,"result":nil}
  static final String RESPONSE_0_NIL =
      "83 a26f70 a8726573706f6e7365 aa7365715f6e756d626572 00 a6726573756c74 c0";

  // {"op":"complete","args":nil,"command_id":"cmd-1","seq_number":1} (the worker's key order)
  static final String COMPLETE_1 =
      "84 a26f70 a8636f6d706c657465 a461726773 c0 aa636f6d6d616e645f6964 a5636d642d31"
          + " aa7365715f6e756d626572 01";

  @Test
  void encode_nilAnswer_isResponseWithNilResult() {
    byte[] bytes = Wire.CODEC.encode(OutboundMessage.answer("0", List.of()));
    assertThat(hex(bytes)).isEqualTo(hex(frame(RESPONSE_0_NIL)));
    assertThat(bytes).startsWith(0, 0, 0, 33);
  }

  @Test
  void encode_binResult_isBin() {
    byte[] bytes =
        Wire.CODEC.encode(
            OutboundMessage.answer(
                "1", List.of(new TypedValue<>("result", ValueTypes.BYTES, new byte[] {1, 2}))));
    assertThat(hex(bytes))
        .isEqualTo(
            hex(
                frame(
                    "83 a26f70 a8726573706f6e7365 aa7365715f6e756d626572 01"
                        + " a6726573756c74 c4020102")));
  }

  @Test
  void encode_emptyBinResult_isEmptyBinNotNil() {
    byte[] bytes =
        Wire.CODEC.encode(
            OutboundMessage.answer(
                "2", List.of(new TypedValue<>("result", ValueTypes.BYTES, new byte[0]))));
    assertThat(hex(bytes)).endsWith("a6726573756c74c400");
  }

  @Test
  void encode_error_hasIsExceptionTrue() {
    byte[] bytes = Wire.CODEC.encode(OutboundMessage.error("2", "X", "boom"));
    assertThat(hex(bytes))
        .isEqualTo(
            hex(
                frame(
                    "84 a26f70 a8726573706f6e7365 aa7365715f6e756d626572 02"
                        + " a6726573756c74 a4626f6f6d ac69735f657863657074696f6e c3")));
  }

  @Test
  void encode_call_tagIsHexSeqNumber() {
    byte[] bytes =
        Wire.CODEC.encode(
            OutboundMessage.call(
                "print", "a", List.of(new TypedValue<>("message", ValueTypes.UNICODE, "hi"))));
    assertThat(hex(bytes))
        .isEqualTo(
            hex(
                frame(
                    "83 a26f70 a57072696e74 aa7365715f6e756d626572 0a"
                        + " a76d657373616765 a26869")));
  }

  @Test
  void encode_bigSeqNumber_usesSmallestIntEncoding() {
    byte[] bytes = Wire.CODEC.encode(OutboundMessage.answer("100", List.of()));
    assertThat(hex(bytes)).contains("aa7365715f6e756d626572cd0100");
  }

  @Test
  void decode_complete_isCallWithNilArgsAbsent() {
    InboundMessage m = decode(frame(COMPLETE_1));
    assertThat(m.kind()).isEqualTo(MessageKind.CALL);
    assertThat(m.command()).isEqualTo("complete");
    assertThat(m.tag()).isEqualTo("1");
    assertThat(m.fields().names()).containsExactly("command_id");
    assertThat(m.fields().get("command_id", ValueTypes.UNICODE)).isEqualTo("cmd-1");
  }

  @Test
  void decode_responseWithoutIsException_isAnswer() {
    InboundMessage m = decode(frame(RESPONSE_0_NIL));
    assertThat(m.kind()).isEqualTo(MessageKind.ANSWER);
    assertThat(m.tag()).isEqualTo("0");
    assertThat(m.fields().names()).isEmpty();
  }

  @Test
  void decode_responseWithIsExceptionFalse_isStillAnError() {
    // {"op":"response","seq_number":3,"result":"Command nope does not exist.","is_exception":false}
    InboundMessage m =
        decode(
            frame(
                "84 a26f70 a8726573706f6e7365 aa7365715f6e756d626572 03 a6726573756c74"
                    + " bc436f6d6d616e64206e6f706520646f6573206e6f742065786973742e"
                    + " ac69735f657863657074696f6e c2"));
    assertThat(m.kind()).isEqualTo(MessageKind.ERROR);
    assertThat(m.tag()).isEqualTo("3");
    assertThat(m.errorCode()).isEqualTo(BuildbotCodecProvider.ERROR_CODE);
    assertThat(m.errorDescription()).isEqualTo("Command nope does not exist.");
    assertThat(RemoteException.of(m.errorCode(), m.errorDescription()))
        .isExactlyInstanceOf(RemoteException.class);
  }

  @Test
  void decode_str8Keys_areAccepted() {
    // {"op":"keepalive","seq_number":7} with both keys as str8 (0xd9)
    InboundMessage m =
        decode(frame("82 d9026f70 d9096b656570616c697665 d90a7365715f6e756d626572 07"));
    assertThat(m.command()).isEqualTo("keepalive");
    assertThat(m.tag()).isEqualTo("7");
  }

  @Test
  void decode_update_keepsPairsAsListsWithNativeValues() {
    // §8: {"op":"update","args":[["stdout",["hello\n",[5],[1795897397.7]]],["rc",0]],
    //      "command_id":"cmd-1","seq_number":0}
    byte[] payload =
        Wire.packed(
            p -> {
              p.packMapHeader(4).packString("op").packString("update").packString("args");
              p.packArrayHeader(2);
              p.packArrayHeader(2).packString("stdout").packArrayHeader(3).packString("hello\n");
              p.packArrayHeader(1).packInt(5).packArrayHeader(1).packDouble(1795897397.7);
              p.packArrayHeader(2).packString("rc").packInt(0);
              p.packString("command_id").packString("cmd-1");
              p.packString("seq_number").packInt(0);
            });
    InboundMessage m = decode(frame(payload));
    Object args = m.fields().get("args", BuildbotTypes.ANY);
    assertThat(args)
        .isEqualTo(
            List.of(
                List.of("stdout", List.of("hello\n", List.of(5L), List.of(1795897397.7))),
                List.of("rc", 0L)));
  }

  @Test
  void encode_anyMap_isEmbeddedNatively() {
    Map<String, Object> args = new java.util.LinkedHashMap<>();
    args.put("path", "/w");
    args.put("maxsize", Optional.empty());
    args.put("blocksize", 16384L);
    args.put("keepstamp", true);
    byte[] bytes =
        Wire.CODEC.encode(
            OutboundMessage.call(
                "start_command", "4", List.of(new TypedValue<>("args", BuildbotTypes.ANY, args))));
    byte[] expected =
        Wire.packed(
            p -> {
              p.packMapHeader(3).packString("op").packString("start_command");
              p.packString("seq_number").packInt(4).packString("args").packMapHeader(4);
              p.packString("path").packString("/w").packString("maxsize").packNil();
              p.packString("blocksize").packInt(16384).packString("keepstamp").packBoolean(true);
            });
    assertThat(hex(bytes)).isEqualTo(hex(frame(expected)));
  }

  @Test
  void decode_twoMessagesByteByByte_givesBothInOrder() {
    byte[] one = frame(COMPLETE_1);
    byte[] two = frame(RESPONSE_0_NIL);
    byte[] both = new byte[one.length + two.length];
    System.arraycopy(one, 0, both, 0, one.length);
    System.arraycopy(two, 0, both, one.length, two.length);
    List<InboundMessage> messages = Wire.decodeByteByByte(both);
    assertThat(messages)
        .extracting(InboundMessage::kind)
        .containsExactly(MessageKind.CALL, MessageKind.ANSWER);
    assertThat(messages).extracting(InboundMessage::tag).containsExactly("1", "0");
  }

  @Test
  void tags_roundTripNegativeAndLargeSeqNumbers() {
    byte[] payload =
        Wire.packed(
            p ->
                p.packMapHeader(2)
                    .packString("op")
                    .packString("keepalive")
                    .packString("seq_number")
                    .packLong(-1));
    InboundMessage m = decode(frame(payload));
    assertThat(m.tag()).isEqualTo("ffffffffffffffff");
    byte[] answer = Wire.CODEC.encode(OutboundMessage.answer(m.tag(), List.of()));
    assertThat(hex(answer)).contains("aa7365715f6e756d626572ff");
    assertThat(Envelope.seqNumber(Long.toHexString(Long.MAX_VALUE))).isEqualTo(Long.MAX_VALUE);
  }
}
