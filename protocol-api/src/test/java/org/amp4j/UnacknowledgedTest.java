package org.amp4j;

import static org.assertj.core.api.Assertions.assertThat;

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
}
