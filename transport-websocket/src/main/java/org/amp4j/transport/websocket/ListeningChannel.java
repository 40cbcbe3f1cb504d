package org.amp4j.transport.websocket;

import io.netty.channel.socket.nio.NioServerSocketChannel;

/**
 * A Netty NIO server channel that tells when the JDK has released its socket: a non-blocking JDK
 * channel closed while registered with a selector keeps its socket open, and accepting, until that
 * selector next runs. {@link WebSocketServer#close()} waits for it.
 */
final class ListeningChannel extends NioServerSocketChannel {

  /** Whether the socket may still be open, after the channel has closed. */
  boolean socketHeld() {
    return javaChannel().isRegistered();
  }
}
