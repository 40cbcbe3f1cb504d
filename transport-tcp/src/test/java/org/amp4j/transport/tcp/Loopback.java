package org.amp4j.transport.tcp;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.amp4j.Limits;
import org.amp4j.spi.Connection;
import org.amp4j.spi.Transport;

/** A listener on 127.0.0.1 with one client connected to it; neither side started. */
final class Loopback implements AutoCloseable {

  final Transport.Listener listener;
  final NettyConnection client;
  final NettyConnection server;

  private Loopback(Transport.Listener listener, NettyConnection client, NettyConnection server) {
    this.listener = listener;
    this.client = client;
    this.server = server;
  }

  static Loopback open() throws Exception {
    return open(Limits.DEFAULTS);
  }

  static Loopback open(Limits limits) throws Exception {
    TcpTransport transport = new TcpTransport();
    CompletableFuture<Connection> accepted = new CompletableFuture<>();
    Transport.Listener listener = transport.listen("127.0.0.1", 0, limits, accepted::complete);
    try {
      Connection client =
          transport
              .connect("127.0.0.1", listener.port(), limits)
              .toCompletableFuture()
              .get(RecordingHandler.WAIT_SECONDS, TimeUnit.SECONDS);
      Connection server = accepted.get(RecordingHandler.WAIT_SECONDS, TimeUnit.SECONDS);
      return new Loopback(listener, (NettyConnection) client, (NettyConnection) server);
    } catch (Exception | Error e) {
      listener.close();
      throw e;
    }
  }

  @Override
  public void close() {
    client.close();
    server.close();
    listener.close();
  }
}
