package org.amp4j;

import java.util.Set;

/**
 * A listening endpoint that answers every accepted connection with its own {@link Peer}.
 * Thread-safe.
 */
public interface AmpServer extends AutoCloseable {

  /** The bound host. */
  String host();

  /** The bound port (the real one when 0 was asked). */
  int port();

  /** The peers of the connections open now. */
  Set<Peer> peers();

  /** Stops listening and closes every open connection gracefully. Idempotent. */
  @Override
  void close();
}
