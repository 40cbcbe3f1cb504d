package org.amp4j.transport.websocket;

import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.amp4j.transport.tcp.RecordingHandler;

/** A server on 127.0.0.1 that queues the connections it accepts, for tests to take and start. */
final class Accepting implements AutoCloseable {

  final WebSocketServer server;
  private final BlockingQueue<WebSocketConnection> accepted = new LinkedBlockingQueue<>();

  Accepting(WebSocketServerConfig config) {
    server = WebSocketServer.listen("127.0.0.1", 0, config, accepted::add);
  }

  /** The next accepted connection, waiting for it (bounded). */
  WebSocketConnection next() throws InterruptedException {
    WebSocketConnection c = accepted.poll(RecordingHandler.WAIT_SECONDS, TimeUnit.SECONDS);
    if (c == null) {
      throw new AssertionError("no connection accepted");
    }
    return c;
  }

  /** The next accepted connection, started with a new handler, which is returned. */
  RecordingHandler startNext() throws InterruptedException {
    RecordingHandler handler = new RecordingHandler(Loopback.LOOP_THREADS);
    next().start(handler);
    return handler;
  }

  /** Whether no connection was accepted so far. */
  boolean noneAccepted() {
    return accepted.isEmpty();
  }

  int port() {
    return server.port();
  }

  RawWebSocket raw() throws IOException {
    return new RawWebSocket(server.port());
  }

  @Override
  public void close() {
    server.close();
  }
}
