package org.amp4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReceivedFramesTest {

  private static final byte[] SOURCE =
      "xxabcdefghijklmnopqrstuvwxyz".getBytes(StandardCharsets.US_ASCII);

  private static String text(ByteBuffer b) {
    return StandardCharsets.US_ASCII.decode(b).toString();
  }

  @Test
  void payloads_areKeptInOrder_whereTheyLie_pastTheFirstEightFrames() {
    ReceivedFrames r = new ReceivedFrames();
    r.start(0);
    for (int i = 0; i < 12; i++) {
      r.data(i + 1, i, SOURCE, 2 + 2 * i, 2); // ab, cd, ..., wx
    }
    byte[] split = {'y', 'z'}; // a frame the parser collected in an array of its own
    r.data(13, 5, split, 0, 2);
    r.data(14, 0, SOURCE, 0, 0); // an empty payload is a frame too

    assertThat(r.frames()).isEqualTo(14);
    assertThat(r.highestAck()).isEqualTo(11);
    assertThat(text(r.range(0))).isEqualTo("ab");
    assertThat(r.range(0).array()).isSameAs(SOURCE); // not copied
    assertThat(text(r.range(11))).isEqualTo("wx");
    assertThat(r.range(12).array()).isSameAs(split);
    assertThat(text(r.range(12))).isEqualTo("yz");
    assertThat(r.range(13).remaining()).isZero();
    assertThat(text(r.range(1))).isEqualTo("cd"); // back to the first array
  }

  @Test
  void aRun_isOnePayloadOfItsFrames_countedAsThem() {
    ReceivedFrames r = new ReceivedFrames();
    r.start(3);
    r.data(4, 1, SOURCE, 2, 2);
    r.run(5, 6, 3, SOURCE, 4, 6); // cdefgh: three codec frames back to back
    r.data(8, 2, SOURCE, 10, 2);

    assertThat(r.frames()).isEqualTo(5);
    assertThat(r.ranges()).isEqualTo(3);
    assertThat(r.count(0)).isEqualTo(1);
    assertThat(r.count(1)).isEqualTo(3);
    assertThat(text(r.range(1))).isEqualTo("cdefgh");
    assertThat(r.highestAck()).isEqualTo(6);
  }

  @Test
  void aRunsPayload_mustHoldExactlyItsCountOfMessages() {
    ReceivedFrames r = new ReceivedFrames();
    r.start(0);
    r.data(1, 0, SOURCE, 2, 2);
    r.run(2, 0, 3, SOURCE, 4, 6);
    r.checkDecoded(0, 1);
    r.checkDecoded(1, 3);
    for (int wrong : new int[] {2, 4}) {
      assertThatThrownBy(() -> r.checkDecoded(1, wrong))
          .isInstanceOf(ProtocolException.class)
          .hasMessage("session payload of 3 frames held " + wrong + " whole messages");
    }
  }

  @Test
  void aRunThatDoesNotFollowOn_isAProtocolError() {
    ReceivedFrames r = new ReceivedFrames();
    r.start(5);
    assertThatThrownBy(() -> r.run(5, 0, 2, SOURCE, 2, 2))
        .isInstanceOf(ProtocolException.class)
        .hasMessage("frames 5 to 6 after 5");
    assertThatThrownBy(() -> r.run(7, 0, 2, SOURCE, 2, 2))
        .isInstanceOf(ProtocolException.class)
        .hasMessage("frames 7 to 8 after 5");
    assertThat(r.frames()).isZero();
  }

  @Test
  void framesReceivedBefore_areCounted_andNotKept() {
    ReceivedFrames r = new ReceivedFrames();
    r.start(5);
    r.data(4, 0, SOURCE, 2, 2);
    r.data(5, 0, SOURCE, 4, 2);
    r.data(6, 0, SOURCE, 6, 2);
    r.data(6, 0, SOURCE, 8, 2);

    assertThat(r.duplicates()).isEqualTo(3);
    assertThat(r.frames()).isEqualTo(1);
    assertThat(text(r.range(0))).isEqualTo("ef");
  }

  @Test
  void aFrameAfterAGap_isAProtocolError() {
    ReceivedFrames r = new ReceivedFrames();
    r.start(5);
    r.data(6, 0, SOURCE, 2, 2);
    assertThatThrownBy(() -> r.data(8, 0, SOURCE, 4, 2))
        .isInstanceOf(ProtocolException.class)
        .hasMessage("frame 8 after 6");
    assertThat(r.frames()).isEqualTo(1);
  }

  @Test
  void controlFrames_carryAcknowledgements_andAreNoted() {
    ReceivedFrames r = new ReceivedFrames();
    r.start(0);
    r.control(SessionFrames.ACK, 7);
    assertThat(r.pinged()).isFalse();
    assertThat(r.bye()).isFalse();
    r.control(SessionFrames.PING, 3);
    r.control(SessionFrames.BYE, 9);
    assertThat(r.highestAck()).isEqualTo(9);
    assertThat(r.pinged()).isTrue();
    assertThat(r.bye()).isTrue();
  }

  @Test
  void aNewRead_startsAfresh_fromWhatWasDelivered() {
    ReceivedFrames r = new ReceivedFrames();
    r.start(0);
    r.data(1, 4, SOURCE, 2, 2);
    r.control(SessionFrames.PING, 4);
    r.release();

    r.start(1);
    assertThat(r.frames()).isZero();
    assertThat(r.highestAck()).isZero();
    assertThat(r.pinged()).isFalse();
    r.data(2, 0, SOURCE, 4, 2);
    assertThat(text(r.range(0))).isEqualTo("cd");
  }
}
