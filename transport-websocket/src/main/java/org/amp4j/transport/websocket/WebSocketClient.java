package org.amp4j.transport.websocket;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.amp4j.ConnectionLostException;
import org.amp4j.Limits;

/**
 * Opens WebSocket connections (RFC 6455, version 13, no TLS): the client side, for Java peers and
 * tests. The upgrade request asks for no subprotocol and no extension and has no {@code Origin};
 * frames it sends are masked. Connecting and the upgrade each time out after 10 seconds.
 *
 * <p>Connections run on the same process-wide pool of daemon event loop threads as {@link
 * WebSocketServer}; the returned stage completes on one of them.
 */
public final class WebSocketClient {

  /** How long the TCP connection, and then the upgrade, may take: 10 seconds each. */
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  private WebSocketClient() {}

  /**
   * Connects and upgrades.
   *
   * @param uri where to connect, like {@code ws://127.0.0.1:1234/}; the port defaults to 80
   * @param user the user name for HTTP Basic authentication, without colons; null sends no {@code
   *     Authorization} header
   * @param password the password (used only with a user); may contain colons
   * @param framing how binary messages map onto the connection's byte stream
   * @param maxMessageBytes the largest message payload accepted from the server, after fragments
   *     are reassembled; a larger one closes the connection with status 1009
   * @param limits the connection's limits; {@link Limits#maxPendingWriteBytes()} bounds the bytes
   *     queued for writing
   * @return a stage that completes with the connection, not yet started, or fails with {@link
   *     ConnectionLostException} when the connection or upgrade fails, with the HTTP status for a
   *     refused upgrade, e.g. {@code WebSocket upgrade refused: 401 Unauthorized}
   * @throws IllegalArgumentException if the URI is not a {@code ws} URI with a host, the user
   *     contains a colon or maxMessageBytes is not positive
   */
  public static CompletionStage<WebSocketConnection> connect(
      URI uri, String user, String password, Framing framing, int maxMessageBytes, Limits limits) {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(framing, "framing");
    Objects.requireNonNull(limits, "limits");
    if (!"ws".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalArgumentException("expected a ws://host:port/ URI, got " + uri);
    }
    if (maxMessageBytes <= 0) {
      throw new IllegalArgumentException("maxMessageBytes must be positive, is " + maxMessageBytes);
    }
    HttpHeaders headers = new DefaultHttpHeaders();
    if (user != null) {
      if (user.indexOf(':') >= 0) {
        throw new IllegalArgumentException("a user name for Basic authentication has no ':'");
      }
      String header =
          new BasicCredentials(user, Objects.requireNonNull(password, "password")).header();
      headers.set(HttpHeaderNames.AUTHORIZATION, header);
    }
    WebSocketClientHandshaker handshaker =
        WebSocketClientHandshakerFactory.newHandshaker(
            uri,
            WebSocketVersion.V13,
            null,
            false,
            headers,
            maxMessageBytes,
            true,
            false,
            -1,
            false,
            false);
    CompletableFuture<WebSocketConnection> result = new CompletableFuture<>();
    Bootstrap bootstrap =
        new Bootstrap()
            .group(SharedEventLoop.group())
            .channel(NioSocketChannel.class)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) TIMEOUT.toMillis())
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.SO_KEEPALIVE, true)
            .handler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ch.pipeline()
                        .addLast("http", new HttpClientCodec())
                        .addLast("http-aggregator", new HttpObjectAggregator(8192))
                        .addLast(
                            "ws-upgrade",
                            new ClientUpgradeHandler(
                                handshaker, framing, maxMessageBytes, limits, TIMEOUT, result));
                  }
                });
    int port = uri.getPort() < 0 ? 80 : uri.getPort();
    String host = uri.getHost();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1); // an IPv6 literal
    }
    String target = Addresses.hostPort(host, port);
    bootstrap
        .connect(host, port)
        .addListener(
            (ChannelFuture f) -> {
              if (!f.isSuccess()) {
                result.completeExceptionally(
                    new ConnectionLostException(
                        "cannot connect to " + target + ": " + reason(f.cause()), f.cause()));
              }
            });
    return result;
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
