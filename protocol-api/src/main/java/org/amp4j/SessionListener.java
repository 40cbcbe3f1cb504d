package org.amp4j;

/**
 * Hears what a session goes through. Methods run on amp4j's threads and must return quickly; all do
 * nothing by default.
 */
public interface SessionListener {

  /** A listener that ignores everything. */
  SessionListener NONE = new SessionListener() {};

  /** The connection under the session dropped; calls now queue. */
  default void disconnected(String sessionId, Throwable cause) {}

  /** Reconnect attempt number {@code attempt} (from 1) starts, to {@code endpoint}. */
  default void reconnecting(String sessionId, int attempt, Endpoint endpoint) {}

  /** The session resumed on a new connection; {@code replayed} messages were sent again. */
  default void resumed(String sessionId, int replayed) {}

  /**
   * The session is gone; calls that may have run there failed with {@link SessionLostException}.
   * When a new session replaces it, {@code replacement} is its id, else null.
   */
  default void lost(String sessionId, String replacement, Throwable cause) {}
}
