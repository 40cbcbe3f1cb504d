package org.amp4j.transport.tcp;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.amp4j.AmpException;
import org.amp4j.ConnectionLostException;
import org.amp4j.Limits;
import org.amp4j.spi.Connection;
import org.amp4j.spi.Transport;
import org.junit.jupiter.api.Test;

class TcpTransportTest {

  private static final long WAIT = RecordingHandler.WAIT_SECONDS;
  private final TcpTransport transport = new TcpTransport();

  @Test
  void serviceLoader_findsTransportNamedTcp() {
    List<Transport> tcp = new ArrayList<>();
    for (Transport t : ServiceLoader.load(Transport.class)) {
      if (t.name().equals("tcp")) {
        tcp.add(t);
      }
    }
    assertThat(tcp).singleElement().isInstanceOf(TcpTransport.class);
  }

  @Test
  void listen_onPortZero_reportsRealPortAndHost() throws Exception {
    CompletableFuture<Connection> accepted = new CompletableFuture<>();
    try (Transport.Listener listener =
            transport.listen("127.0.0.1", 0, Limits.DEFAULTS, accepted::complete);
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), listener.port())) {
      assertThat(listener.host()).isEqualTo("127.0.0.1");
      assertThat(listener.port()).isPositive();
      Connection connection = accepted.get(WAIT, TimeUnit.SECONDS);
      assertThat(connection.remoteAddress()).isEqualTo("127.0.0.1:" + socket.getLocalPort());
      connection.close();
    }
  }

  @Test
  void connect_remoteAddressIsListenerAddress() throws Exception {
    try (Loopback loop = Loopback.open()) {
      assertThat(loop.client.remoteAddress()).isEqualTo("127.0.0.1:" + loop.listener.port());
      assertThat(loop.server.remoteAddress()).startsWith("127.0.0.1:");
      assertThat(loop.client.toString()).contains(loop.client.remoteAddress());
    }
  }

  @Test
  void listen_onPortInUse_failsNamingTheAddress() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      assertThatThrownBy(() -> transport.listen("127.0.0.1", port, Limits.DEFAULTS, c -> {}))
          .isInstanceOf(AmpException.class)
          .hasMessageStartingWith("cannot listen on 127.0.0.1:" + port + ": ")
          .hasMessageContaining("in use");
    }
  }

  @Test
  void connect_refused_failsWithConnectionLost() throws Exception {
    int port = unusedPort();
    CompletableFuture<Connection> connecting =
        transport.connect("127.0.0.1", port, Limits.DEFAULTS).toCompletableFuture();
    assertThatThrownBy(() -> connecting.get(WAIT, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(ConnectionLostException.class)
        .hasMessage("cannot connect to 127.0.0.1:" + port + ": Connection refused");
  }

  @Test
  void connect_toFullBacklog_timesOutWithConnectionLost() throws Exception {
    // With its accept queue full, Linux drops new SYNs, so a connection attempt hangs.
    try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      List<Socket> fillers = new ArrayList<>();
      try {
        boolean hangs = false;
        for (int i = 0; i < 10 && !hangs; i++) {
          Socket filler = new Socket();
          fillers.add(filler);
          try {
            filler.connect(full.getLocalSocketAddress(), 300);
          } catch (SocketTimeoutException e) {
            hangs = true;
          }
        }
        assumeTrue(hangs, "this kernel does not drop connections to a full accept queue");
        TcpTransport impatient = new TcpTransport(Duration.ofMillis(200));
        CompletableFuture<Connection> connecting =
            impatient
                .connect("127.0.0.1", full.getLocalPort(), Limits.DEFAULTS)
                .toCompletableFuture();
        assertThatThrownBy(() -> connecting.get(WAIT, TimeUnit.SECONDS))
            .cause()
            .isInstanceOf(ConnectionLostException.class)
            .hasMessageStartingWith("cannot connect to 127.0.0.1:" + full.getLocalPort() + ": ")
            .hasMessageContaining("timed out");
      } finally {
        for (Socket s : fillers) {
          s.close();
        }
      }
    }
  }

  @Test
  void listenerClose_stopsAccepting_acceptedConnectionsStayOpen() throws Exception {
    try (Loopback loop = Loopback.open()) {
      loop.listener.close();
      CompletableFuture<Connection> again =
          transport
              .connect("127.0.0.1", loop.listener.port(), Limits.DEFAULTS)
              .toCompletableFuture();
      assertThatThrownBy(() -> again.get(WAIT, TimeUnit.SECONDS))
          .cause()
          .isInstanceOf(ConnectionLostException.class);

      RecordingHandler server = new RecordingHandler();
      loop.server.start(server);
      loop.client.start(new RecordingHandler());
      loop.client.write("still open".getBytes(US_ASCII));
      assertThat(server.awaitBytes(10)).asString(US_ASCII).isEqualTo("still open");
    }
  }

  @Test
  void listenerClose_releasesThePortBeforeReturning() throws Exception {
    // The JDK keeps a closed selectable channel's socket open until its selector runs again.
    for (int i = 0; i < 50; i++) {
      Transport.Listener listener = transport.listen("127.0.0.1", 0, Limits.DEFAULTS, c -> {});
      int port = listener.port();
      listener.close();
      // Binding the same port again fails while the old socket is open (even with SO_REUSEADDR,
      // which only covers TIME_WAIT). Probing with a connect instead would be spoiled by any other
      // process on the machine that happens to bind the freed port first.
      transport.listen("127.0.0.1", port, Limits.DEFAULTS, c -> {}).close();
    }
  }

  @Test
  void onAcceptThatThrows_closesTheConnection() throws Exception {
    try (Transport.Listener listener =
            transport.listen(
                "127.0.0.1",
                0,
                Limits.DEFAULTS,
                c -> {
                  throw new IllegalStateException("expected by the test");
                });
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), listener.port())) {
      socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(WAIT));
      assertThat(socket.getInputStream().read()).isEqualTo(-1);
    }
  }

  @Test
  void arguments_areValidated() {
    assertThatThrownBy(() -> new TcpTransport(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("connectTimeout");
    assertThatThrownBy(() -> transport.connect("127.0.0.1", 0, Limits.DEFAULTS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("port must be between 1 and 65535, is 0");
    assertThatThrownBy(() -> transport.listen("127.0.0.1", 65_536, Limits.DEFAULTS, c -> {}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static int unusedPort() throws IOException {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return s.getLocalPort();
    }
  }
}
