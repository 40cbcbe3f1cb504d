package org.amp4j;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.amp4j.spi.Codec;
import org.amp4j.spi.Connection;
import org.amp4j.spi.ConnectionHandler;
import org.amp4j.spi.InboundMessage;
import org.amp4j.spi.MessageDecoder;
import org.amp4j.spi.OutboundMessage;
import org.amp4j.spi.TypedValue;
import org.amp4j.value.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The peer behind {@link Peer}: tags and outstanding calls, reading and routing what arrives,
 * writing, and closing as Twisted AMP does (amp-wire.md §10). Received calls are answered by {@link
 * Answers}; the hello is decided by {@link Handshake}; with a session, frames go through a {@link
 * SessionLink} instead of the connection.
 */
final class RealPeer implements Peer, ConnectionHandler, ClientSession.Replaced {
  private static final Logger log = LoggerFactory.getLogger(RealPeer.class);

  /** The error code a server answers a resume with when the token is wrong. */
  static final String SESSION_REFUSED = "SESSION_REFUSED";

  private static final Duration DRAIN_LIMIT = Duration.ofSeconds(10);
  // The least room the lists of one read's calls and answers start with.
  private static final int MIN_PER_READ = 4;

  // What this peer writes to: the connection it started on, or the session over it.
  private volatile Connection connection;
  // The connection this peer started on; with a session, its bytes go to the session.
  private final Connection physical;
  private volatile SessionLink forward;
  // This peer's session, when it has one.
  private volatile SessionLink session;
  // Answers are written only in the session (epoch) their call came in.
  private volatile int epoch;
  // A server peer that handed its connection to a resumed session and took no part after.
  private volatile boolean retired;
  private final PeerConfig config;
  private final Executor executor;
  private final SerialExecutor dispatch;
  private final OutstandingCalls outstanding;
  private final PendingRequests requests;
  private final CommandSpec.Cache specs;
  private final Object writeLock = new Object();
  private final CompletableFuture<Void> closeFuture = new CompletableFuture<>();
  private long tagCounter;
  // Room for a read's calls and answers: what the last read had (a hint, not synchronized).
  private int callsPerRead = MIN_PER_READ;
  private int answersPerRead = MIN_PER_READ;
  private volatile boolean closed;
  private volatile Throwable closeReason;
  private volatile boolean draining;
  private Responders responders = Responders.none();
  private final Answers answers = new Answers(this);

  // The codec changes once, when the handshake ends: under writeLock, so that every frame after
  // the handshake's answer is in the new codec. The decoder is used on the I/O thread only.
  private volatile Codec codec;
  private MessageDecoder decoder;
  // The handshake, while one is going or when the peer was made by one; null for a fixed codec.
  private Handshake handshake;

  private RealPeer(Connection connection, Codec codec, PeerConfig config) {
    this.connection = connection;
    this.physical = connection;
    this.codec = codec;
    this.decoder = codec.newDecoder();
    this.config = config;
    this.executor = config.executor() != null ? config.executor() : SharedExecutors.handlerPool();
    this.dispatch = new SerialExecutor(executor);
    this.outstanding = new OutstandingCalls(executor);
    this.requests = new PendingRequests(config.limits().maxPendingRequests());
    this.specs = CommandSpec.cacheFor(config.types());
  }

  /** Wraps a fresh connection in a peer with a fixed codec and starts reading from it. */
  static RealPeer open(
      Connection connection,
      Codec codec,
      PeerConfig config,
      Function<? super Peer, Responders> responders) {
    RealPeer peer = new RealPeer(connection, codec, config);
    peer.start(responders);
    return peer;
  }

  /**
   * Wraps a connection a server accepted: with the handshake on, it speaks AMP and takes a hello as
   * its first message, if one comes; otherwise it speaks the first configured codec.
   */
  static RealPeer accept(
      Connection connection,
      CodecSet codecs,
      PeerConfig config,
      SessionRegistry sessions,
      Function<? super Peer, Responders> responders) {
    RealPeer peer =
        new RealPeer(connection, config.handshake() ? codecs.amp() : codecs.first(), config);
    if (config.handshake()) {
      peer.handshake = Handshake.server(peer, config, codecs, sessions);
    }
    peer.start(responders);
    return peer;
  }

