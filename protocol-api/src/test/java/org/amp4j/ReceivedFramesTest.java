package org.amp4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReceivedFramesTest {

  private static String text(ByteBuffer b) {
    return StandardCharsets.US_ASCII.decode(b).toString();
  }

  @Test
  void payloads_areKeptInOrder_joinedOrOneByOne_beyondTheFirstAllocation() {
    ReceivedFrames r = new ReceivedFrames(1_000, 4);
    byte[] source = "xxabcdefghijklmnopqrstuvwxyz".getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i < 12; i++) {
      r.add(source, 2 + 2 * i, 2); // ab, cd, ..., wx: past the first 4 bytes and 8 frames
    }
    r.add(source, 0, 0); // an empty payload is a frame too

    assertThat(r.frames()).isEqualTo(13);
    assertThat(r.length()).isEqualTo(24);
    assertThat(text(r.all())).isEqualTo("abcdefghijklmnopqrstuvwx");
    assertThat(text(r.frame(0))).isEqualTo("ab");
    assertThat(text(r.frame(11))).isEqualTo("wx");
    assertThat(r.frame(12).remaining()).isZero();
  }
}
