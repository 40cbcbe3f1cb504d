package org.amp4j;

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
    public void control(byte type, long ack) {
      seen.add("control " + type + " " + ack);
    }
  }

  static byte[] stream() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(SessionFrames.data(1, 0, "hello".getBytes(StandardCharsets.UTF_8)));
    out.writeBytes(SessionFrames.control(SessionFrames.ACK, 7));
    out.writeBytes(SessionFrames.data(2, 7, new byte[0]));
    out.writeBytes(SessionFrames.control(SessionFrames.PING, 8));
    out.writeBytes(SessionFrames.control(SessionFrames.BYE, 9));
    return out.toByteArray();
  }

  static final List<String> EXPECTED =
      List.of("data 1 0 hello", "control 2 7", "data 2 7 ", "control 3 8", "control 5 9");

  @Test
  void layout_isTypeSeqAckLengthPayload() {
    assertThat(HexFormat.of().formatHex(SessionFrames.data(1, 2, new byte[] {(byte) 0xAB})))
        .isEqualTo("01" + "0000000000000001" + "0000000000000002" + "00000001" + "ab");
    assertThat(HexFormat.of().formatHex(SessionFrames.control(SessionFrames.PONG, 3)))
        .isEqualTo("04" + "0000000000000003");
  }

  @Test
  void parser_handsOnEveryFrame_wholeOrOneByteAtATime() {
    Recorder whole = new Recorder();
    new SessionFrames.Parser(100).feed(ByteBuffer.wrap(stream()), whole);
    assertThat(whole.seen).isEqualTo(EXPECTED);

    Recorder bytewise = new Recorder();
    SessionFrames.Parser p = new SessionFrames.Parser(100);
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
      SessionFrames.Parser p = new SessionFrames.Parser(100);
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
