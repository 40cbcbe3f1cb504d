package org.amp4j;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.amp4j.spi.Codec;
import org.amp4j.spi.InboundMessage;
import org.amp4j.spi.MessageKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handshake of one connection (see {@link Hello}), in either role: the decisions — which codec,
 * whether a session is granted, resumed or refused — while its {@link RealPeer} carries them out on
 * the connection. Runs on the connection's I/O thread, except {@link #sendHello()}.
 */
final class Handshake {
  private static final Logger log = LoggerFactory.getLogger(Handshake.class);

  private enum State {
    /** Over, or never started. */
    DONE,
    /** A server that has not yet received its first message, which may be a hello. */
    AWAITING_HELLO,
    /** A client that sent its hello and awaits the answer; received calls are held until then. */
    AWAITING_ANSWER
  }

  private final RealPeer peer;
  private final PeerConfig config;
  private final CodecSet codecs;
  private final SessionRegistry sessions; // a server's; null for a client
  private final ClientSession.Dialer dialer; // a client's; null for a server
  private final List<Endpoint> endpoints;
  private final CompletableFuture<Peer> done = new CompletableFuture<>();
  private final List<InboundMessage> heldCalls = new ArrayList<>();
  private State state;
  private volatile String helloTag;

  private Handshake(
      RealPeer peer,
      PeerConfig config,
      CodecSet codecs,
      SessionRegistry sessions,
      ClientSession.Dialer dialer,
      List<Endpoint> endpoints,
      State state) {
    this.peer = peer;
    this.config = config;
    this.codecs = codecs;
    this.sessions = sessions;
    this.dialer = dialer;
    this.endpoints = List.copyOf(endpoints);
    this.state = state;
  }

  static Handshake server(
      RealPeer peer, PeerConfig config, CodecSet codecs, SessionRegistry sessions) {
    return new Handshake(peer, config, codecs, sessions, null, List.of(), State.AWAITING_HELLO);
  }

  static Handshake client(
      RealPeer peer,
      PeerConfig config,
      CodecSet codecs,
      ClientSession.Dialer dialer,
      List<Endpoint> endpoints) {
    return new Handshake(peer, config, codecs, null, dialer, endpoints, State.AWAITING_ANSWER);
  }

  /** Completes with the peer when the codec is settled. */
  CompletableFuture<Peer> done() {
    return done;
  }

  /** Whether this is a client still waiting for the answer to its hello. */
  boolean awaitingAnswer() {
    return state == State.AWAITING_ANSWER;
  }

  /** The connection closed: a handshake still going fails with {@code lost}. */
  void closed(RuntimeException lost) {
    done.completeExceptionally(lost);
  }

  /**
   * Takes a received message if it belongs to the handshake (or must wait for it).
   *
   * @return true when the message was taken
   * @throws ProtocolException if the handshake's messages are malformed or refused
   */
  boolean intercept(InboundMessage m) {
    switch (state) {
      case AWAITING_HELLO -> {
        state = State.DONE;
        if (Hello.isHello(m)) {
          answerHello(m);
          return true;
        }
        return false;
      }
      case AWAITING_ANSWER -> {
        if (m.kind() != MessageKind.CALL && helloTag.equals(m.tag())) {
          endHandshake(m);
          return true;
        }
        if (m.kind() == MessageKind.CALL) {
          peer.countRequest();
          heldCalls.add(m);
          return true;
        }
        return false;
      }
      default -> {
        return false;
      }
    }
  }

