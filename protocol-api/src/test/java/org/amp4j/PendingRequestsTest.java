package org.amp4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.amp4j.spi.Connection;
import org.amp4j.spi.ConnectionHandler;
import org.junit.jupiter.api.Test;

/** Requests received and not yet answered pause reading at the limit and resume below half. */
class PendingRequestsTest {

  /** Records what the requests asked of the connection's reading. */
  private static final class Reading implements Connection {
    final List<Boolean> paused = new ArrayList<>();

    @Override
    public void start(ConnectionHandler handler) {}

    @Override
    public void write(byte[] data) {}

    @Override
    public void setReadingPaused(boolean p) {
      paused.add(p);
    }

    @Override
    public void close() {}

    @Override
    public String remoteAddress() {
      return "test";
    }
  }

  @Test
  void readingPausesOnceAtTheLimit_andResumesOnceFewerThanHalfRemain() {
    Reading c = new Reading();
    PendingRequests requests = new PendingRequests(4);
    for (int i = 0; i < 3; i++) {
      requests.received(c);
    }
    assertThat(c.paused).isEmpty();
    requests.received(c);
    requests.received(c); // beyond the limit: already paused
    assertThat(c.paused).containsExactly(true);
    assertThat(requests.count()).isEqualTo(5);

    requests.resumeIfFew(c, requests.finished()); // 4 left
    requests.resumeIfFew(c, requests.finished()); // 3 left: not fewer than half + 1
    assertThat(c.paused).containsExactly(true);
    requests.resumeIfFew(c, requests.finished()); // 2 left
    assertThat(c.paused).containsExactly(true, false);
    requests.resumeIfFew(c, requests.finished()); // 1 left: resumed already
    assertThat(c.paused).containsExactly(true, false);
    assertThat(requests.count()).isEqualTo(1);
  }

  @Test
  void resumingNeverTouchesReadingThatThisDidNotPause() {
    Reading c = new Reading();
    PendingRequests requests = new PendingRequests(4);
    requests.received(c);
    requests.resumeIfFew(c, requests.finished());
    assertThat(c.paused).isEmpty();
  }
}
