package org.amp4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Closing a session link while the other side answers the BYE by closing the connection. */
class SessionLinkCloseTest {

  @Test
  void close_whoseByeThePeerAnswersByClosingAtOnce_endsTheSession_withoutADroppedConnection() {
    List<String> dropped = new CopyOnWriteArrayList<>();
    SessionLink link =
        new SessionLink(
            "s1",
            new byte[16],
            "amp",
            List.of(),
            PeerConfig.builder().session(SessionConfig.builder().enabled(true).build()).build(),
            (l, cause) -> dropped.add(String.valueOf(cause)));
    ClosingPeer connection = new ClosingPeer(link);
    link.attach(connection, 0, true);

    connection.closeOnNextWrite = true;
    link.close();

    assertThat(connection.acks(SessionFrames.BYE)).as("BYE frames written").hasSize(1);
    assertThat(connection.closedAfterWrite).as("the peer closed after the BYE").isTrue();
    assertThat(link.isClosed()).isTrue();
    assertThat(dropped).as("the owner was told of a dropped connection to reconnect").isEmpty();
  }

  /**
   * A connection whose peer, once armed, answers the next frame (the BYE) by closing at once: the
   * link hears that the connection closed before the write returns (here on the writing thread; on
   * an I/O thread it would wait for the link's lock).
   */
  private static final class ClosingPeer extends RecordingConnection {
    private final SessionLink link;
    boolean closeOnNextWrite;
    boolean closedAfterWrite;

    ClosingPeer(SessionLink link) {
      this.link = link;
    }

    @Override
    public void write(byte[] data) {
      super.write(data);
      if (closeOnNextWrite && !closedAfterWrite) {
        closedAfterWrite = true;
        link.detach(this, null);
      }
    }
  }
}
