package org.amp4j.transport.websocket;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.amp4j.Amp;
import org.amp4j.AmpServer;
import org.amp4j.Command;
import org.amp4j.Limits;
import org.amp4j.Peer;
import org.amp4j.PeerConfig;
import org.amp4j.Responders;
import org.amp4j.spi.Connection;
import org.amp4j.spi.Plugins;
import org.amp4j.spi.Transport;
import org.amp4j.transport.tcp.RecordingHandler;
import org.junit.jupiter.api.Test;

/** The {@code ws} transport through the SPI, and amp4j peers over it. */
class WebSocketTransportTest {

  private static final long WAIT = RecordingHandler.WAIT_SECONDS;

  /** A command for the peer conversation. */
  record Sum(long a, long b) implements Command<Sum.Total> {
    /** The answer. */
    record Total(long total) {}
  }

  @Test
  void serviceLoader_andPlugins_findTheTransportNamedWs() {
    List<Transport> ws = new ArrayList<>();
    for (Transport t : ServiceLoader.load(Transport.class)) {
      if (t.name().equals("ws")) {
        ws.add(t);
      }
    }
    assertThat(ws).singleElement().isInstanceOf(WebSocketTransport.class);
    assertThat(Plugins.transport("ws")).isInstanceOf(WebSocketTransport.class);
  }

  @Test
  void bytes_roundTripThroughTheSpi() throws Exception {
    Transport transport = Plugins.transport("ws");
    CompletableFuture<Connection> accepted = new CompletableFuture<>();
    try (Transport.Listener listener =
        transport.listen("127.0.0.1", 0, Limits.DEFAULTS, accepted::complete)) {
      Connection client =
          transport
              .connect("127.0.0.1", listener.port(), Limits.DEFAULTS)
              .toCompletableFuture()
              .get(WAIT, TimeUnit.SECONDS);
      Connection server = accepted.get(WAIT, TimeUnit.SECONDS);
      server.start(new RecordingHandler(server::write)); // echo
      RecordingHandler received = new RecordingHandler(Loopback.LOOP_THREADS);
      client.start(received);
      client.write("ping over ws".getBytes(US_ASCII));
      assertThat(received.awaitBytes(12)).asString(US_ASCII).isEqualTo("ping over ws");
      assertThat(client).isInstanceOf(WebSocketConnection.class);
      client.close();
      assertThat(received.awaitClosed()).isNull();
    }
  }

  @Test
  void ampPeers_talkOverWs() throws Exception {
    PeerConfig config = PeerConfig.builder().transport("ws").build();
    Responders adder =
        Responders.builder().on(Sum.class, s -> new Sum.Total(s.a() + s.b())).build();
    try (AmpServer server = Amp.serve("127.0.0.1", 0, config, peer -> adder);
        Peer client = Amp.connect("127.0.0.1", server.port(), config)) {
      Sum.Total total =
          client.call(new Sum(13, 81)).toCompletableFuture().get(WAIT, TimeUnit.SECONDS);
      assertThat(total.total()).isEqualTo(94);
      assertThat(client.codec()).isEqualTo("amp");
      assertThat(server.peers()).hasSize(1);
    }
  }

  @Test
  void connect_validatesThePort() {
    WebSocketTransport transport = new WebSocketTransport();
    assertThat(transport.name()).isEqualTo("ws");
    assertThatThrownBy(() -> transport.connect("127.0.0.1", 0, Limits.DEFAULTS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("port must be between 1 and 65535, is 0");
  }

  @Test
  void maxMessageBytes_followsMaxFrameLength() {
    Limits small = Limits.builder().maxFrameLength(1000).build();
    assertThat(WebSocketTransport.maxMessageBytes(small)).isEqualTo(1064);
    Limits huge = Limits.builder().maxFrameLength(Integer.MAX_VALUE).build();
    assertThat(WebSocketTransport.maxMessageBytes(huge)).isEqualTo(Integer.MAX_VALUE);
  }
}
