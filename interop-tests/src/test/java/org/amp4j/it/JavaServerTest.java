package org.amp4j.it;

import org.amp4j.Amp;
import org.amp4j.AmpServer;
import org.amp4j.Peer;
import org.amp4j.PeerConfig;
import org.amp4j.Responders;
import org.amp4j.cli.InteropResponders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;

/** The interop conversation against amp4j's own server, over both transports. */
class JavaServerTest {

  /** Over real TCP sockets on 127.0.0.1. */
  @Nested
  class OverTcp extends AbstractInteropTest {
    final PeerConfig config = PeerConfig.DEFAULTS;
    final AmpServer server = Amp.serve("127.0.0.1", 0, config, InteropResponders::forPeer);

    @Override
    Peer connect(Responders clientSide) {
      return Amp.connect("127.0.0.1", server.port(), config, p -> clientSide);
    }

    @AfterEach
    void stop() {
      server.close();
    }
  }

  /** Over the in-memory transport. */
  @Nested
  class OverMemory extends AbstractInteropTest {
    final PeerConfig config = PeerConfig.builder().transport("memory").build();
    final AmpServer server = Amp.serve("memory", 0, config, InteropResponders::forPeer);

    @Override
    Peer connect(Responders clientSide) {
      return Amp.connect("memory", server.port(), config, p -> clientSide);
    }

    @AfterEach
    void stop() {
      server.close();
    }
  }
}
