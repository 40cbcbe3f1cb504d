package org.amp4j;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.amp4j.spi.Codec;
import org.amp4j.spi.Connection;
import org.amp4j.spi.ConnectionHandler;
import org.amp4j.spi.InboundMessage;
import org.amp4j.spi.MessageDecoder;
import org.amp4j.spi.MessageKind;
import org.amp4j.spi.OutboundMessage;
import org.amp4j.spi.TypedValue;
import org.amp4j.value.Fields;
import org.amp4j.value.RecordSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The peer behind {@link Peer}: tags and outstanding calls, dispatch of received calls to
 * responders, and the error semantics of Twisted AMP (amp-wire.md §5, §6, §10).
 */
final class RealPeer implements Peer, ConnectionHandler {
  private static final Logger log = LoggerFactory.getLogger(RealPeer.class);
  private static final String UNKNOWN_DESCRIPTION = "Unknown Error";

  /** The error code a server answers a resume with when the token is wrong. */
  static final String SESSION_REFUSED = "SESSION_REFUSED";

  private static final Duration DRAIN_LIMIT = Duration.ofSeconds(10);

  // What this peer writes to: the connection it started on, or the session over it.
  private volatile Connection connection;
  // The connection this peer started on; with a session, its bytes go to the session.
  private final Connection physical;
  private volatile SessionLink forward;
  // This peer's session, when it has one; a server's sessions; a client's redialer.
  private volatile SessionLink session;
  private final SessionRegistry sessions;
  private final ClientSession.Dialer dialer;
  private final List<Endpoint> endpoints;
  // Answers are written only in the session (epoch) their call came in.
  private volatile int epoch;
  // A server peer that handed its connection to a resumed session and took no part after.
  private volatile boolean retired;
  private final PeerConfig config;
  private final Executor executor;
  private final SerialExecutor dispatch;
  private final OutstandingCalls outstanding;
  private final Object writeLock = new Object();
  private final AtomicInteger pendingRequests = new AtomicInteger();
  private final CompletableFuture<Void> closeFuture = new CompletableFuture<>();
  private long tagCounter;
  private volatile boolean closed;
  private volatile Throwable closeReason;
  private volatile boolean readingPaused;
  private volatile boolean draining;
  private Responders responders = Responders.none();

  // The codec changes once, when the handshake ends: under writeLock, so that every frame after
  // the handshake's answer is in the new codec. The decoder is used on the I/O thread only.
  private volatile Codec codec;
  private MessageDecoder decoder;
  // The handshake (see Hello); null when this peer is not part of one.
  private final CodecSet codecs;
  private HandshakeState handshake = HandshakeState.NONE;
  private String helloTag;
  private final CompletableFuture<Peer> handshakeDone = new CompletableFuture<>();
  private final List<InboundMessage> heldCalls = new ArrayList<>();

  private enum HandshakeState {
    /** Not negotiating: the codec is fixed. */
    NONE,
    /** A server that has not yet received its first message, which may be a hello. */
    AWAITING_HELLO,
    /** A client that sent its hello and awaits the answer; received calls are held until then. */
    AWAITING_ANSWER
  }

  private RealPeer(
      Connection connection,
      Codec codec,
      CodecSet codecs,
      PeerConfig config,
      SessionRegistry sessions,
      ClientSession.Dialer dialer,
      List<Endpoint> endpoints) {
    this.connection = connection;
    this.physical = connection;
    this.sessions = sessions;
    this.dialer = dialer;
    this.endpoints = endpoints;
    this.codec = codec;
    this.decoder = codec.newDecoder();
    this.codecs = codecs;
    this.config = config;
    this.executor = config.executor() != null ? config.executor() : SharedExecutors.handlerPool();
    this.dispatch = new SerialExecutor(executor);
    this.outstanding = new OutstandingCalls(executor);
  }

