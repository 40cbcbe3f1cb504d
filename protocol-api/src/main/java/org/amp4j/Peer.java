package org.amp4j;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.amp4j.value.Fields;

/**
 * One end of a connection: makes calls to the other end and answers the other end's calls with its
 * {@link Responders}. Both ends are peers; either may call at any time.
 *
 * <p>Many calls may be in flight at once; answers are matched by tag and may arrive in any order.
 * Returned stages complete on the configured executor, never on an I/O thread. Cancelling a
 * returned future ({@code toCompletableFuture().cancel(true)}) forgets the call locally; a late
 * answer is ignored. When the connection closes, every outstanding call fails with {@link
 * ConnectionLostException}, and later calls fail at once. Thread-safe.
 */
public interface Peer extends AutoCloseable {

  /**
   * Calls a command with the configured default timeout.
   *
   * @return the response; for a command declared {@code requiresAnswer = false}, null as soon as
   *     the call is written. Fails with the command's declared exception type for a declared error
   *     code, {@link RemoteException} for others, {@link EncodingException} if an argument cannot
   *     be sent (nothing written), {@link CallTimeoutException}, {@link LimitExceededException} or
   *     {@link ConnectionLostException}
   */
  <R> CompletionStage<R> call(Command<R> command);

  /** Calls a command with its own timeout ({@link Duration#ZERO} for none). */
  <R> CompletionStage<R> call(Command<R> command, Duration timeout);

  /**
   * Calls a command given in untyped form, for tools that have no class for it.
   *
   * @return the answer's values, read with the types the caller chooses; null for a call without
   *     answer
   */
  CompletionStage<Fields> call(UntypedCommand command);

  /** Whether the connection is open. */
  boolean isOpen();

  /** Completes when the connection has closed, for any reason. */
  CompletionStage<Void> closeFuture();

  /**
   * The codec this connection speaks, such as {@code json}: the one the handshake settled on, or
   * {@code amp} with a plain AMP peer.
   */
  String codec();

  /**
   * The counts of this peer's session (see {@link SessionConfig}); null when the connection has no
   * session (sessions off, or a peer that does not offer them).
   */
  SessionStats session();

  /** A description of the other end, such as {@code 127.0.0.1:4242}. */
  String remoteAddress();

  /** Closes the connection gracefully: what is queued is written first. Idempotent. */
  @Override
  void close();
}
