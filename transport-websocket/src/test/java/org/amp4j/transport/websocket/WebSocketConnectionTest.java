package org.amp4j.transport.websocket;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.amp4j.ConnectionLostException;
import org.amp4j.LimitExceededException;
import org.amp4j.Limits;
import org.amp4j.transport.tcp.RecordingHandler;
import org.junit.jupiter.api.Test;

/** The Connection contract, between a {@link WebSocketClient} and a {@link WebSocketServer}. */
class WebSocketConnectionTest {

  private static final long WAIT = RecordingHandler.WAIT_SECONDS;

  static byte[] randomBytes(int length, long seed) {
    byte[] bytes = new byte[length];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  @Test
  void roundTrip_bothDirections_returnsTheSameBytes() throws Exception {
    try (Loopback loop = Loopback.open()) {
      loop.accepted.start(new RecordingHandler(loop.accepted::write)); // echo
      RecordingHandler client = new RecordingHandler(Loopback.LOOP_THREADS);
      loop.client.start(client);
      byte[] big = randomBytes(1 << 20, 1);

      loop.client.write("hello".getBytes(US_ASCII));
      loop.client.write(big.clone());

      byte[] echoed = client.awaitBytes(5 + big.length);
      assertThat(Arrays.copyOf(echoed, 5)).asString(US_ASCII).isEqualTo("hello");
      assertThat(Arrays.copyOfRange(echoed, 5, echoed.length)).isEqualTo(big);
      assertThat(client.offLoopCalls()).isZero();
      assertThat(loop.client.user()).isNull();
      assertThat(loop.accepted.user()).isNull();
    }
  }

  @Test
  void manyWrites_arriveInOrder() throws Exception {
    try (Loopback loop = Loopback.open()) {
      RecordingHandler server = new RecordingHandler(Loopback.LOOP_THREADS);
      loop.accepted.start(server);
      loop.client.start(new RecordingHandler(Loopback.LOOP_THREADS));
      int count = 5_000;
      for (int i = 0; i < count; i++) {
        loop.client.write(new byte[] {(byte) (i >> 8), (byte) i});
      }
      byte[] received = server.awaitBytes(2 * count);
      for (int i = 0; i < count; i++) {
        assertThat(((received[2 * i] & 0xff) << 8) | (received[2 * i + 1] & 0xff))
            .as("write %d", i)
            .isEqualTo(i & 0xffff);
      }
    }
  }

  @Test
  void writeOnTheEventLoop_goesAfterAWriteAnotherThreadMadeBefore() throws Exception {
    try (Loopback loop = Loopback.open()) {
      // On the server's event loop, when the client's byte arrives: another thread writes "A"
      // and returns (its message waits for the event loop, which is busy here), then the event
      // loop itself writes "B". "A" must arrive first.
      loop.accepted.start(
          new RecordingHandler(
              bytes -> {
                Thread other = new Thread(() -> loop.accepted.write(new byte[] {'A'}));
                other.start();
                try {
                  other.join(TimeUnit.SECONDS.toMillis(WAIT));
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                loop.accepted.write(new byte[] {'B'});
              }));
      RecordingHandler client = new RecordingHandler(Loopback.LOOP_THREADS);
      loop.client.start(client);

      loop.client.write(new byte[] {'x'});

      assertThat(client.awaitBytes(2)).asString(US_ASCII).isEqualTo("AB");
    }
  }

  @Test
  void start_twice_fails() throws Exception {
    try (Loopback loop = Loopback.open()) {
      loop.accepted.start(new RecordingHandler(Loopback.LOOP_THREADS));
      assertThatThrownBy(() -> loop.accepted.start(new RecordingHandler(Loopback.LOOP_THREADS)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("already started");
    }
  }

  @Test
  void bytesSentBeforeStart_areHeldUntilStart() throws Exception {
    try (Loopback loop = Loopback.open()) {
      loop.client.start(new RecordingHandler(Loopback.LOOP_THREADS));
      loop.client.write("early".getBytes(US_ASCII));
      RecordingHandler server = new RecordingHandler(Loopback.LOOP_THREADS);
      loop.accepted.start(server);
      assertThat(server.awaitBytes(5)).asString(US_ASCII).isEqualTo("early");
    }
  }

  @Test
  void messagesTheServerWritesOnAccept_reachTheClientAfterItsStart() throws Exception {
    WebSocketServer server =
        WebSocketServer.listen(
            "127.0.0.1",
            0,
            WebSocketServerConfig.builder().build(),
            c -> {
              c.write("welcome".getBytes(US_ASCII)); // may reach the client with the 101
              c.start(new RecordingHandler(Loopback.LOOP_THREADS));
            });
    try (server) {
      WebSocketConnection client =
          WebSocketClient.connect(
                  Loopback.uri(server), null, null, Framing.STREAM, 1024, Limits.DEFAULTS)
              .toCompletableFuture()
              .get(WAIT, TimeUnit.SECONDS);
      RecordingHandler handler = new RecordingHandler(Loopback.LOOP_THREADS);
      client.start(handler);
      assertThat(handler.awaitBytes(7)).asString(US_ASCII).isEqualTo("welcome");
      client.close();
      assertThat(handler.awaitClosed()).isNull();
    }
  }

  @Test
  void clientClose_flushesQueuedWrites_thenBothSidesCloseOrderlyOnce() throws Exception {
    try (Loopback loop = Loopback.open()) {
      RecordingHandler server = new RecordingHandler(Loopback.LOOP_THREADS);
      RecordingHandler client = new RecordingHandler(Loopback.LOOP_THREADS);
      loop.accepted.start(server);
      loop.client.start(client);
      byte[] data = randomBytes(4 << 20, 2);
      for (int offset = 0; offset < data.length; offset += 65_536) {
        loop.client.write(Arrays.copyOfRange(data, offset, offset + 65_536));
      }
      loop.client.close();
      loop.client.close();

      assertThat(server.awaitBytes(data.length)).isEqualTo(data);
      assertThat(server.awaitClosed()).isNull();
      assertThat(client.awaitClosed()).isNull();
      assertThat(server.closeCount()).isEqualTo(1);
      assertThat(client.closeCount()).isEqualTo(1);
      assertThat(loop.client.pendingWriteBytes()).isZero();
    }
  }

  @Test
  void serverClose_flushesQueuedWrites_thenBothSidesCloseOrderlyOnce() throws Exception {
    try (Loopback loop = Loopback.open()) {
      RecordingHandler server = new RecordingHandler(Loopback.LOOP_THREADS);
      RecordingHandler client = new RecordingHandler(Loopback.LOOP_THREADS);
      loop.accepted.start(server);
      loop.client.start(client);
      byte[] data = randomBytes(1 << 20, 3);
      loop.accepted.write(data.clone());
      loop.accepted.close();

      assertThat(client.awaitBytes(data.length)).isEqualTo(data);
      assertThat(client.awaitClosed()).isNull();
      assertThat(server.awaitClosed()).isNull();
      assertThat(client.closeCount()).isEqualTo(1);
      assertThat(server.closeCount()).isEqualTo(1);
      assertThat(client.bytesAfterClose()).isZero();
    }
  }

  @Test
  void write_afterClose_failsWithConnectionLost() throws Exception {
    try (Loopback loop = Loopback.open()) {
      RecordingHandler client = new RecordingHandler(Loopback.LOOP_THREADS);
      loop.client.start(client);
      loop.accepted.start(new RecordingHandler(Loopback.LOOP_THREADS));
      loop.client.close();
      assertThatThrownBy(() -> loop.client.write(new byte[] {1}))
          .isInstanceOf(ConnectionLostException.class)
          .hasMessage("connection to 127.0.0.1:" + loop.server.port() + " is closed");
      client.awaitClosed();
      assertThatThrownBy(() -> loop.client.write(new byte[] {1}))
          .isInstanceOf(ConnectionLostException.class);
    }
  }

  @Test
  void write_afterPeerClosed_failsWithConnectionLost() throws Exception {
    try (Loopback loop = Loopback.open()) {
      RecordingHandler client = new RecordingHandler(Loopback.LOOP_THREADS);
      loop.client.start(client);
      loop.accepted.start(new RecordingHandler(Loopback.LOOP_THREADS));
      loop.accepted.close();
      assertThat(client.awaitClosed()).isNull();
      assertThatThrownBy(() -> loop.client.write(new byte[] {1}))
          .isInstanceOf(ConnectionLostException.class);
    }
  }

  @Test
  void writeLargerThanMaxPendingWriteBytes_failsAndQueuesNothing() throws Exception {
    Limits limits = Limits.builder().maxPendingWriteBytes(1024).build();
    try (Loopback loop = Loopback.open(Framing.STREAM, limits)) {
      RecordingHandler server = new RecordingHandler(Loopback.LOOP_THREADS);
      loop.accepted.start(server);
      loop.client.start(new RecordingHandler(Loopback.LOOP_THREADS));
      assertThatThrownBy(() -> loop.client.write(new byte[2048]))
          .isInstanceOf(LimitExceededException.class)
          .hasMessageMatching(
              "write of 2048 bytes to 127\\.0\\.0\\.1:\\d+ exceeds maxPendingWriteBytes 1024");
      loop.client.write("fits".getBytes(US_ASCII));
      assertThat(server.awaitBytes(4)).asString(US_ASCII).isEqualTo("fits");
      assertThat(loop.client.pendingWriteBytes()).isLessThanOrEqualTo(4);
    }
  }

  @Test
  void setReadingPaused_stopsDelivery_andFalseResumesIt() throws Exception {
    try (Loopback loop = Loopback.open()) {
      AtomicBoolean pausedOnce = new AtomicBoolean();
      RecordingHandler server =
          new RecordingHandler(
              bytes -> {
                if (pausedOnce.compareAndSet(false, true)) {
                  loop.accepted.setReadingPaused(true);
                }
              });
      loop.accepted.start(server);
      loop.client.start(new RecordingHandler(Loopback.LOOP_THREADS));

      loop.client.write("first".getBytes(US_ASCII));
      server.awaitBytes(5);
      loop.client.write("second".getBytes(US_ASCII));
      assertThat(server.waitForBytes(6, 500)).as("delivered while paused").isFalse();

      loop.accepted.setReadingPaused(false);
      assertThat(server.awaitBytes(11)).asString(US_ASCII).isEqualTo("firstsecond");
    }
  }

  @Test
  void remoteAddress_namesThePeer() throws Exception {
    try (Loopback loop = Loopback.open()) {
      assertThat(loop.client.remoteAddress()).isEqualTo("127.0.0.1:" + loop.server.port());
      assertThat(loop.accepted.remoteAddress()).startsWith("127.0.0.1:");
      assertThat(loop.client.toString()).contains(loop.client.remoteAddress());
      assertThat(loop.server.host()).isEqualTo("127.0.0.1");
    }
  }

  @Test
  void connect_refused_failsWithConnectionLost() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      port = s.getLocalPort();
    }
    CompletableFuture<WebSocketConnection> connecting =
        WebSocketClient.connect(
                URI.create("ws://127.0.0.1:" + port + "/"),
                null,
                null,
                Framing.STREAM,
                1024,
                Limits.DEFAULTS)
            .toCompletableFuture();
    assertThatThrownBy(() -> connecting.get(WAIT, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(ConnectionLostException.class)
        .hasMessage("cannot connect to 127.0.0.1:" + port + ": Connection refused");
  }

  @Test
  void connect_toAPlainHttpServer_failsWithItsStatus() throws Exception {
    try (ServerSocket http = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<WebSocketConnection> connecting =
          WebSocketClient.connect(
                  URI.create("ws://127.0.0.1:" + http.getLocalPort() + "/"),
                  null,
                  null,
                  Framing.STREAM,
                  1024,
                  Limits.DEFAULTS)
              .toCompletableFuture();
      try (var socket = http.accept()) {
        socket
            .getOutputStream()
            .write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n".getBytes(US_ASCII));
        assertThatThrownBy(() -> connecting.get(WAIT, TimeUnit.SECONDS))
            .cause()
            .isInstanceOf(ConnectionLostException.class)
            .hasMessage("WebSocket upgrade refused: 404 Not Found");
      }
    }
  }

  @Test
  void listen_onPortInUse_failsNamingTheAddress() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      assertThatThrownBy(
              () ->
                  WebSocketServer.listen(
                      "127.0.0.1", port, WebSocketServerConfig.builder().build(), c -> {}))
          .hasMessageStartingWith("cannot listen on 127.0.0.1:" + port + ": ");
    }
  }
}