  /** Wraps a fresh connection in a peer with a fixed codec and starts reading from it. */
  static RealPeer open(
      Connection connection,
      Codec codec,
      PeerConfig config,
      Function<? super Peer, Responders> responders) {
    RealPeer peer = new RealPeer(connection, codec, null, config, null, null, List.of());
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
        new RealPeer(
            connection,
            config.handshake() ? codecs.amp() : codecs.first(),
            codecs,
            config,
            sessions,
            null,
            List.of());
    if (config.handshake()) {
      peer.handshake = HandshakeState.AWAITING_HELLO;
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
    RealPeer peer = new RealPeer(connection, codecs.amp(), codecs, config, null, dialer, endpoints);
    peer.handshake = HandshakeState.AWAITING_ANSWER;
    peer.start(responders);
    peer.sendHello();
    return peer.handshakeDone;
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
      spec = CommandSpec.cached((Class) command.getClass(), config.types());
      values = OutboundValues.of(spec.arguments(), command, spec.name());
    } catch (AmpException e) {
      return CompletableFuture.failedFuture(e);
    }
    RecordSchema<R> response = spec.response();
    Function<Fields, R> readAnswer = fields -> response == null ? null : fields.read(response);
    return send(
        spec.name(),
        values,
        spec.requiresAnswer(),
        spec.idempotent(),
        timeout,
        readAnswer,
        spec::remoteError);
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
    CompletableFuture<R> future = new CompletableFuture<>();
    String tag;
    byte[] frame;
    SessionLink s;
    synchronized (writeLock) {
      if (closed) {
        return CompletableFuture.failedFuture(lost("cannot call " + command));
      }
      tag = Long.toHexString(++tagCounter);
      try {
        frame = codec.encode(OutboundMessage.call(command, requiresAnswer ? tag : null, values));
      } catch (AmpException e) {
        return CompletableFuture.failedFuture(e);
      } catch (IllegalArgumentException e) {
        return CompletableFuture.failedFuture(
            new EncodingException(command + ": " + e.getMessage(), e));
      }
      if (requiresAnswer) {
        if (outstanding.size() >= config.limits().maxOutstandingCalls()) {
          return CompletableFuture.failedFuture(
              new LimitExceededException(
                  command
                      + ": "
                      + outstanding.size()
                      + " calls already outstanding, limit "
                      + config.limits().maxOutstandingCalls()));
        }
        outstanding.add(
            tag, new OutstandingCalls.Pending<>(command, future, readAnswer, readError), timeout);
      }
      s = session;
      if (s == null) {
        try {
          connection.write(frame);
        } catch (AmpException e) {
          outstanding.remove(tag);
          return CompletableFuture.failedFuture(e);
        }
      }
    }
    if (s != null) {
      // outside the lock: with Overflow.WAIT this may wait for room, and must not hold up others
      try {
        s.writeCall(frame, requiresAnswer ? tag : null, idempotent, future);
      } catch (AmpException e) {
        outstanding.remove(tag);
        return CompletableFuture.failedFuture(e);
      }
    }
    return requiresAnswer ? future : CompletableFuture.completedFuture(null);
  }

  // ---- receiving (I/O thread) ----

  @Override
  public void onBytes(ByteBuffer data) {
    SessionLink f = forward;
    if (f != null) {
      f.onBytes(physical, data);
      return;
    }
    decode(data);
  }

  /** Decodes and routes bytes: from the connection, or one frame at a time from the session. */
  private void decode(ByteBuffer data) {
    if (closed || draining) {
      return;
    }
    // Calls completed by this read are counted before any of them is dispatched, so that a
    // close decided by one of them still lets the others of the same read finish (as Twisted
    // processes every box of a read before its close takes effect).
    List<InboundMessage> calls = new ArrayList<>();
    try {
      // The decoder may change after a message (the handshake), so take one message at a time.
      InboundMessage m;
      boolean inSession = forward != null;
      while ((m = decoder.next(data)) != null) {
        onMessage(m, calls);
        SessionLink f = forward;
        if (f != null && !inSession) {
          // the handshake put this connection under a session: the rest is session frames
          if (data.hasRemaining()) {
            f.onBytes(physical, data);
          }
          return;
        }
      }
    } catch (ProtocolException e) {
      log.warn("closing connection to {}: {}", remoteAddress(), e.getMessage());
      failReading(e);
    } catch (RuntimeException e) {
      log.error("closing connection to {}: unexpected decoder failure", remoteAddress(), e);
      failReading(new ProtocolException("decoder failed: " + e, e));
    } finally {
      for (InboundMessage call : calls) {
        dispatch.execute(() -> handleCall(call));
      }
    }
  }

