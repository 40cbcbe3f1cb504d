package org.amp4j.transport.websocket;

/**
 * How binary WebSocket messages map onto the {@link org.amp4j.spi.Connection}'s byte stream.
 *
 * <p>Text messages are never delivered in either mode: they are logged and ignored.
 */
public enum Framing {

  /**
   * Each {@code write(byte[])} is sent as one binary message; received binary payloads are
   * delivered as one byte stream (any self-delimiting codec works). An empty write sends nothing.
   */
  STREAM,

  /**
   * Received binary messages are delivered to {@link
   * org.amp4j.spi.ConnectionHandler#onBytes(java.nio.ByteBuffer)} each preceded by a 4-byte
   * big-endian length; {@code write(byte[])} takes one or more such {@code [length][payload]}
   * frames and sends each payload as one binary message (prefix stripped). A write that is not made
   * of whole frames throws {@link IllegalArgumentException} and sends nothing.
   *
   * <pre>
   *  write:   [00 00 00 03][a b c][00 00 00 01][d]  →  binary "abc", binary "d"
   *  receive: binary "abc"                           →  onBytes([00 00 00 03][a b c])
   * </pre>
   */
  LENGTH_PREFIXED
}
