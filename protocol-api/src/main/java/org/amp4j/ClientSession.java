package org.amp4j;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.amp4j.spi.Codec;
import org.amp4j.spi.Connection;
import org.amp4j.spi.ConnectionHandler;
import org.amp4j.spi.InboundMessage;
import org.amp4j.spi.MessageDecoder;
import org.amp4j.spi.MessageKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's side of a session: when the connection under it drops, dials again with exponential
 * backoff and jitter, resumes the session with a hello, and moves to the next endpoint when one
 * stays away longer than {@link SessionConfig#failoverAfter()}. When the server no longer knows the
 * session it takes the new one the server made; when reconnecting takes longer than {@link
 * SessionConfig#giveUpAfter()}, or the server refuses the token, the session is lost.
 */
final class ClientSession implements SessionLink.Owner {
  private static final Logger log = LoggerFactory.getLogger(ClientSession.class);

  /** Makes connections to endpoints. */
  interface Dialer {
    CompletionStage<Connection> dial(Endpoint endpoint);
  }

  /** What the peer must do when a new session replaces a lost one. */
  interface Replaced {
    /** Whether the call with this tag still awaits its answer. */
    boolean awaited(String tag);

    /** Fails every outstanding call but those in {@code kept}, which go out again. */
    void replaced(Set<String> kept, SessionLostException cause);
  }

  private final PeerConfig config;
  private final SessionConfig session;
  private final Codec amp;
  private final Dialer dialer;
  private final List<Endpoint> endpoints;
  private SessionLink link;
  private Replaced peer;
  private int endpoint;
  private long endpointSince;
  private long disconnectedSince;
  private int attempt;

  ClientSession(PeerConfig config, Codec amp, Dialer dialer, List<Endpoint> endpoints) {
    this.config = config;
    this.session = config.session();
    this.amp = amp;
    this.dialer = dialer;
    this.endpoints = List.copyOf(endpoints);
  }

  void bind(SessionLink link, Replaced peer) {
    this.link = link;
    this.peer = peer;
  }

  @Override
  public synchronized void detached(SessionLink l, Throwable cause) {
    long now = System.nanoTime();
    disconnectedSince = now;
    endpointSince = now;
    attempt = 0;
    log.info("session {}: connection dropped ({}); reconnecting", l.id(), String.valueOf(cause));
    schedule();
  }

  private synchronized void schedule() {
    if (link.isClosed()) {
      return;
    }
    long now = System.nanoTime();
    if (now - disconnectedSince > session.giveUpAfter().toNanos()) {
      lose("reconnecting gave up after " + session.giveUpAfter(), null);
      return;
    }
    if (endpoints.size() > 1 && now - endpointSince > session.failoverAfter().toNanos()) {
      endpoint = (endpoint + 1) % endpoints.size();
      endpointSince = now;
      log.info("session {}: failing over to {}", link.id(), endpoints.get(endpoint));
    }
    attempt++;
    long delay = session.backoff(attempt).toMillis();
    double jitter = session.reconnectJitter();
    if (jitter > 0 && delay > 0) {
      delay = (long) (delay * (1 - jitter + 2 * jitter * ThreadLocalRandom.current().nextDouble()));
    }
    int n = attempt;
    Endpoint target = endpoints.get(endpoint);
    SharedExecutors.timerPool().schedule(() -> dial(n, target), delay, TimeUnit.MILLISECONDS);
  }

  private void dial(int n, Endpoint target) {
    if (link.isClosed()) {
      return;
    }
    session.listener().reconnecting(link.id(), n, target);
    dialer
        .dial(target)
        .whenComplete(
            (connection, failure) -> {
              if (failure != null) {
                log.debug("session {}: attempt {} to {} failed: {}", link.id(), n, target, failure);
                schedule();
              } else {
                Resume resume = new Resume(connection);
                connection.start(resume);
                resume.begin();
              }
            });
  }

  private void lose(String why, Throwable cause) {
    log.warn("session {} lost: {}", link.id(), why);
    link.counters().losses.incrementAndGet();
    SessionLostException e =
        new SessionLostException("session " + link.id() + " lost: " + why, cause);
    session.listener().lost(link.id(), null, e);
    link.end(e);
  }

  /** One reconnect: the hello in AMP, then the session's frames. */
  private final class Resume implements ConnectionHandler {
    private final Connection connection;
    private final MessageDecoder decoder = amp.newDecoder();
    private boolean done;
    private boolean attached;

    Resume(Connection connection) {
      this.connection = connection;
    }

    void begin() {
      Hello.Offer offer =
          new Hello.Offer(
              List.of(link.codec()),
              link.extensions(),
              new Hello.SessionAsk(link.id(), link.token(), link.delivered(), true));
      try {
        connection.write(amp.encode(Hello.offer("1", offer)));
      } catch (AmpException e) {
        connection.close();
      }
      long timeout = config.connectTimeout().toMillis();
      if (timeout > 0) {
        SharedExecutors.timerPool()
            .schedule(
                () -> {
                  if (!isDone()) {
                    connection.close();
                  }
                },
                timeout,
                TimeUnit.MILLISECONDS);
      }
    }

    private synchronized boolean isDone() {
      return done;
    }

    @Override
    public void onBytes(ByteBuffer data) {
      if (attached) {
        link.onBytes(connection, data);
        return;
      }
      InboundMessage m;
      try {
        m = decoder.next(data);
      } catch (ProtocolException e) {
        log.warn("session {}: bad answer to the resume: {}", link.id(), e.getMessage());
        connection.close();
        return;
      }
      if (m == null) {
        return;
      }
      synchronized (this) {
        done = true;
      }
      if (!answered(m)) {
        return;
      }
      attached = true;
      if (data.hasRemaining()) {
        link.onBytes(connection, data);
      }
    }

    /** Handles the answer; true when the connection now carries the session. */
    private boolean answered(InboundMessage m) {
      if (m.kind() != MessageKind.ANSWER) {
        lose("the server refused to resume: " + m.errorCode() + " " + m.errorDescription(), null);
        connection.close();
        return false;
      }
      Hello.Choice choice;
      try {
        choice = Hello.readChoice(m);
      } catch (ProtocolException e) {
        lose(e.getMessage(), e);
        connection.close();
        return false;
      }
      Hello.SessionGrant grant = choice.session();
      if (grant == null || !choice.codec().equals(link.codec())) {
        lose("the server no longer offers a session in " + link.codec(), null);
        connection.close();
        return false;
      }
      if (grant.resumed()) {
        int replayed = link.attach(connection, grant.received(), grant.runs());
        link.counters().resumes.incrementAndGet();
        log.info("session {}: resumed, {} sent again", link.id(), replayed);
        session.listener().resumed(link.id(), replayed);
        return true;
      }
      String old = link.id();
      link.counters().losses.incrementAndGet();
      SessionLostException cause =
          new SessionLostException(
              "session " + old + " lost: the server no longer knows it (restart or expiry)", null);
      Set<String> kept = link.replace(grant.id(), grant.token(), peer::awaited);
      log.warn(
          "session {} lost; {} calls go out again on session {}", old, kept.size(), grant.id());
      peer.replaced(kept, cause);
      session.listener().lost(old, grant.id(), cause);
      link.attach(connection, 0, grant.runs());
      return true;
    }

    @Override
    public void onClosed(Throwable cause) {
      if (attached) {
        link.detach(connection, cause);
      } else if (!link.isClosed()) {
        synchronized (ClientSession.this) {
          schedule();
        }
      }
    }
  }
}