  /**
   * Wraps a connection a client made and, with the handshake on, sends the hello. Completes when
   * the codec is settled: the peer is then ready for calls.
   */
  static CompletionStage<Peer> connect(
      Connection connection,
      CodecSet codecs,
      PeerConfig config,
      ClientSession.Dialer dialer,
      List<Endpoint> endpoints,
      Function<? super Peer, Responders> responders) {
    if (!config.handshake()) {
      return CompletableFuture.completedFuture(
          open(connection, codecs.first(), config, responders));
    }
    RealPeer peer = new RealPeer(connection, codecs.amp(), config);
    peer.handshake = Handshake.client(peer, config, codecs, dialer, endpoints);
    peer.start(responders);
    peer.handshake.sendHello();
    return peer.handshake.done();
  }

  private void start(Function<? super Peer, Responders> factory) {
    Responders r = factory == null ? null : factory.apply(this);
    responders = r == null ? Responders.none() : r;
    connection.start(this);
  }

  // ---- calling ----

  @Override
  public <R> CompletionStage<R> call(Command<R> command) {
    return call(command, config.callTimeout());
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public <R> CompletionStage<R> call(Command<R> command, Duration timeout) {
    CommandSpec spec;
    List<TypedValue<?>> values;
    try {
      spec = specs.get((Class) command.getClass());
      values = OutboundValues.of(spec.arguments(), command, spec.name());
    } catch (AmpException e) {
      return CompletableFuture.failedFuture(e);
    }
    return send(
        spec.name(),
        values,
        spec.requiresAnswer(),
        spec.idempotent(),
        timeout,
        spec.answerReader(),
        spec.errorReader());
  }

  @Override
  public CompletionStage<Fields> call(UntypedCommand command) {
    return send(
        command.name(),
        command.arguments(),
        command.requiresAnswer(),
        false,
        config.callTimeout(),
        fields -> fields,
        RemoteException::of);
  }

  private <R> CompletionStage<R> send(
      String command,
      List<TypedValue<?>> values,
      boolean requiresAnswer,
      boolean idempotent,
      Duration timeout,
      Function<Fields, R> readAnswer,
      BiFunction<String, String, RuntimeException> readError) {
    OutstandingCalls.CallFuture<R> future = new OutstandingCalls.CallFuture<>();
    String tag;
    OutboundMessage message;
    Codec callCodec;
    SessionLink s;
    synchronized (writeLock) {
      if (closed) {
        return CompletableFuture.failedFuture(lost("cannot call " + command));
      }
      long number = ++tagCounter;
      tag = Long.toHexString(number);
      message = OutboundMessage.call(command, requiresAnswer ? tag : null, values);
      s = session;
      callCodec = codec;
      if (requiresAnswer) {
        int limit = config.limits().maxOutstandingCalls();
        if (!outstanding.add(
            number,
            tag,
            new OutstandingCalls.Pending<>(command, future, readAnswer, readError),
            timeout,
            limit)) {
          return CompletableFuture.failedFuture(
              new LimitExceededException(
                  command
                      + ": "
                      + outstanding.size()
                      + " calls already outstanding, limit "
                      + limit));
        }
      }
      if (s == null) {
        // encoded straight into the connection's batch where it can
        try {
          connection.write(callCodec, message);
        } catch (AmpException | IllegalArgumentException e) {
          outstanding.remove(tag);
          return CompletableFuture.failedFuture(encodingFailed(command, e));
        }
      }
    }
    if (s != null) {
      // outside the lock: with Overflow.WAIT this may wait for room, and must not hold up others
      try {
        s.writeCall(callCodec, message, requiresAnswer ? tag : null, idempotent, future);
      } catch (AmpException | IllegalArgumentException e) {
        outstanding.remove(tag);
        return CompletableFuture.failedFuture(encodingFailed(command, e));
      }
    }
    return requiresAnswer ? future : CompletableFuture.completedFuture(null);
  }

  /**
   * What a call fails with when it cannot be encoded or written: the exception itself, or an {@link
   * EncodingException} naming the command for a value the codec refused.
   */
  private static RuntimeException encodingFailed(String command, RuntimeException e) {
    return e instanceof AmpException
        ? e
        : new EncodingException(command + ": " + e.getMessage(), e);
  }

  // ---- receiving (I/O thread) ----

  @Override
  public void onBytes(ByteBuffer data) {
    SessionLink f = forward;
    if (f != null) {
      f.onBytes(physical, data);
      return;
    }
    decode(data, null);
  }

  /** Decodes and routes one read: the connection's bytes ({@code data}) or a session's frames. */
  private void decode(ByteBuffer data, ReceivedFrames frames) {
    if (closed || draining) {
      return;
    }
    // Calls completed by this read are counted before any of them is dispatched, so that a
    // close decided by one of them still lets the others of the same read finish (as Twisted
    // processes every box of a read before its close takes effect).
    List<InboundMessage> calls = new ArrayList<>(callsPerRead);
    // The answers of one read complete in one task on the executor: one hand-over per read
    // rather than one per answer.
    List<Runnable> answered = new ArrayList<>(answersPerRead);
    try {
      // The decoder may change after a message (the handshake), so take one message at a time.
      boolean inSession = forward != null;
      for (int i = 0, n = frames == null ? 1 : frames.ranges(); i < n; i++) {
        ByteBuffer in = frames == null ? data : frames.range(i);
        InboundMessage m;
        int decoded = 0;
        while (in.hasRemaining() && (m = decoder.next(in)) != null) {
          decoded++;
          onMessage(m, calls, answered);
          SessionLink f = forward;
          if (f != null && !inSession) {
            // the handshake put this connection under a session: the rest is session frames
            if (in.hasRemaining()) {
              f.onBytes(physical, in);
            }
            return;
          }
        }
        if (frames != null) {
          frames.checkDecoded(i, decoded);
        }
      }
    } catch (ProtocolException e) {
      log.warn("closing connection to {}: {}", remoteAddress(), e.getMessage());
      failReading(e);
    } catch (RuntimeException e) {
      log.error("closing connection to {}: unexpected decoder failure", remoteAddress(), e);
      failReading(new ProtocolException("decoder failed: " + e, e));
    } finally {
      callsPerRead = Math.max(MIN_PER_READ, calls.size());
      answersPerRead = Math.max(MIN_PER_READ, answered.size());
      if (answered.size() == 1) {
        executor.execute(answered.get(0));
      } else if (!answered.isEmpty()) {
        executor.execute(() -> answered.forEach(Runnable::run));
      }
      if (!calls.isEmpty()) {
        // one task for the calls of one read, answered in order as one by one
        dispatch.execute(() -> calls.forEach(answers::handleGuarded));
      }
    }
  }

  private void onMessage(InboundMessage m, List<InboundMessage> calls, List<Runnable> answered) {
    if (handshake != null && handshake.intercept(m)) {
      return;
    }
    switch (m.kind()) {
      case ANSWER, ERROR -> {
        Runnable completion = outstanding.take(m);
        if (completion != null) {
          answered.add(completion);
        }
      }
      case CALL -> {
        countRequest();
        calls.add(m);
      }
      default -> throw new ProtocolException("unknown message kind " + m.kind());
    }
  }

  void countRequest() {
    requests.received(connection);
  }

  // ---- for the handshake (I/O thread, except writeTagged) ----

  Codec currentCodec() {
    return codec;
  }

  /** Writes the message made for the next tag. */
  void writeTagged(Function<String, OutboundMessage> message) {
    synchronized (writeLock) {
      connection.write(codec.encode(message.apply(Long.toHexString(++tagCounter))));
    }
  }

  /**
   * Writes {@code first} (if not null) and speaks {@code next} from the very next frame, both ways;
   * false if the peer closed meanwhile.
   */
  boolean switchCodec(Codec next, byte[] first) {
    synchronized (writeLock) {
      if (closed) {
        return false;
      }
      if (first != null) {
        connection.write(first);
      }
      codec = next;
    }
    decoder = next.newDecoder();
    return true;
  }

  /** Answers a call with an error and closes: a refused resume. */
  void refuse(String tag, String code, String description, Throwable reason) {
    writeError(tag, code, description);
    closeBecause(reason);
  }

  /**
   * A server's part when a client resumes a session: writes the answer, hands this connection to
   * the session, and retires this peer without closing the connection.
   *
   * @param peerRuns whether the client reads RUN frames
   * @return how many frames the session sent again
   */
  int handOver(SessionLink link, byte[] answer, long peerReceived, boolean peerRuns) {
    synchronized (writeLock) {
      physical.write(answer);
      retired = true;
      closed = true;
    }
    forward = link;
    int replayed = link.attach(physical, peerReceived, peerRuns);
    closeFuture.complete(null);
    return replayed;
  }

  void dispatchCall(InboundMessage call) {
    dispatch.execute(() -> answers.handle(call));
  }

  /** Completes the handshake's future, off the I/O thread. */
  void complete(CompletableFuture<Peer> done) {
    executor.execute(() -> done.complete(this));
  }

  @Override
  public boolean awaited(String tag) {
    return outstanding.contains(tag);
  }

  @Override
  public void replaced(Set<String> kept, SessionLostException cause) {
    epoch++;
    outstanding.failAllExcept(
        kept, command -> new SessionLostException(command + ": " + cause.getMessage(), cause));
  }

  /**
   * Puts this peer on a session over its connection (both roles, new sessions).
   *
   * @param peerRuns whether the other side reads RUN frames
   */
  void carry(SessionLink link, boolean peerRuns) {
    link.start(
        new SessionLink.FramesHandler() {
          @Override
          public void onFrames(ReceivedFrames frames) {
            decode(null, frames);
          }

          @Override
          public void onClosed(Throwable cause) {
            ended(cause);
          }
        });
    synchronized (writeLock) {
      session = link;
      connection = link;
    }
    forward = link;
    link.attach(physical, 0, peerRuns);
  }

  // ---- for answering (executor) ----

  Responders responders() {
    return responders;
  }

  PeerConfig config() {
    return config;
  }

  /** Which session received calls belong to; answers are written only in their own. */
  int epoch() {
    return epoch;
  }

  void fail(String why, Throwable cause) {
    log.error("closing connection to {}: {}", remoteAddress(), why, cause);
    closeBecause(new ProtocolException(why, cause));
  }

  void requestDone() {
    int left = requests.finished();
    if (!draining) {
      requests.resumeIfFew(connection, left);
    } else if (left <= 0) {
      connection.close();
    }
  }

  void writeError(String tag, String code, String description) {
    write(OutboundMessage.error(tag, code, description));
  }

  /**
   * Writes an answer or error, encoded straight into the connection's batch where it can ({@link
   * Connection#write(Codec, OutboundMessage)}). A connection that cannot take it is closed.
   *
   * @throws EncodingException or {@link IllegalArgumentException} if the codec cannot encode it;
   *     nothing is written
   */
  void write(OutboundMessage message) {
    if (closed) {
      return;
    }
    try {
      connection.write(codec, message);
    } catch (ConnectionLostException | LimitExceededException e) {
      log.warn("cannot answer {}: {}", remoteAddress(), e.getMessage());
      closeBecause(e);
    }
  }

  // ---- closing ----

  private ConnectionLostException lost(String what) {
    Throwable reason = closeReason;
    String suffix = reason == null ? "" : ": " + reason.getMessage();
    if (reason instanceof SessionLostException) {
      return new SessionLostException(what + suffix, reason);
    }
    return new ConnectionLostException(
        what + ": connection to " + remoteAddress() + " is closed" + suffix, reason);
  }

  /** After bad input: a connection that never finished its handshake has nothing to drain. */
  private void failReading(Throwable reason) {
    if (handshake != null && handshake.awaitingAnswer()) {
      abort(reason);
    } else {
      closeBecause(reason);
    }
  }

  /** Closes at once, without letting received requests finish. */
  void abort(Throwable reason) {
    synchronized (this) {
      if (closeReason == null) {
        closeReason = reason;
      }
      draining = true;
    }
    connection.close();
  }

  /**
   * Closes as Twisted does after a fatal, undeclared or protocol error: reads nothing more, lets
   * the requests already received finish and answer (bounded by {@link #DRAIN_LIMIT}), then closes
   * gracefully.
   */
  void closeBecause(Throwable reason) {
    synchronized (this) {
      if (closeReason == null) {
        closeReason = reason;
      }
      if (draining) {
        return;
      }
      draining = true;
    }
    connection.setReadingPaused(true);
    if (requests.count() <= 0) {
      connection.close();
    } else {
      SharedExecutors.timerPool()
          .schedule(connection::close, DRAIN_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public void onClosed(Throwable cause) {
    SessionLink f = forward;
    if (f != null) {
      f.detach(physical, cause); // the session lives on and waits for a new connection
      return;
    }
    ended(cause);
  }

  /** The connection, or the session, is over. */
  private void ended(Throwable cause) {
    if (cause != null && closeReason == null) {
      closeReason = cause;
    }
    synchronized (writeLock) {
      closed = true;
    }
    outstanding.failAll(this::lost);
    if (handshake != null) {
      handshake.closed(lost("handshake"));
    }
    closeFuture.complete(null);
  }

  @Override
  public boolean isOpen() {
    return !closed;
  }

  @Override
  public CompletionStage<Void> closeFuture() {
    return closeFuture.minimalCompletionStage();
  }

  @Override
  public String codec() {
    return codec.name();
  }

  @Override
  public String remoteAddress() {
    return connection.remoteAddress();
  }

  @Override
  public void close() {
    if (!retired) {
      connection.close();
    }
  }

  @Override
  public SessionStats session() {
    SessionLink s = session;
    return s == null ? null : s.counters().snapshot(s.id(), s.isAttached());
  }

  @Override
  public String toString() {
    return "Peer[" + remoteAddress() + ", " + codec.name() + (closed ? ", closed" : "") + "]";
  }
}
