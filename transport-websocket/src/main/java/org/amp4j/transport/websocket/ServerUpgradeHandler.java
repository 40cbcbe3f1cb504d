package org.amp4j.transport.websocket;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketHandshakeException;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles the one HTTP request of a new server connection: refuses it unless it is a version 13
 * WebSocket upgrade with good credentials (when there is an authenticator), or upgrades the channel
 * and hands the new {@link NettyWebSocketConnection} to {@code onAccept}. Closes the channel if no
 * whole request arrives within the handshake timeout. Runs on the event loop.
 *
 * <p>The 101 answer selects no subprotocol and no extension, whatever the request asks for.
 */
final class ServerUpgradeHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

  private static final Logger log = LoggerFactory.getLogger(WebSocketServer.class);

  private final WebSocketServerConfig config;
  private final Consumer<? super WebSocketConnection> onAccept;
  private ScheduledFuture<?> timeout;
  private boolean answered;

  ServerUpgradeHandler(
      WebSocketServerConfig config, Consumer<? super WebSocketConnection> onAccept) {
    this.config = config;
    this.onAccept = onAccept;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    long millis = config.handshakeTimeout().toMillis();
    timeout =
        ctx.executor()
            .schedule(
                () -> {
                  answered = true;
                  log.debug(
                      "closing {}: no upgrade request within {} ms",
                      Addresses.describe(ctx.channel().remoteAddress()),
                      millis);
                  ctx.close();
                },
                millis,
                TimeUnit.MILLISECONDS);
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    timeout.cancel(false);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    timeout.cancel(false);
    ctx.fireChannelInactive();
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    if (answered || !ctx.channel().isActive()) {
      // A pipelined request after a refusal, or what the HTTP decoder makes of a request cut
      // short by the timeout or the client: the channel is closing.
      return;
    }
    answered = true;
    timeout.cancel(false);
    if (request.decoderResult().isFailure()) {
      Throwable cause = request.decoderResult().cause();
      HttpRefusals.refuse(
          ctx, HttpRefusals.response(statusFor(cause)), null, String.valueOf(cause.getMessage()));
      return;
    }
    HttpHeaders headers = request.headers();
    if (!isUpgrade(request)) {
      refuse(ctx, HttpResponseStatus.BAD_REQUEST, "not a WebSocket upgrade request");
      return;
    }
    String version = headers.get(HttpHeaderNames.SEC_WEBSOCKET_VERSION);
    if (version == null || !version.strip().equals("13")) {
      FullHttpResponse response = HttpRefusals.response(HttpResponseStatus.UPGRADE_REQUIRED);
      response.headers().set(HttpHeaderNames.SEC_WEBSOCKET_VERSION, "13");
      HttpRefusals.refuse(ctx, response, null, "unsupported WebSocket version " + version);
      return;
    }
    String key = headers.get(HttpHeaderNames.SEC_WEBSOCKET_KEY);
    if (key == null || key.isBlank()) {
      refuse(ctx, HttpResponseStatus.BAD_REQUEST, "no Sec-WebSocket-Key");
      return;
    }
    Authentication auth = Authentication.check(config.authenticator(), headers);
    if (auth.refusal() != null) {
      FullHttpResponse response = HttpRefusals.response(auth.refusal());
      if (auth.refusal().equals(HttpResponseStatus.UNAUTHORIZED)) {
        response.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Basic realm=\"amp4j\"");
      }
      HttpRefusals.refuse(ctx, response, auth.user(), auth.reason());
      return;
    }
    upgrade(ctx, request, auth.user());
  }

  private static void refuse(ChannelHandlerContext ctx, HttpResponseStatus status, String why) {
    HttpRefusals.refuse(ctx, HttpRefusals.response(status), null, why);
  }

  private static HttpResponseStatus statusFor(Throwable cause) {
    if (cause instanceof TooLongHttpHeaderException) {
      return HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
    }
    if (cause instanceof TooLongHttpLineException) {
      return HttpResponseStatus.REQUEST_URI_TOO_LONG;
    }
    return HttpResponseStatus.BAD_REQUEST;
  }

  private static boolean isUpgrade(FullHttpRequest request) {
    HttpHeaders headers = request.headers();
    return request.method().equals(HttpMethod.GET)
        && headers.containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)
        && headers.containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE, true);
  }

  /** Answers 101 and, once that is written, turns the channel into a WebSocket connection. */
  private void upgrade(ChannelHandlerContext ctx, FullHttpRequest request, String user) {
    WebSocketDecoderConfig decoding =
        WebSocketDecoderConfig.newBuilder()
            .maxFramePayloadLength(config.maxMessageBytes())
            .expectMaskedFrames(true)
            .allowMaskMismatch(false)
            .allowExtensions(false)
            .closeOnProtocolViolation(true)
            .build();
    // No subprotocols: Netty then answers none, even when the request lists some.
    WebSocketServerHandshaker handshaker =
        new WebSocketServerHandshakerFactory(request.uri(), null, decoding).newHandshaker(request);
    Channel channel = ctx.channel();
    channel.config().setAutoRead(false); // nothing is read before the connection starts
    ChannelFuture done;
    try {
      done = handshaker.handshake(channel, request);
    } catch (WebSocketHandshakeException e) {
      refuse(ctx, HttpResponseStatus.BAD_REQUEST, e.getMessage());
      return;
    }
    done.addListener(
        (ChannelFuture f) -> {
          if (!f.isSuccess()) {
            log.debug("WebSocket upgrade of {} failed", channel, f.cause());
            channel.close();
            return;
          }
          channel.pipeline().remove(this);
          accept(
              new NettyWebSocketConnection(
                  channel, config.framing(), config.maxMessageBytes(), config.limits(), user));
        });
  }

  private void accept(NettyWebSocketConnection connection) {
    try {
      onAccept.accept(connection);
    } catch (RuntimeException | Error e) {
      log.warn("closing {}: onAccept failed", connection, e);
      connection.close();
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    log.debug("closing {} during the WebSocket upgrade", ctx.channel(), cause);
    ctx.close();
  }
}
