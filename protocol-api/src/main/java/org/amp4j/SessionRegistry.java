package org.amp4j;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server's sessions by id: made when a client asks for one, found again when it resumes, and
 * dropped when it has been disconnected for longer than {@link SessionConfig#expiry()}.
 * Thread-safe.
 */
final class SessionRegistry implements SessionLink.Owner {
  private static final Logger log = LoggerFactory.getLogger(SessionRegistry.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final PeerConfig config;
  private final Map<String, SessionLink> sessions = new ConcurrentHashMap<>();

  SessionRegistry(PeerConfig config) {
    this.config = config;
  }

  /** A new session, with a random id and a random 256-bit resume token. */
  SessionLink create(String codec, List<String> extensions) {
    SessionLink link =
        new SessionLink(randomHex(16), randomBytes(32), codec, extensions, config, this);
    sessions.put(link.id(), link);
    return link;
  }

  /** The session with this id, or null if there is none (never made, expired, or ended). */
  SessionLink find(String id) {
    SessionLink link = sessions.get(id);
    return link == null || link.isClosed() ? null : link;
  }

  void remove(SessionLink link) {
    sessions.remove(link.id(), link);
  }

  /**
   * Ends every session, as the server closes: their connections are closed without a BYE, so that
   * clients take it as a restart (they reconnect, and a server that comes back on the same address
   * replaces their sessions) rather than as the end of their sessions.
   */
  void closeAll() {
    for (SessionLink link : sessions.values()) {
      link.end(
          new SessionLostException("session " + link.id() + " ended: the server closed", null));
    }
    sessions.clear();
  }

  @Override
  public void ended(SessionLink link) {
    remove(link);
  }

  @Override
  public void detached(SessionLink link, Throwable cause) {
    long millis = config.session().expiry().toMillis();
    long generation = link.counters().disconnects.get();
    SharedExecutors.timerPool()
        .schedule(
            () -> {
              // only if it has stayed away since (no reattach and drop in between)
              if (!link.isAttached()
                  && !link.isClosed()
                  && link.counters().disconnects.get() == generation) {
                log.info("session {} expired after {} ms disconnected", link.id(), millis);
                remove(link);
                link.counters().losses.incrementAndGet();
                SessionLostException lost =
                    new SessionLostException(
                        "session " + link.id() + " expired after " + millis + " ms disconnected",
                        cause);
                config.session().listener().lost(link.id(), null, lost);
                link.end(lost);
              }
            },
            millis,
            TimeUnit.MILLISECONDS);
  }

  static String randomHex(int bytes) {
    return HexFormat.of().formatHex(randomBytes(bytes));
  }

  static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }
}
