package org.amp4j.transport.websocket;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.amp4j.transport.tcp.RecordingHandler;
import org.junit.jupiter.api.Test;

/** The opening handshake as seen on the wire, with requests written by hand. */
class HandshakeTest {

  /** A Buildbot worker 3.7's request, byte for byte (spec section 2), but for the port. */
  private static String buildbotRequest(int port) {
    return "GET / HTTP/1.1\r\n"
        + "User-Agent: AutobahnPython/22.7.1\r\n"
        + "Host: 127.0.0.1:"
        + port
        + "\r\n"
        + "Upgrade: WebSocket\r\n"
        + "Connection: Upgrade\r\n"
        + "Pragma: no-cache\r\n"
        + "Cache-Control: no-cache\r\n"
        + "Authorization: Basic d2sxOnMzY3JldDpwdw==\r\n"
        + "Sec-WebSocket-Key: sXagOiSQNN3SRL1Ewv+2xA==\r\n"
        + "Sec-WebSocket-Version: 13\r\n"
        + "\r\n";
  }

  @Test
  void buildbotWorkerRequest_isUpgraded_andBinaryFramesFlowBothWays() throws Exception {
    WebSocketServerConfig config =
        WebSocketServerConfig.builder()
            .authenticator((user, password) -> user.equals("wk1") && password.equals("s3cret:pw"))
            .build();
    try (Accepting server = new Accepting(config);
        RawWebSocket worker = server.raw()) {
      worker.send(buildbotRequest(server.port()));
      RawWebSocket.Head head = worker.readHead();
      assertThat(head.statusLine()).startsWith("HTTP/1.1 101");
      assertThat(head.header("upgrade")).isEqualToIgnoringCase("websocket");
      assertThat(head.header("connection")).isEqualToIgnoringCase("upgrade");
      assertThat(head.header("sec-websocket-accept"))
          .isEqualTo(RawWebSocket.accept("sXagOiSQNN3SRL1Ewv+2xA=="));
      assertThat(head.headers())
          .doesNotContainKeys("sec-websocket-protocol", "sec-websocket-extensions");

      WebSocketConnection connection = server.next();
      assertThat(connection.user()).isEqualTo("wk1");
      RecordingHandler handler = new RecordingHandler(Loopback.LOOP_THREADS);
      connection.start(handler);

      byte[] fromWorker = {(byte) 0x82, (byte) 0xa2, 'o', 'p'}; // msgpack-like bytes
      worker.writeFrame(true, RawWebSocket.BINARY, fromWorker);
      assertThat(handler.awaitBytes(fromWorker.length)).isEqualTo(fromWorker);

      byte[] fromMaster = new byte[300];
      for (int i = 0; i < fromMaster.length; i++) {
        fromMaster[i] = (byte) i;
      }
      connection.write(fromMaster.clone());
      RawWebSocket.Frame frame = worker.readFrame();
      assertThat(frame.opcode()).isEqualTo(RawWebSocket.BINARY);
      assertThat(frame.fin()).isTrue();
      assertThat(frame.masked()).as("server frames are unmasked").isFalse();
      assertThat(frame.payload()).isEqualTo(fromMaster);
    }
  }

  @Test
  void requestedSubprotocol_isNotAnswered() throws Exception {
    try (Accepting server = new Accepting(WebSocketServerConfig.builder().build());
        RawWebSocket raw = server.raw()) {
      RawWebSocket.Head head = raw.upgrade("Sec-WebSocket-Protocol: foo\r\n");
      assertThat(head.header("sec-websocket-accept"))
          .isEqualTo(RawWebSocket.accept(RawWebSocket.KEY));
      assertThat(head.headers()).doesNotContainKey("sec-websocket-protocol");
    }
  }

  @Test
  void requestedPermessageDeflate_isNotAnswered() throws Exception {
    try (Accepting server = new Accepting(WebSocketServerConfig.builder().build());
        RawWebSocket raw = server.raw()) {
      RawWebSocket.Head head =
          raw.upgrade("Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n");
      assertThat(head.headers()).doesNotContainKey("sec-websocket-extensions");
      RecordingHandler handler = server.startNext();
      raw.writeFrame(true, RawWebSocket.BINARY, "plain".getBytes(US_ASCII));
      assertThat(handler.awaitBytes(5)).asString(US_ASCII).isEqualTo("plain");
    }
  }

