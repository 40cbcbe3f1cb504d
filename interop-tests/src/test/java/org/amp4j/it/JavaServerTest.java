package org.amp4j.it;

import java.util.List;
import org.amp4j.Amp;
import org.amp4j.AmpServer;
import org.amp4j.Peer;
import org.amp4j.PeerConfig;
import org.amp4j.Responders;
import org.amp4j.cli.InteropResponders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;

/**
 * The interop conversation against amp4j's own server: over TCP with each codec the handshake can
 * choose, and over the in-memory transport.
 */
class JavaServerTest {

  /** A server and clients sharing one configuration; the handshake picks the codec. */
  abstract static class Base extends AbstractInteropTest {
    final PeerConfig config;
    final String host;
    final AmpServer server;
    final String codec;

    Base(PeerConfig config, String host, String codec) {
      this.config = config;
      this.host = host;
      this.codec = codec;
      this.server = Amp.serve(host, 0, config, InteropResponders::forPeer);
    }

    @Override
    Peer connect(Responders clientSide) {
      return Amp.connect(host, server.port(), config, p -> clientSide);
    }

    @Override
    String expectedCodec() {
      return codec;
    }

    @AfterEach
    void stop() {
      server.close();
    }
  }

  static PeerConfig codecs(String... names) {
    return PeerConfig.builder().codecs(List.of(names)).build();
  }

  /** Default configuration: JSON, the default when both peers are amp4j. */
  @Nested
  class OverTcpDefault extends Base {
    OverTcpDefault() {
      super(PeerConfig.DEFAULTS, "127.0.0.1", "json");
    }
  }

  /** AMP between amp4j peers, long values split by the amp.split-values extension. */
  @Nested
  class OverTcpAmp extends Base {
    OverTcpAmp() {
      super(codecs("amp"), "127.0.0.1", "amp");
    }
  }

  /** MessagePack. */
  @Nested
  class OverTcpMsgpack extends Base {
    OverTcpMsgpack() {
      super(codecs("msgpack"), "127.0.0.1", "msgpack");
    }
  }

  /** CBOR, the codec added through the SPI alone. */
  @Nested
  class OverTcpCbor extends Base {
    OverTcpCbor() {
      super(codecs("cbor", "json"), "127.0.0.1", "cbor");
    }
  }

  /** Over the in-memory transport. */
  @Nested
  class OverMemory extends Base {
    OverMemory() {
      super(PeerConfig.builder().transport("memory").build(), "memory", "json");
    }
  }
}
