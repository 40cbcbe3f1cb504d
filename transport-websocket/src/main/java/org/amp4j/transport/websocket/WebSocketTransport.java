package org.amp4j.transport.websocket;

import java.net.URI;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.amp4j.Limits;
import org.amp4j.spi.Connection;
import org.amp4j.spi.Transport;

/**
 * The {@code ws} transport: amp4j connections over WebSocket, so that any amp4j codec runs over it
 * when a {@link org.amp4j.PeerConfig} names transport {@code ws}. Uses {@link Framing#STREAM} (each
 * write is one binary message), no authentication and the path {@code /}.
 *
 * <p>The largest message accepted is {@link Limits#maxFrameLength()} plus 64 bytes, room for a
 * codec's own length prefix. Found through {@link java.util.ServiceLoader}; instances are stateless
 * and thread-safe. For authentication or other framing, use {@link WebSocketServer} and {@link
 * WebSocketClient} directly.
 */
public final class WebSocketTransport implements Transport {

  /** Bytes allowed in a message beyond {@link Limits#maxFrameLength()}. */
  static final int FRAMING_ALLOWANCE = 64;

  /** A transport; all instances behave the same. */
  public WebSocketTransport() {}

  /** {@code ws}. */
  @Override
  public String name() {
    return "ws";
  }

  /**
   * {@inheritDoc}
   *
   * <p>Blocks until the address is bound. {@code onAccept} runs on an event loop thread; if it
   * throws, the connection is closed.
   */
  @Override
  public Listener listen(String host, int port, Limits limits, Consumer<Connection> onAccept) {
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(onAccept, "onAccept");
    WebSocketServerConfig config =
        WebSocketServerConfig.builder()
            .limits(limits)
            .maxMessageBytes(maxMessageBytes(limits))
            .build();
    return WebSocketServer.listen(host, port, config, onAccept::accept);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Connects to {@code ws://host:port/}. The stage completes on an event loop thread.
   */
  @Override
  public CompletionStage<Connection> connect(String host, int port, Limits limits) {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(limits, "limits");
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("port must be between 1 and 65535, is " + port);
    }
    URI uri = URI.create("ws://" + Addresses.hostPort(host, port) + "/");
    CompletableFuture<Connection> result = new CompletableFuture<>();
    WebSocketClient.connect(uri, null, null, Framing.STREAM, maxMessageBytes(limits), limits)
        .whenComplete(
            (connection, failure) -> {
              if (failure != null) {
                result.completeExceptionally(failure);
              } else if (!result.complete(connection)) {
                connection.close(); // the caller cancelled the stage
              }
            });
    return result;
  }

  static int maxMessageBytes(Limits limits) {
    return (int) Math.min(Integer.MAX_VALUE, (long) limits.maxFrameLength() + FRAMING_ALLOWANCE);
  }

  @Override
  public String toString() {
    return "WebSocketTransport";
  }
}
