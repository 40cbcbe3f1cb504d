package org.amp4j.transport.tcp;

import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.amp4j.spi.Transport;

/** A bound Netty server channel, seen as a {@link Transport.Listener}. Thread-safe. */
final class TcpListener implements Transport.Listener {

  // A stuck event loop must not hang close(); the selector normally runs within microseconds.
  private static final long RELEASE_WAIT_NANOS = TimeUnit.SECONDS.toNanos(5);

  private final ListeningChannel channel;
  private final String host;
  private final int port;

  TcpListener(ListeningChannel channel) {
    this.channel = channel;
    InetSocketAddress bound = channel.localAddress();
    this.host = bound.getAddress().getHostAddress();
    this.port = bound.getPort();
  }

  @Override
  public String host() {
    return host;
  }

  @Override
  public int port() {
    return port;
  }

  /**
   * Closes the listening socket. Unless called on an event loop thread, returns only once the
   * socket is released, so the port refuses connections and can be bound again.
   */
  @Override
  public void close() {
    ChannelFuture closed = channel.close();
    EventLoop loop = channel.eventLoop();
    if (loop.inEventLoop()) {
      return;
    }
    closed.awaitUninterruptibly();
    // The JDK releases the socket when the selector next runs: let the event loop turn until then.
    long deadline = System.nanoTime() + RELEASE_WAIT_NANOS;
    while (channel.socketHeld() && System.nanoTime() - deadline < 0) {
      loop.submit(() -> {}).awaitUninterruptibly();
    }
  }

  @Override
  public String toString() {
    return "tcp listener on " + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }
}
