package org.amp4j.transport.websocket;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * Collects an upgrade request with a small body limit. An upgrade request has no body; a larger one
 * is answered {@code 413} and the connection closes (Netty's aggregator would keep a keep-alive
 * connection open).
 */
final class UpgradeRequestAggregator extends HttpObjectAggregator {

  /** The largest request body accepted, and the largest header section. */
  static final int MAX_BYTES = 8 * 1024;

  UpgradeRequestAggregator() {
    super(MAX_BYTES);
  }

  @Override
  protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
    HttpRefusals.refuse(
        ctx,
        HttpRefusals.response(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE),
        null,
        "request body larger than " + MAX_BYTES + " bytes");
  }
}
