package org.amp4j.transport.websocket;

import org.amp4j.spi.Connection;

/**
 * A WebSocket {@link Connection}: binary messages carried as a byte stream according to a {@link
 * Framing}. Thread-safe, as every connection.
 *
 * <p>{@link #close()} flushes queued writes, sends a close frame with status 1000 and closes the
 * TCP connection when the peer answers it (or after a short wait). A close frame from the peer is
 * answered and ends the connection: {@code onClosed(null)} for status 1000, 1001 or none, a {@link
 * org.amp4j.ConnectionLostException} naming the status otherwise. A received message larger than
 * the configured maximum closes the connection with status 1009 and a {@link
 * org.amp4j.LimitExceededException}.
 */
public interface WebSocketConnection extends Connection {

  /**
   * The user name the client authenticated with (server side), or null when the server has no
   * authenticator and on the client side.
   */
  String user();
}