  private void onMessage(InboundMessage m, List<InboundMessage> calls) {
    switch (handshake) {
      case AWAITING_HELLO -> {
        handshake = HandshakeState.NONE;
        if (Hello.isHello(m)) {
          answerHello(m);
          return;
        }
      }
      case AWAITING_ANSWER -> {
        if (m.kind() != MessageKind.CALL && helloTag.equals(m.tag())) {
          endHandshake(m);
          return;
        }
        if (m.kind() == MessageKind.CALL) {
          countRequest();
          heldCalls.add(m);
          return;
        }
      }
      default -> {}
    }
    switch (m.kind()) {
      case ANSWER, ERROR -> outstanding.answer(m);
      case CALL -> {
        countRequest();
        calls.add(m);
      }
      default -> throw new ProtocolException("unknown message kind " + m.kind());
    }
  }

  private void countRequest() {
    if (pendingRequests.incrementAndGet() >= config.limits().maxPendingRequests()
        && !readingPaused) {
      readingPaused = true;
      connection.setReadingPaused(true);
    }
  }

  // ---- handshake (I/O thread, except sendHello) ----

  private void sendHello() {
    synchronized (writeLock) {
      helloTag = Long.toHexString(++tagCounter);
      try {
        Hello.SessionAsk ask = config.session().enabled() ? Hello.SessionAsk.fresh() : null;
        connection.write(
            codec.encode(
                Hello.offer(helloTag, new Hello.Offer(codecs.names(), codecs.extensions(), ask))));
      } catch (AmpException e) {
        handshakeDone.completeExceptionally(e);
        connection.close();
        return;
      }
    }
    long timeout = config.connectTimeout().isZero() ? 0 : config.connectTimeout().toMillis();
    if (timeout > 0) {
      SharedExecutors.timerPool()
          .schedule(
              () -> {
                if (!handshakeDone.isDone()) {
                  abort(
                      new ConnectionLostException(
                          "no answer to the handshake from "
                              + remoteAddress()
                              + " within "
                              + config.connectTimeout()));
                }
              },
              timeout,
              TimeUnit.MILLISECONDS);
    }
  }

  /** A server's part: choose the codec, answer in AMP, and speak the chosen codec from then on. */
  private void answerHello(InboundMessage m) {
    if (m.tag() == null) {
      throw new ProtocolException(Hello.COMMAND + " sent without _ask");
    }
    Hello.Offer offer = Hello.readOffer(m);
    boolean grant = offer.session() != null && sessions != null && config.session().enabled();
    if (grant && !Hello.NEW_SESSION.equals(offer.session().id())) {
      SessionLink existing = sessions.find(offer.session().id());
      if (existing != null) {
        resume(m.tag(), offer.session(), existing);
        return;
      }
    }
    CodecSet.Choice choice = codecs.choose(offer.codecs(), offer.extensions());
    SessionLink link = grant ? sessions.create(choice.codec().name(), choice.extensions()) : null;
    Hello.SessionGrant granted =
        link == null ? null : new Hello.SessionGrant(link.id(), link.token(), 0, false);
    byte[] frame =
        codec.encode(
            Hello.answer(
                m.tag(), new Hello.Choice(choice.codec().name(), choice.extensions(), granted)));
    synchronized (writeLock) {
      if (closed) {
        return;
      }
      connection.write(frame);
      codec = choice.codec();
    }
    decoder = choice.codec().newDecoder();
    log.debug("{}: codec {} {}", remoteAddress(), choice.codec().name(), choice.extensions());
    if (link != null) {
      log.debug("{}: new session {}", remoteAddress(), link.id());
      carry(link);
    }
  }

