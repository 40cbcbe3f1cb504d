package org.amp4j.buildbot;

/**
 * Hears about workers coming and going ({@link BuildbotMaster#addListener}). Methods do nothing by
 * default, run on the master's executor and should not block; exceptions are logged and ignored.
 */
public interface WorkerListener {

  /** A worker finished its handshake and is ready for commands. */
  default void connected(Worker worker) {}

  /**
   * A worker that was {@link #connected} lost its connection; its running commands have failed with
   * {@link org.amp4j.ConnectionLostException}.
   */
  default void disconnected(Worker worker) {}
}
