package org.amp4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UnacknowledgedTest {

  private static byte[] frame(int n) {
    return new byte[] {(byte) n};
  }

  @Test
  void frames_keepTheirOrderAndNumbers_whileTheRingWrapsAndGrows() {
    Unacknowledged q = new Unacknowledged();
    long next = 1;
    int first = 1;
    // Wrap the ring first (add 10, drop 8), then fill it past its capacity while wrapped.
    for (int i = 0; i < 10; i++) {
      assertThat(q.add(frame((int) next), false, null, false, null)).isEqualTo(next++);
    }
    for (int i = 0; i < 8; i++) {
      q.removeFirst();
      first++;
    }
    for (int i = 0; i < 40; i++) {
      assertThat(q.add(frame((int) next), i % 2 == 0, "t" + next, i % 3 == 0, null))
          .isEqualTo(next++);
    }

    assertThat(q.size()).isEqualTo(42);
    assertThat(q.firstSeq()).isEqualTo(first);
    for (int i = 0; i < q.size(); i++) {
      long seq = first + i;
      assertThat(q.seq(i)).isEqualTo(seq);
      assertThat(q.frame(i)).containsExactly((byte) seq);
      if (seq > 10) {
        int added = (int) seq - 11; // the i of the second loop
        assertThat(q.tag(i)).isEqualTo("t" + seq);
        assertThat(q.call(i)).isEqualTo(added % 2 == 0);
        assertThat(q.idempotent(i)).isEqualTo(added % 3 == 0);
      } else {
        assertThat(q.tag(i)).isNull();
        assertThat(q.call(i)).isFalse();
      }
    }
  }

  @Test
  void aTrackedCall_isKeptWithItsFrame_andDroppedWithIt() {
    Unacknowledged q = new Unacknowledged();
    SessionLink.Tracked call = new SessionLink.Tracked(frame(1), "a");
    q.add(call.frame, true, "a", true, call);
    q.add(frame(2), false, null, false, null);

    assertThat(q.tracked(0)).isSameAs(call);
    assertThat(q.tracked(1)).isNull();
    q.removeFirst();
    assertThat(q.firstSeq()).isEqualTo(2);
    assertThat(q.tracked(0)).isNull();
    assertThat(q.frame(0)).containsExactly(2);
  }

  @Test
  void frameBytes_surviveTheLogDroppingAndMovingAcknowledgedOnes_withinBoundedMemory() {
    Unacknowledged q = new Unacknowledged();
    Random random = new Random(7);
    ArrayDeque<byte[]> kept = new ArrayDeque<>();
    long liveBytes = 0;
    long mostLive = 0;
    for (int step = 0; step < 20_000; step++) {
      if (kept.isEmpty() || random.nextInt(100) < 52) {
        byte[] frame = new byte[random.nextInt(300)];
        random.nextBytes(frame);
        if (random.nextBoolean()) {
          q.add(frame, true, null, false, null);
        } else { // encoded in place, after a false start that is dropped
          int start = q.beginFrame();
          q.log().write(new byte[random.nextInt(50)]);
          q.abandon(start);
          q.log().write(frame);
          q.add(start, true, null, false, null);
        }
        kept.add(frame);
        liveBytes += frame.length;
      } else {
        q.removeFirst();
        liveBytes -= kept.removeFirst().length;
      }
      mostLive = Math.max(mostLive, liveBytes);
      if (step % 97 == 0) {
        assertThat(q.size()).isEqualTo(kept.size());
        int i = 0;
        for (byte[] frame : kept) {
          assertThat(q.length(i)).isEqualTo(frame.length);
          assertThat(Arrays.copyOfRange(q.bytes(), q.offset(i), q.offset(i) + q.length(i)))
              .isEqualTo(frame);
          i++;
        }
      }
    }
    assertThat(mostLive).isGreaterThan(10_000);
    assertThat((long) q.log().capacity()).isLessThanOrEqualTo(4 * mostLive + 2 * 300);
  }

  @Test
  void anEmptyLog_givesUpTheArrayOfALargeFrame() {
    Unacknowledged q = new Unacknowledged();
    q.add(new byte[Unacknowledged.MAX_KEPT_LOG + 1], false, null, false, null);
    q.add(new byte[] {9}, false, null, false, null);
    q.removeFirst();
    assertThat(q.log().capacity()).isGreaterThan(Unacknowledged.MAX_KEPT_LOG);
    assertThat(q.frame(0)).containsExactly(9);
    q.removeFirst();
    assertThat(q.log().capacity()).isLessThanOrEqualTo(Unacknowledged.MAX_KEPT_LOG);
    assertThat(q.log().size()).isZero();
  }
}
