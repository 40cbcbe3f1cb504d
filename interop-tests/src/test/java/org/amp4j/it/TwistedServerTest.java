package org.amp4j.it;

import org.amp4j.Amp;
import org.amp4j.Peer;
import org.amp4j.PeerConfig;
import org.amp4j.Responders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The amp4j client, configured to prefer non-AMP codecs, against a real Twisted AMP server
 * (twisted_peer.py serve).
 */
class TwistedServerTest extends AbstractInteropTest {
  static Twisted.Server twisted;

  @BeforeAll
  static void startTwisted() throws Exception {
    twisted = Twisted.serve();
  }

  @AfterAll
  static void stopTwisted() throws Exception {
    if (twisted != null) {
      twisted.close();
    }
  }

  /**
   * The client prefers every other codec; Twisted answers the hello UNHANDLED, and the connection
   * stays plain AMP.
   */
  @Override
  Peer connect(Responders clientSide) {
    PeerConfig config =
        PeerConfig.builder().codecs(java.util.List.of("msgpack", "json", "cbor")).build();
    return Amp.connect("127.0.0.1", twisted.port, config, p -> clientSide);
  }

  @Override
  String expectedCodec() {
    return "amp";
  }

  @Override
  boolean carriesLongValues() {
    return false;
  }
}
