package org.amp4j.transport.websocket;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.util.ReferenceCountUtil;
import org.amp4j.LimitExceededException;
import org.amp4j.ProtocolException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler of an upgraded channel: passes whole (reassembled) messages and control frames
 * to its {@link NettyWebSocketConnection}, and turns pipeline errors into the connection's close
 * cause. Runs on the event loop; releases every message it receives.
 */
final class InboundFrames extends ChannelInboundHandlerAdapter {

  private static final Logger log = LoggerFactory.getLogger(InboundFrames.class);

  private final NettyWebSocketConnection connection;
  private final int maxMessageBytes;

  InboundFrames(NettyWebSocketConnection connection, int maxMessageBytes) {
    this.connection = connection;
    this.maxMessageBytes = maxMessageBytes;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    try {
      if (msg instanceof BinaryWebSocketFrame binary) {
        connection.messageReceived(binary.content());
      } else if (msg instanceof PingWebSocketFrame ping) {
        if (!connection.closeSent()) {
          ctx.channel().writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
        }
      } else if (msg instanceof CloseWebSocketFrame close) {
        connection.closeReceived(close.statusCode(), close.reasonText());
      } else if (msg instanceof TextWebSocketFrame text) {
        log.debug(
            "ignoring a text message of {} bytes from {}",
            text.content().readableBytes(),
            connection.remoteAddress());
      }
      // Pongs need no answer.
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    connection.updateReading();
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof CorruptedWebSocketFrameException corrupt) {
      // The frame decoder has already sent a close frame with the status and closes the channel,
      // possibly before this runs.
      connection.markCloseSent();
      connection.failed(
          corrupt.closeStatus().code() == WebSocketCloseStatus.MESSAGE_TOO_BIG.code()
              ? tooBig(cause)
              : new ProtocolException(
                  "WebSocket protocol error from "
                      + connection.remoteAddress()
                      + ": "
                      + cause.getMessage(),
                  cause));
    } else if (!ctx.channel().isActive()) {
      // Thrown after close, e.g. by onClosed: nobody left to tell but Netty's logger.
      ctx.fireExceptionCaught(cause);
    } else if (cause instanceof TooLongFrameException) {
      // From the aggregator: the fragments of one message add up to too much.
      connection.failed(tooBig(cause));
      if (connection.closeSent()) {
        ctx.close();
      } else {
        connection.markCloseSent();
        ctx.channel()
            .writeAndFlush(
                new CloseWebSocketFrame(
                    WebSocketCloseStatus.MESSAGE_TOO_BIG,
                    "message exceeds maxMessageBytes " + maxMessageBytes))
            .addListener(ChannelFutureListener.CLOSE);
      }
    } else {
      connection.failed(cause);
      ctx.close();
    }
  }

  private LimitExceededException tooBig(Throwable cause) {
    return new LimitExceededException(
        "WebSocket message from "
            + connection.remoteAddress()
            + " exceeds maxMessageBytes "
            + maxMessageBytes,
        cause);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    connection.inactive();
    ctx.fireChannelInactive();
  }
}