  /** A client's first words: the hello, and a timer for its answer. */
  void sendHello() {
    Hello.SessionAsk ask = config.session().enabled() ? Hello.SessionAsk.fresh() : null;
    Hello.Offer offer = new Hello.Offer(codecs.names(), codecs.extensions(), ask);
    try {
      // the tag is known before the hello is written: the answer may come back at once
      peer.writeTagged(
          tag -> {
            helloTag = tag;
            return Hello.offer(tag, offer);
          });
    } catch (AmpException e) {
      done.completeExceptionally(e);
      peer.abort(e);
      return;
    }
    long timeout = config.connectTimeout().toMillis();
    if (timeout > 0) {
      SharedExecutors.timerPool()
          .schedule(
              () -> {
                if (!done.isDone()) {
                  peer.abort(
                      new ConnectionLostException(
                          "no answer to the handshake from "
                              + peer.remoteAddress()
                              + " within "
                              + config.connectTimeout()));
                }
              },
              timeout,
              TimeUnit.MILLISECONDS);
    }
  }

  /** A server's part: choose the codec (and maybe a session), answer in AMP, then switch. */
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
        link == null ? null : new Hello.SessionGrant(link.id(), link.token(), 0, false, true);
    byte[] answer =
        peer.currentCodec()
            .encode(
                Hello.answer(
                    m.tag(),
                    new Hello.Choice(choice.codec().name(), choice.extensions(), granted)));
    if (!peer.switchCodec(choice.codec(), answer)) {
      return;
    }
    log.debug("{}: codec {} {}", peer.remoteAddress(), choice.codec().name(), choice.extensions());
    if (link != null) {
      log.debug("{}: new session {}", peer.remoteAddress(), link.id());
      peer.carry(link, offer.session().runs());
    }
  }

  /**
   * A server's part when a client resumes a session it knows: check the token in constant time,
   * answer, and hand the connection to the session.
   */
  private void resume(String tag, Hello.SessionAsk ask, SessionLink link) {
    if (!java.security.MessageDigest.isEqual(link.token(), ask.token())) {
      log.warn("{}: wrong resume token for session {}; refused", peer.remoteAddress(), ask.id());
      peer.refuse(
          tag,
          RealPeer.SESSION_REFUSED,
          "wrong resume token",
          new ProtocolException("wrong resume token for session " + ask.id()));
      return;
    }
    Hello.Choice choice =
        new Hello.Choice(
            link.codec(),
            link.extensions(),
            new Hello.SessionGrant(link.id(), new byte[0], link.delivered(), true, true));
    int replayed =
        peer.handOver(
            link,
            peer.currentCodec().encode(Hello.answer(tag, choice)),
            ask.received(),
            ask.runs());
    link.counters().resumes.incrementAndGet();
    log.debug("{}: session {} resumed, {} sent again", peer.remoteAddress(), link.id(), replayed);
    config.session().listener().resumed(link.id(), replayed);
  }

  /** A client's part: take the server's choice, or stay AMP if the server does not know hello. */
  private void endHandshake(InboundMessage m) {
    if (m.kind() == MessageKind.ERROR) {
      if (!RemoteException.UNHANDLED.equals(m.errorCode())) {
        throw new ProtocolException(
            "handshake refused by "
                + peer.remoteAddress()
                + ": "
                + m.errorCode()
                + " "
                + m.errorDescription());
      }
      log.debug("{} is a plain AMP peer; staying with amp", peer.remoteAddress());
    } else {
      Hello.Choice choice = Hello.readChoice(m);
      Codec chosen = codecs.accept(choice.codec(), choice.extensions());
      peer.switchCodec(chosen, null);
      log.debug("{}: codec {} {}", peer.remoteAddress(), chosen.name(), choice.extensions());
      Hello.SessionGrant grant = choice.session();
      if (grant != null && config.session().enabled()) {
        ClientSession client = new ClientSession(config, codecs.amp(), dialer, endpoints);
        SessionLink link =
            new SessionLink(
                grant.id(), grant.token(), chosen.name(), choice.extensions(), config, client);
        client.bind(link, peer);
        peer.carry(link, grant.runs());
      }
    }
    state = State.DONE;
    for (InboundMessage call : heldCalls) {
      peer.dispatchCall(call);
    }
    heldCalls.clear();
    peer.complete(done);
  }
}
