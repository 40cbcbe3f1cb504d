package org.amp4j;

import static org.amp4j.codectest.WireValues.join;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionFramesTest {

  /** Records what a parser hands on, as text. */
  static final class Recorder implements SessionFrames.Sink {
    final List<String> seen = new ArrayList<>();

    @Override
    public void data(long seq, long ack, byte[] bytes, int offset, int length) {
      seen.add(
          "data "
              + seq
              + " "
              + ack
              + " "
              + new String(bytes, offset, length, StandardCharsets.UTF_8));
    }

    @Override
    public void run(long seq, long ack, int count, byte[] bytes, int offset, int length) {
      seen.add(
          "run "
              + seq
              + "+"
              + count
              + " "
              + ack
              + " "
              + new String(bytes, offset, length, StandardCharsets.UTF_8));
    }

    @Override
    public void control(byte type, long ack) {
      seen.add("control " + type + " " + ack);
    }
  }

  static byte[] stream() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(SessionFrames.data(1, 0, "hello".getBytes(StandardCharsets.UTF_8)));
    out.writeBytes(SessionFrames.control(SessionFrames.ACK, 7));
    out.writeBytes(SessionFrames.data(2, 7, new byte[0]));
    out.writeBytes(SessionFrames.next(0, "x".getBytes(StandardCharsets.UTF_8)));
    out.writeBytes(SessionFrames.control(SessionFrames.PING, 8));
    out.writeBytes(SessionFrames.next(300, "y".repeat(200).getBytes(StandardCharsets.UTF_8)));
    out.writeBytes(SessionFrames.run(2, 3, "abc".getBytes(StandardCharsets.UTF_8)));
    out.writeBytes(SessionFrames.next(0, "z".getBytes(StandardCharsets.UTF_8)));
    out.writeBytes(SessionFrames.run(200, 2, "w".repeat(300).getBytes(StandardCharsets.UTF_8)));
    out.writeBytes(SessionFrames.control(SessionFrames.BYE, 9));
    return out.toByteArray();
  }

  static final List<String> EXPECTED =
      List.of(
          "data 1 0 hello",
          "control 2 7",
          "data 2 7 ",
          "data 3 7 x",
          "control 3 8",
          "data 4 308 " + "y".repeat(200),
          "run 5+3 310 abc",
          "data 8 310 z",
          "run 9+2 510 " + "w".repeat(300),
          "control 5 9");

  @Test
  void layout_isTypeSeqAckLengthPayload() {
    assertThat(HexFormat.of().formatHex(SessionFrames.data(1, 2, new byte[] {(byte) 0xAB})))
        .isEqualTo("01" + "0000000000000001" + "0000000000000002" + "00000001" + "ab");
    assertThat(HexFormat.of().formatHex(SessionFrames.control(SessionFrames.PONG, 3)))
        .isEqualTo("04" + "0000000000000003");
  }

  @Test
  void nextLayout_isTypeAckDeltaLengthAsVarintsPayload() {
    assertThat(HexFormat.of().formatHex(SessionFrames.next(1, new byte[] {(byte) 0xAB})))
        .isEqualTo("06" + "01" + "01" + "ab");
    // 300 = 0b10_0101100: low 7 bits first, with the continuation bit
    assertThat(HexFormat.of().formatHex(SessionFrames.next(300, new byte[200])))
        .startsWith("06" + "ac02" + "c801");
    byte[] header = new byte[SessionFrames.MAX_NEXT_HEADER];
    assertThat(SessionFrames.nextHeader(header, Long.MAX_VALUE, Integer.MAX_VALUE))
        .isEqualTo(1 + 9 + 5);
  }

  @Test
  void runLayout_isTypeAckDeltaCountLengthAsVarintsPayload() {
    assertThat(HexFormat.of().formatHex(SessionFrames.run(1, 2, new byte[] {(byte) 0xAB, 0x01})))
        .isEqualTo("07" + "01" + "02" + "02" + "ab01");
    byte[] header = new byte[SessionFrames.MAX_RUN_HEADER];
    assertThat(
            SessionFrames.runHeader(header, Long.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE))
        .isEqualTo(SessionFrames.MAX_RUN_HEADER - 1);
  }

  @Test
  void parser_refusesNext_beforeAnyDataFrame_withOverlongVarints_andOverTheLimit() {
    byte[] first = SessionFrames.data(1, 0, new byte[0]);
    for (byte[] bad :
        List.of(
            SessionFrames.run(0, 2, new byte[] {1, 2}),
            join(first, SessionFrames.run(0, 1, new byte[] {1})),
            join(first, SessionFrames.run(0, 3, new byte[] {1, 2})),
            join(first, HexFormat.of().parseHex("0700" + "02" + "818001")),
            join(first, HexFormat.of().parseHex("07" + "ff".repeat(10) + "0202")),
            SessionFrames.next(0, new byte[] {1}),
            join(SessionFrames.data(1, 0, new byte[0]), SessionFrames.next(0, new byte[101])),
            join(
                SessionFrames.data(1, 0, new byte[0]),
                HexFormat.of().parseHex("06" + "ff".repeat(10) + "01")),
            join(
                SessionFrames.data(1, 0, new byte[0]),
                HexFormat.of().parseHex("0600" + "ff".repeat(5) + "01")),
            join(
                SessionFrames.data(1, Long.MAX_VALUE, new byte[0]),
                SessionFrames.next(1, new byte[0])))) {
      for (int chunk : new int[] {bad.length, 1}) {
        Recorder r = new Recorder();
        SessionFrames.Parser p = new SessionFrames.Parser(100);
        assertThatThrownBy(
                () -> {
                  for (int at = 0; at < bad.length; at += chunk) {
                    p.feed(ByteBuffer.wrap(bad, at, Math.min(chunk, bad.length - at)).slice(), r);
                  }
                })
            .as(HexFormat.of().formatHex(bad) + " in pieces of " + chunk)
            .isInstanceOf(ProtocolException.class)
            .hasMessageContaining("session frame");
      }
    }
  }

  @Test
  void parser_handsOnEveryFrame_wholeOrOneByteAtATime() {
    Recorder whole = new Recorder();
    new SessionFrames.Parser(1000).feed(ByteBuffer.wrap(stream()), whole);
    assertThat(whole.seen).isEqualTo(EXPECTED);

    Recorder bytewise = new Recorder();
    SessionFrames.Parser p = new SessionFrames.Parser(1000);
    for (byte b : stream()) {
      p.feed(ByteBuffer.wrap(new byte[] {b}), bytewise);
    }
    assertThat(bytewise.seen).isEqualTo(EXPECTED);
  }

  @Test
  void parser_readsWholeFramesInPlace_andTheRestPieceByPiece_atAnyCut() {
    byte[] all = stream();
    for (int cut = 0; cut <= all.length; cut++) {
      Recorder r = new Recorder();
      SessionFrames.Parser p = new SessionFrames.Parser(1000);
      // each part at an offset inside a larger array, as a slice of a read buffer would be
      p.feed(ByteBuffer.wrap(withMargins(all, 0, cut), 3, cut).slice(), r);
      p.feed(ByteBuffer.wrap(withMargins(all, cut, all.length), 3, all.length - cut).slice(), r);
      assertThat(r.seen).as("cut at %d", cut).isEqualTo(EXPECTED);
    }
  }

  @Test
  void parser_handsOnTheFramesBeforeABadOne_thenRefusesIt() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(SessionFrames.data(1, 0, "ok".getBytes(StandardCharsets.UTF_8)));
    out.write(9);
    Recorder r = new Recorder();
    assertThatThrownBy(
            () -> new SessionFrames.Parser(100).feed(ByteBuffer.wrap(out.toByteArray()), r))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("unknown session frame type 9");
    assertThat(r.seen).containsExactly("data 1 0 ok");
  }

  private static byte[] withMargins(byte[] bytes, int from, int to) {
    byte[] out = new byte[3 + (to - from) + 3];
    java.util.Arrays.fill(out, (byte) 0x7F);
    System.arraycopy(bytes, from, out, 3, to - from);
    return out;
  }

  @Test
  void parser_refusesUnknownTypes_andOversizedFrames_beforeAllocating() {
    assertThatThrownBy(
            () ->
                new SessionFrames.Parser(100).feed(ByteBuffer.wrap(new byte[] {9}), new Recorder()))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("unknown session frame type 9");
    byte[] huge =
        ByteBuffer.allocate(21).put(SessionFrames.DATA).putLong(1).putLong(0).putInt(-1).array();
    assertThatThrownBy(
            () -> new SessionFrames.Parser(100).feed(ByteBuffer.wrap(huge), new Recorder()))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("4294967295 bytes, over 100");
  }
}