  @Test
  void anyPath_isAccepted() throws Exception {
    try (Accepting server = new Accepting(WebSocketServerConfig.builder().build());
        RawWebSocket raw = server.raw()) {
      raw.send(raw.request("").replace("GET / ", "GET /workers/ws?x=1 "));
      assertThat(raw.readHead().statusLine()).startsWith("HTTP/1.1 101");
      assertThat(server.next()).isNotNull();
    }
  }

  @Test
  void plainHttpGet_is400_andCloses() throws Exception {
    try (Accepting server = new Accepting(WebSocketServerConfig.builder().build());
        RawWebSocket raw = server.raw()) {
      raw.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
      assertThat(raw.readHead().statusLine()).isEqualTo("HTTP/1.1 400 Bad Request");
      skipBody(raw);
      assertThat(raw.closedByServer()).isTrue();
      assertThat(server.noneAccepted()).isTrue();
    }
  }

  @Test
  void otherWebSocketVersion_is426_namingVersion13() throws Exception {
    try (Accepting server = new Accepting(WebSocketServerConfig.builder().build());
        RawWebSocket raw = server.raw()) {
      raw.send(raw.request("").replace("Sec-WebSocket-Version: 13", "Sec-WebSocket-Version: 8"));
      RawWebSocket.Head head = raw.readHead();
      assertThat(head.statusLine()).isEqualTo("HTTP/1.1 426 Upgrade Required");
      assertThat(head.header("sec-websocket-version")).isEqualTo("13");
      skipBody(raw);
      assertThat(raw.closedByServer()).isTrue();
    }
  }

  @Test
  void oversizedHeaders_are431_andClose() throws Exception {
    try (Accepting server = new Accepting(WebSocketServerConfig.builder().build());
        RawWebSocket raw = server.raw()) {
      raw.send(raw.request("X-Padding: " + "x".repeat(10_000) + "\r\n"));
      assertThat(raw.readHead().statusLine())
          .isEqualTo("HTTP/1.1 431 Request Header Fields Too Large");
      skipBody(raw);
      assertThat(raw.closedByServer()).isTrue();
    }
  }

  @Test
  void oversizedBody_is413_andCloses() throws Exception {
    try (Accepting server = new Accepting(WebSocketServerConfig.builder().build());
        RawWebSocket raw = server.raw()) {
      raw.send("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 20000\r\n\r\n");
      assertThat(raw.readHead().statusLine()).startsWith("HTTP/1.1 413 ");
      skipBody(raw);
      assertThat(raw.closedByServer()).isTrue();
    }
  }

  @Test
  void halfARequest_isClosedAfterTheHandshakeTimeout() throws Exception {
    WebSocketServerConfig config =
        WebSocketServerConfig.builder().handshakeTimeout(Duration.ofMillis(200)).build();
    try (Accepting server = new Accepting(config);
        RawWebSocket raw = server.raw()) {
      long start = System.nanoTime();
      raw.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n");
      assertThat(raw.closedByServer()).isTrue();
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isGreaterThanOrEqualTo(Duration.ofMillis(150));
      assertThat(server.noneAccepted()).isTrue();
    }
  }

  @Test
  void completeRequest_isNotCutByTheHandshakeTimeout() throws Exception {
    WebSocketServerConfig config =
        WebSocketServerConfig.builder().handshakeTimeout(Duration.ofMillis(200)).build();
    try (Accepting server = new Accepting(config);
        RawWebSocket raw = server.raw()) {
      raw.upgrade("");
      RecordingHandler handler = server.startNext();
      // Twice the timeout passes: the upgraded connection stays open.
      assertThat(handler.waitForBytes(1, 400)).isFalse();
      assertThat(handler.isClosed()).isFalse();
      raw.writeFrame(true, RawWebSocket.BINARY, new byte[] {42});
      assertThat(handler.awaitBytes(1)).containsExactly(42);
      assertThat(handler.isClosed()).isFalse();
    }
  }

  /** Reads the plain-text refusal body (the status line and CRLF). */
  private static void skipBody(RawWebSocket raw) throws Exception {
    int c;
    while ((c = raw.input().read()) >= 0 && c != '\n') {
      // the body is one line
    }
  }
}