  /**
   * A server's part when a client resumes a session it knows: check the token, answer, and hand
   * this connection to the session's own peer. This peer then retires without closing it.
   */
  private void resume(String tag, Hello.SessionAsk ask, SessionLink link) {
    if (!java.security.MessageDigest.isEqual(link.token(), ask.token())) {
      log.warn("{}: wrong resume token for session {}; refused", remoteAddress(), ask.id());
      writeError(tag, SESSION_REFUSED, "wrong resume token");
      closeBecause(new ProtocolException("wrong resume token for session " + ask.id()));
      return;
    }
    Hello.Choice choice =
        new Hello.Choice(
            link.codec(),
            link.extensions(),
            new Hello.SessionGrant(link.id(), new byte[0], link.delivered(), true));
    synchronized (writeLock) {
      physical.write(codec.encode(Hello.answer(tag, choice)));
      retired = true;
      closed = true;
    }
    forward = link;
    int replayed = link.attach(physical, ask.received());
    link.counters().resumes.incrementAndGet();
    log.debug("{}: session {} resumed, {} sent again", remoteAddress(), link.id(), replayed);
    config.session().listener().resumed(link.id(), replayed);
    closeFuture.complete(null);
  }

  /** Puts this peer on a session over its connection (both roles, new sessions). */
  private void carry(SessionLink link) {
    link.start(
        new ConnectionHandler() {
          @Override
          public void onBytes(ByteBuffer data) {
            decode(data);
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
    link.attach(physical, 0);
  }

  /** A client's part when the session it had is replaced by a new one. */
  private void replaced(java.util.Set<String> kept, SessionLostException cause) {
    epoch++;
    outstanding.failAllExcept(
        kept, command -> new SessionLostException(command + ": " + cause.getMessage(), cause));
  }

  /** A client's part: take the server's choice, or stay AMP if the server does not know hello. */
  private void endHandshake(InboundMessage m) {
    if (m.kind() == MessageKind.ERROR) {
      if (!RemoteException.UNHANDLED.equals(m.errorCode())) {
        throw new ProtocolException(
            "handshake refused by "
                + remoteAddress()
                + ": "
                + m.errorCode()
                + " "
                + m.errorDescription());
      }
      log.debug("{} is a plain AMP peer; staying with amp", remoteAddress());
    } else {
      Hello.Choice choice = Hello.readChoice(m);
      Codec chosen = codecs.accept(choice.codec(), choice.extensions());
      synchronized (writeLock) {
        codec = chosen;
      }
      decoder = chosen.newDecoder();
      log.debug("{}: codec {} {}", remoteAddress(), chosen.name(), choice.extensions());
      Hello.SessionGrant grant = choice.session();
      if (grant != null && config.session().enabled()) {
        List<Endpoint> targets = new ArrayList<>(endpoints);
        ClientSession client = new ClientSession(config, codecs.amp(), dialer, targets);
        SessionLink link =
            new SessionLink(
                grant.id(), grant.token(), chosen.name(), choice.extensions(), config, client);
        client.bind(
            link,
            new ClientSession.Replaced() {
              @Override
              public boolean awaited(String tag) {
                return outstanding.contains(tag);
              }

              @Override
              public void replaced(java.util.Set<String> kept, SessionLostException cause) {
                RealPeer.this.replaced(kept, cause);
              }
            });
        carry(link);
      }
    }
    handshake = HandshakeState.NONE;
    for (InboundMessage call : heldCalls) {
      dispatch.execute(() -> handleCall(call));
    }
    heldCalls.clear();
    executor.execute(() -> handshakeDone.complete(this));
  }

  // ---- answering (executor) ----

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void handleCall(InboundMessage m) {
    Responders.Entry entry = responders.lookup(m.command());
    String tag = m.tag();
    if (entry == null) {
      byte[] name = m.command().getBytes(StandardCharsets.UTF_8);
      if (tag == null) {
        fail("unknown command " + m.command() + " sent without answer", null);
      } else {
        log.debug("unhandled command {} from {}", m.command(), remoteAddress());
        writeError(tag, RemoteException.UNHANDLED, "Unhandled Command: " + PythonRepr.bytes(name));
      }
      requestDone();
      return;
    }
    CommandSpec spec = entry.spec();
    Object args;
    try {
      args = m.fields().read(spec.arguments());
    } catch (IllegalArgumentException e) {
      log.warn("{} from {}: bad arguments: {}", spec.name(), remoteAddress(), e.getMessage());
      answerUnknown(tag, spec.name());
      requestDone();
      return;
    }
    int callEpoch = epoch;
    CompletionStage<?> result;
    try {
      result = entry.handler().apply(args);
    } catch (RuntimeException | Error e) {
      result = CompletableFuture.failedFuture(e);
    }
    result.whenComplete(
        (r, t) -> {
          try {
            if (callEpoch == epoch) { // else its session is gone, and its caller with it
              respond(spec, tag, r, t);
            }
          } finally {
            requestDone();
          }
        });
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void respond(CommandSpec spec, String tag, Object response, Throwable failure) {
    if (failure != null) {
      Throwable t =
          failure instanceof CompletionException && failure.getCause() != null
              ? failure.getCause()
              : failure;
      java.util.Optional<CommandSpec.ErrorSpec> declared = spec.errorFor(t);
      if (declared.isPresent()) {
        CommandSpec.ErrorSpec e = declared.get();
        if (tag == null) {
          fail(spec.name() + " sent without answer failed with " + e.code(), t);
          return;
        }
        writeError(tag, e.code(), t.getMessage() == null ? "" : t.getMessage());
        if (e.fatal()) {
          log.info(
              "{}: fatal error {}; closing connection to {}",
              spec.name(),
              e.code(),
              remoteAddress());
          closeBecause(new RemoteException(e.code(), String.valueOf(t.getMessage())));
        }
        return;
      }
      log.error(
          "{} from {}: handler failed with an undeclared exception",
          spec.name(),
          remoteAddress(),
          t);
      answerUnknown(tag, spec.name());
      return;
    }
    if (tag == null) {
      return;
    }
    List<TypedValue<?>> values;
    byte[] frame;
    try {
      values =
          spec.response() == null
              ? List.of()
              : OutboundValues.of(spec.response(), response, spec.name());
    } catch (AmpException | IllegalArgumentException e) {
      log.error("{}: bad answer for {}: {}", spec.name(), remoteAddress(), e.getMessage());
      answerUnknown(tag, spec.name());
      return;
    }
    try {
      frame = codec.encode(OutboundMessage.answer(tag, values));
    } catch (EncodingException e) {
      // As Twisted: an answer that cannot be serialized (a value too long) is an unhandled
      // failure; nothing is sent for the request and the connection closes.
      fail(spec.name() + ": cannot encode the answer: " + e.getMessage(), e);
      return;
    } catch (AmpException | IllegalArgumentException e) {
      log.error(
          "{}: cannot encode the answer for {}: {}", spec.name(), remoteAddress(), e.getMessage());
      answerUnknown(tag, spec.name());
      return;
    }
    write(frame);
  }

  private void answerUnknown(String tag, String command) {
    if (tag == null) {
      fail(command + " sent without answer failed", null);
      return;
    }
    writeError(tag, RemoteException.UNKNOWN, UNKNOWN_DESCRIPTION);
    if (config.closeOnUnknownError()) {
      closeBecause(new RemoteException(RemoteException.UNKNOWN, command + " failed"));
    }
  }

  private void fail(String why, Throwable cause) {
    log.error("closing connection to {}: {}", remoteAddress(), why, cause);
    closeBecause(new ProtocolException(why, cause));
  }

  private void requestDone() {
    int left = pendingRequests.decrementAndGet();
    if (draining) {
      if (left <= 0) {
        connection.close();
      }
      return;
    }
    if (left < config.limits().maxPendingRequests() / 2 + 1 && readingPaused) {
      readingPaused = false;
      connection.setReadingPaused(false);
    }
  }

  private void writeError(String tag, String code, String description) {
    write(codec.encode(OutboundMessage.error(tag, code, description)));
  }

  private void write(byte[] frame) {
    if (closed) {
      return;
    }
    try {
      connection.write(frame);
    } catch (AmpException e) {
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
    if (handshake == HandshakeState.AWAITING_ANSWER) {
      abort(reason);
    } else {
      closeBecause(reason);
    }
  }

  /** Closes at once, without letting received requests finish. */
  private void abort(Throwable reason) {
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
  private void closeBecause(Throwable reason) {
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
    if (pendingRequests.get() <= 0) {
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
    if (!handshakeDone.isDone()) {
      handshakeDone.completeExceptionally(lost("handshake"));
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
