package org.amp4j.transport.websocket;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers an upgrade request that is refused, logs one line for it, then closes. */
final class HttpRefusals {

  private static final Logger log = LoggerFactory.getLogger(WebSocketServer.class);

  private HttpRefusals() {}

  /** A plain-text answer with the status as its body and {@code Connection: close}. */
  static FullHttpResponse response(HttpResponseStatus status) {
    byte[] body = (status + "\r\n").getBytes(StandardCharsets.US_ASCII);
    FullHttpResponse response =
        new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
    response
        .headers()
        .set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=US-ASCII")
        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
        .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    return response;
  }

  /**
   * Writes the answer, closes the connection once it is written, and logs the refusal.
   *
   * @param user the user name the request carried, or null; never a password
   */
  static void refuse(
      ChannelHandlerContext ctx, FullHttpResponse response, String user, String why) {
    if (log.isInfoEnabled()) {
      log.info(
          "refused WebSocket upgrade from {}{}: {} ({})",
          Addresses.describe(ctx.channel().remoteAddress()),
          user == null ? "" : " for user '" + printable(user) + "'",
          response.status(),
          why);
    }
    ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
  }

  /** The text with control characters replaced, so that a log line stays one line. */
  static String printable(String text) {
    StringBuilder b = new StringBuilder(text.length());
    text.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c));
    return b.toString();
  }
}
