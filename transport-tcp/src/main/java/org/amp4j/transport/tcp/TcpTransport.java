package org.amp4j.transport.tcp;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.amp4j.AmpException;
import org.amp4j.ConnectionLostException;
import org.amp4j.Limits;
import org.amp4j.spi.Connection;
import org.amp4j.spi.Transport;

/**
 * The {@code tcp} transport: {@link Connection}s over TCP sockets, on Netty NIO.
 *
 * <p>All instances share one process-wide Netty event loop group, created on first use with twice
 * as many threads as processors and never shut down. Its threads are daemons, so an idle program
 * exits when its own threads end, even with listeners and connections open; bytes still queued for
 * writing then are lost, so close connections that matter first.
 *
 * <p>Sockets have {@code TCP_NODELAY} and {@code SO_KEEPALIVE} on. The {@code onAccept} callback,
 * connection handlers and the stages returned by {@link #connect} run on event loop threads, so
 * they must not block; {@link #listen} and {@link Listener#close()} block briefly and must not be
 * called from them.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class TcpTransport implements Transport {

  /** The connect timeout of the no-argument constructor: 10 seconds. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private final int connectTimeoutMillis;
  private final EventLoopGroup group;

  /** A transport with the {@linkplain #DEFAULT_CONNECT_TIMEOUT default connect timeout}. */
  public TcpTransport() {
    this(DEFAULT_CONNECT_TIMEOUT);
  }

  /**
   * A transport whose connection attempts fail after a timeout.
   *
   * @param connectTimeout positive, at most {@link Integer#MAX_VALUE} milliseconds
   */
  public TcpTransport(Duration connectTimeout) {
    this(connectTimeout, SharedEventLoop.group());
  }

  /** A transport on an event loop group of its own: for tests that need a known event loop. */
  TcpTransport(Duration connectTimeout, EventLoopGroup group) {
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    if (connectTimeout.isNegative()
        || connectTimeout.isZero()
        || connectTimeout.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) > 0) {
      throw new IllegalArgumentException(
          "connectTimeout must be between 1 ms and "
              + Integer.MAX_VALUE
              + " ms, is "
              + connectTimeout);
    }
    this.connectTimeoutMillis = (int) Math.max(1, connectTimeout.toMillis());
    this.group = Objects.requireNonNull(group, "group");
  }

  @Override
  public String name() {
    return "tcp";
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@code onAccept} runs on an event loop thread; if it throws, the connection is closed.
   */
  @Override
  public Listener listen(String host, int port, Limits limits, Consumer<Connection> onAccept) {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(onAccept, "onAccept");
    checkPort(port, 0);
    InetSocketAddress address = new InetSocketAddress(host, port);
    if (address.isUnresolved()) {
      throw new AmpException("cannot listen on " + host + ":" + port + ": unknown host");
    }
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(group)
            .channelFactory(ListeningChannel::new)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.SO_KEEPALIVE, true)
            .childOption(ChannelOption.AUTO_READ, false)
            .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, NettyConnection.waterMark(limits))
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel channel) {
                    onAccept.accept(new NettyConnection(channel, limits));
                  }
                });
    ChannelFuture bound = bootstrap.bind(address).awaitUninterruptibly();
    if (!bound.isSuccess()) {
      throw new AmpException(
          "cannot listen on " + host + ":" + port + ": " + reason(bound.cause()), bound.cause());
    }
    return new TcpListener((ListeningChannel) bound.channel());
  }

  /**
   * {@inheritDoc}
   *
   * <p>The stage completes on an event loop thread. A refused, unresolvable or timed out connection
   * fails it with a {@link ConnectionLostException} such as {@code cannot connect to
   * 127.0.0.1:4242: Connection refused}.
   */
  @Override
  public CompletionStage<Connection> connect(String host, int port, Limits limits) {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(limits, "limits");
    checkPort(port, 1);
    AtomicReference<NettyConnection> created = new AtomicReference<>();
    Bootstrap bootstrap =
        new Bootstrap()
            .group(group)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.SO_KEEPALIVE, true)
            .option(ChannelOption.AUTO_READ, false)
            .option(ChannelOption.WRITE_BUFFER_WATER_MARK, NettyConnection.waterMark(limits))
            .handler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel channel) {
                    created.set(new NettyConnection(channel, limits));
                  }
                });
    CompletableFuture<Connection> result = new CompletableFuture<>();
    bootstrap
        .connect(host, port)
        .addListener(
            (ChannelFuture f) -> {
              if (f.isSuccess()) {
                NettyConnection connection = created.get();
                connection.remoteAddress(); // remember it while the channel knows it
                if (!result.complete(connection)) {
                  connection.close(); // the caller cancelled the stage
                }
              } else {
                result.completeExceptionally(
                    new ConnectionLostException(
                        "cannot connect to " + host + ":" + port + ": " + reason(f.cause()),
                        f.cause()));
              }
            });
    return result;
  }

  @Override
  public String toString() {
    return "TcpTransport[connectTimeout=" + connectTimeoutMillis + " ms]";
  }

  private static void checkPort(int port, int min) {
    if (port < min || port > 65_535) {
      throw new IllegalArgumentException("port must be between " + min + " and 65535, is " + port);
    }
  }

  /** The cause's message without the ": /127.0.0.1:4242" that Netty appends to some. */
  private static String reason(Throwable cause) {
    String message = cause.getMessage();
    if (message == null || message.isEmpty()) {
      return cause.getClass().getSimpleName();
    }
    int address = message.lastIndexOf(": /");
    return address > 0 ? message.substring(0, address) : message;
  }
}
