package org.amp4j.transport.websocket;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.amp4j.AmpException;
import org.amp4j.spi.Transport;

/**
 * A listening WebSocket server (RFC 6455 over HTTP/1.1, no TLS), on Netty NIO.
 *
 * <p>Each TCP connection must send one HTTP upgrade request within the {@linkplain
 * WebSocketServerConfig#handshakeTimeout() handshake timeout}, to any path. A request that is not a
 * WebSocket upgrade is answered {@code 400}; another WebSocket version than 13 {@code 426}; request
 * headers over 8 KiB {@code 431}; with an {@linkplain WebSocketServerConfig#authenticator()
 * authenticator}, missing or wrong HTTP Basic credentials {@code 401} (with {@code
 * WWW-Authenticate: Basic realm="amp4j"}) and undecodable ones {@code 400}. The connection closes
 * after any refusal, which is logged (SLF4J logger {@code
 * org.amp4j.transport.websocket.WebSocketServer}, one line at INFO with the remote address and user
 * name). An accepted request is answered {@code 101} with no subprotocol and no extension, and the
 * new connection is passed, not yet started, to {@code onAccept}.
 *
 * <p>Servers and their connections run on one process-wide pool of daemon event loop threads;
 * {@code onAccept}, the authenticator and connection handlers run on them and must not block. This
 * is what a Buildbot worker (protocol {@code msgpack_experimental_v7}) connects to. Thread-safe.
 */
public final class WebSocketServer implements Transport.Listener {

  // A stuck event loop must not hang close(); the selector normally runs within microseconds.
  private static final long RELEASE_WAIT_NANOS = TimeUnit.SECONDS.toNanos(5);

  private final ListeningChannel channel;
  private final String host;
  private final int port;

  private WebSocketServer(ListeningChannel channel) {
    this.channel = channel;
    InetSocketAddress bound = channel.localAddress();
    this.host = bound.getAddress().getHostAddress();
    this.port = bound.getPort();
  }

  /**
   * Listens on an address; blocks until it is bound, so it must not be called on an event loop.
   *
   * @param host the interface to bind, such as {@code 127.0.0.1}
   * @param port the port, 0 for one chosen by the system
   * @param config the server settings
   * @param onAccept receives each upgraded connection, not yet started; if it throws, the
   *     connection is closed
   * @throws AmpException if the address cannot be bound
   * @throws IllegalArgumentException if the port is outside 0..65535
   */
  public static WebSocketServer listen(
      String host, int port, WebSocketServerConfig config, Consumer<WebSocketConnection> onAccept) {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(onAccept, "onAccept");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, is " + port);
    }
    InetSocketAddress address = new InetSocketAddress(host, port);
    if (address.isUnresolved()) {
      throw new AmpException("cannot listen on " + host + ":" + port + ": unknown host");
    }
    HttpDecoderConfig http =
        new HttpDecoderConfig()
            .setMaxInitialLineLength(4096)
            .setMaxHeaderSize(UpgradeRequestAggregator.MAX_BYTES);
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(SharedEventLoop.group())
            .channelFactory(ListeningChannel::new)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.SO_KEEPALIVE, true)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ch.pipeline()
                        .addLast("http", new HttpServerCodec(http))
                        .addLast("http-aggregator", new UpgradeRequestAggregator())
                        .addLast("ws-upgrade", new ServerUpgradeHandler(config, onAccept));
                  }
                });
    ChannelFuture bound = bootstrap.bind(address).awaitUninterruptibly();
    if (!bound.isSuccess()) {
      Throwable cause = bound.cause();
      throw new AmpException(
          "cannot listen on " + host + ":" + port + ": " + cause.getMessage(), cause);
    }
    return new WebSocketServer((ListeningChannel) bound.channel());
  }

  /** The bound host address, such as {@code 127.0.0.1}. */
  @Override
  public String host() {
    return host;
  }

  /** The bound port (the real one when 0 was asked). */
  @Override
  public int port() {
    return port;
  }

  /**
   * Stops listening; connections already accepted stay open. Unless called on an event loop thread,
   * returns only once the socket is released, so the port refuses connections and can be bound
   * again.
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
    return "WebSocket server on " + Addresses.hostPort(host, port);
  }
}
