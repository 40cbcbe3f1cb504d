package org.amp4j.transport.websocket;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameEncoder;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketHandshakeException;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.amp4j.ConnectionLostException;
import org.amp4j.Limits;

/**
 * Sends the upgrade request when the TCP connection is up and completes {@code result} with the
 * connection once the 101 answer is checked, or fails it with a {@link ConnectionLostException}.
 * Runs on the event loop.
 */
final class ClientUpgradeHandler extends SimpleChannelInboundHandler<FullHttpResponse> {

  private final WebSocketClientHandshaker handshaker;
  private final Framing framing;
  private final int maxMessageBytes;
  private final Limits limits;
  private final Duration timeout;
  private final CompletableFuture<WebSocketConnection> result;
  private ScheduledFuture<?> timer;

  ClientUpgradeHandler(
      WebSocketClientHandshaker handshaker,
      Framing framing,
      int maxMessageBytes,
      Limits limits,
      Duration timeout,
      CompletableFuture<WebSocketConnection> result) {
    this.handshaker = handshaker;
    this.framing = framing;
    this.maxMessageBytes = maxMessageBytes;
    this.limits = limits;
    this.timeout = timeout;
    this.result = result;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    timer =
        ctx.executor()
            .schedule(
                () ->
                    fail(
                        ctx,
                        "no answer to the WebSocket upgrade request to "
                            + handshaker.uri()
                            + " within "
                            + timeout.toMillis()
                            + " ms",
                        null),
                timeout.toMillis(),
                TimeUnit.MILLISECONDS);
    handshaker
        .handshake(ctx.channel())
        .addListener(
            (ChannelFuture f) -> {
              if (!f.isSuccess()) {
                fail(ctx, "cannot send the WebSocket upgrade request", f.cause());
              }
            });
    ctx.fireChannelActive();
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
    timer.cancel(false);
    if (!response.status().equals(HttpResponseStatus.SWITCHING_PROTOCOLS)) {
      fail(ctx, "WebSocket upgrade refused: " + response.status(), null);
      return;
    }
    Channel channel = ctx.channel();
    try {
      handshaker.finishHandshake(channel, response);
    } catch (WebSocketHandshakeException e) {
      fail(ctx, "WebSocket upgrade failed: " + e.getMessage(), e);
      return;
    }
    encodeBeforeDecoding(channel.pipeline());
    channel.config().setAutoRead(false); // nothing is read before the connection starts
    channel.pipeline().remove(this);
    NettyWebSocketConnection connection =
        new NettyWebSocketConnection(channel, framing, maxMessageBytes, limits, null);
    if (!result.complete(connection)) {
      connection.close(); // the caller cancelled the stage
    }
  }

  /**
   * Puts a (masking) frame encoder between the frame decoder and the socket, so that the close
   * frame the decoder writes on a protocol violation is encoded: Netty adds its encoder behind it.
   */
  private static void encodeBeforeDecoding(ChannelPipeline pipeline) {
    if (pipeline.get("ws-encoder") != null && pipeline.get("ws-decoder") != null) {
      pipeline.remove("ws-encoder");
      pipeline.addBefore("ws-decoder", "ws-encoder", new WebSocket13FrameEncoder(true));
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    fail(ctx, "connection closed during the WebSocket upgrade to " + handshaker.uri(), null);
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    fail(ctx, "WebSocket upgrade to " + handshaker.uri() + " failed: " + cause, cause);
  }

  private void fail(ChannelHandlerContext ctx, String message, Throwable cause) {
    if (timer != null) {
      timer.cancel(false);
    }
    result.completeExceptionally(new ConnectionLostException(message, cause));
    ctx.close();
  }
}
