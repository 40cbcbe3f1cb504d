package org.amp4j.transport.websocket;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.amp4j.Limits;
import org.amp4j.transport.tcp.RecordingHandler;

/** A WebSocket server on 127.0.0.1 with one client connected to it; neither side started. */
final class Loopback implements AutoCloseable {

  static final long WAIT = RecordingHandler.WAIT_SECONDS;

  /** The prefix of this transport's event loop thread names. */
  static final String LOOP_THREADS = "amp4j-ws";

  final WebSocketServer server;
  final NettyWebSocketConnection client;
  final NettyWebSocketConnection accepted;

  private Loopback(
      WebSocketServer server, NettyWebSocketConnection client, NettyWebSocketConnection accepted) {
    this.server = server;
    this.client = client;
    this.accepted = accepted;
  }

  static Loopback open() throws Exception {
    return open(WebSocketServerConfig.builder().build(), null, null);
  }

  /** A client with the server's framing, limits and message size, and these credentials. */
  static Loopback open(WebSocketServerConfig config, String user, String password)
      throws Exception {
    CompletableFuture<WebSocketConnection> accepted = new CompletableFuture<>();
    WebSocketServer server = WebSocketServer.listen("127.0.0.1", 0, config, accepted::complete);
    try {
      WebSocketConnection client =
          WebSocketClient.connect(
                  uri(server),
                  user,
                  password,
                  config.framing(),
                  config.maxMessageBytes(),
                  config.limits())
              .toCompletableFuture()
              .get(WAIT, TimeUnit.SECONDS);
      WebSocketConnection serverSide = accepted.get(WAIT, TimeUnit.SECONDS);
      return new Loopback(
          server, (NettyWebSocketConnection) client, (NettyWebSocketConnection) serverSide);
    } catch (Exception | Error e) {
      server.close();
      throw e;
    }
  }

  static Loopback open(Framing framing, Limits limits) throws Exception {
    return open(
        WebSocketServerConfig.builder().framing(framing).limits(limits).build(), null, null);
  }

  static URI uri(WebSocketServer server) {
    return URI.create("ws://127.0.0.1:" + server.port() + "/");
  }

  @Override
  public void close() {
    client.close();
    accepted.close();
    server.close();
  }
}
