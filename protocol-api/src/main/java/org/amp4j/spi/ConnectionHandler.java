package org.amp4j.spi;

import java.nio.ByteBuffer;

/**
 * Receives the events of one {@link Connection}, always from one thread at a time and in order.
 * Implementations must not block.
 */
public interface ConnectionHandler {

  /** Bytes arrived; the buffer is only valid during the call. */
  void onBytes(ByteBuffer data);

  /**
   * The connection closed.
   *
   * @param cause why, or null for an orderly close
   */
  void onClosed(Throwable cause);
}
