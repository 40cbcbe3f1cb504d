package org.amp4j;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.amp4j.spi.Codec;
import org.amp4j.spi.Connection;
import org.amp4j.spi.Plugins;
import org.amp4j.spi.Transport;

/**
 * Entry point: serve responders on an address, connect to a server, or wrap any {@link Connection}
 * in a {@link Peer}. The codec and transport are the ones the {@link PeerConfig} names, found
 * through {@link java.util.ServiceLoader}.
 *
 * <pre>{@code
 * try (AmpServer server = Amp.serve("127.0.0.1", 0, PeerConfig.DEFAULTS, peer -> responders);
 *     Peer peer = Amp.connect("127.0.0.1", server.port(), PeerConfig.DEFAULTS)) {
 *   Sum.Total t = peer.call(new Sum(13, 81)).toCompletableFuture().join();
 * }
 * }</pre>
 */
public final class Amp {
  private Amp() {}

  /**
   * Listens on an address and answers each connection with the responders the factory makes for its
   * peer (one call per connection, so per-connection state lives in the responders).
   *
   * @throws AmpException if the codec or transport is unknown or the address cannot be bound
   */
  public static AmpServer serve(
      String host, int port, PeerConfig config, Function<? super Peer, Responders> responders) {
    Objects.requireNonNull(responders, "responders");
    Transport transport = Plugins.transport(config.transport());
    CodecSet codecs = CodecSet.of(config);
    SessionRegistry sessions = new SessionRegistry(config);
    Set<Peer> peers = ConcurrentHashMap.newKeySet();
    Transport.Listener listener =
        transport.listen(
            host,
            port,
            config.limits(),
            connection -> {
              Peer peer = RealPeer.accept(connection, codecs, config, sessions, responders);
              peers.add(peer);
              peer.closeFuture().whenComplete((v, t) -> peers.remove(peer));
            });
    return new AmpServer() {
      @Override
      public String host() {
        return listener.host();
      }

      @Override
      public int port() {
        return listener.port();
      }

      @Override
      public Set<Peer> peers() {
        return Collections.unmodifiableSet(peers);
      }

      @Override
      public void close() {
        listener.close();
        sessions.closeAll();
        for (Peer p : peers) {
          p.close();
        }
      }

      @Override
      public String toString() {
        return "AmpServer[" + host() + ":" + port() + "]";
      }
    };
  }

  /**
   * Connects to a server; the returned peer answers nothing.
   *
   * @throws ConnectionLostException if the connection cannot be made within the connect timeout
   */
  public static Peer connect(String host, int port, PeerConfig config) {
    return connect(host, port, config, peer -> Responders.none());
  }

  /**
   * Connects to a server, answering the server's calls with the responders the factory makes.
   *
   * @throws ConnectionLostException if the connection cannot be made within the connect timeout
   */
  public static Peer connect(
      String host, int port, PeerConfig config, Function<? super Peer, Responders> responders) {
    CompletableFuture<Peer> f = connectAsync(host, port, config, responders).toCompletableFuture();
    try {
      // the transport and the handshake enforce the timeout; this bound is only a backstop
      return config.connectTimeout().isZero()
          ? f.get()
          : f.get(config.connectTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof AmpException a) {
        throw a;
      }
      throw new ConnectionLostException(
          "cannot connect to " + host + ":" + port + ": " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      f.cancel(true);
      throw new ConnectionLostException("cannot connect to " + host + ":" + port + ": timed out");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectionLostException("interrupted connecting to " + host + ":" + port, e);
    }
  }

  /** Connects without blocking. */
  public static CompletionStage<Peer> connectAsync(
      String host, int port, PeerConfig config, Function<? super Peer, Responders> responders) {
    Transport transport = Plugins.transport(config.transport());
    CodecSet codecs = CodecSet.of(config);
    List<Endpoint> endpoints = new ArrayList<>();
    endpoints.add(new Endpoint(host, port));
    for (Endpoint e : config.endpoints()) {
      if (!endpoints.contains(e)) {
        endpoints.add(e);
      }
    }
    ClientSession.Dialer dialer = e -> transport.connect(e.host(), e.port(), config.limits());
    long deadline = System.nanoTime() + config.connectTimeout().toNanos();
    return attempt(1, deadline, codecs, config, dialer, endpoints, responders);
  }

  /**
   * One attempt at the first connection. With sessions on, a connection lost before the handshake
   * ends is tried again with the session's backoff until the connect timeout, so that a client
   * starts even through a flaky network.
   */
  private static CompletionStage<Peer> attempt(
      int n,
      long deadline,
      CodecSet codecs,
      PeerConfig config,
      ClientSession.Dialer dialer,
      List<Endpoint> endpoints,
      Function<? super Peer, Responders> responders) {
    Endpoint target = endpoints.get(0);
    return dialer
        .dial(target)
        .thenCompose(
            connection ->
                RealPeer.connect(connection, codecs, config, dialer, endpoints, responders))
        .handle(
            (peer, failure) -> {
              if (failure == null) {
                return CompletableFuture.completedStage(peer);
              }
              Throwable cause =
                  failure instanceof java.util.concurrent.CompletionException
                          && failure.getCause() != null
                      ? failure.getCause()
                      : failure;
              long delay = config.session().backoff(n).toMillis();
              boolean retry =
                  config.session().enabled()
                      && cause instanceof ConnectionLostException
                      && System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delay) < deadline;
              if (!retry) {
                return CompletableFuture.<Peer>failedStage(cause);
              }
              return CompletableFuture.supplyAsync(
                      () -> null, CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS))
                  .thenCompose(
                      x -> attempt(n + 1, deadline, codecs, config, dialer, endpoints, responders));
            })
        .thenCompose(stage -> stage);
  }

  /**
   * Wraps an already open connection in a peer and starts reading from it.
   *
   * @param connection a connection that has not been started
   * @param codec the codec for this connection
   * @param config the configuration (its codec and transport names are not used)
   * @param responders makes the responders for the new peer; may be null for none
   */
  public static Peer open(
      Connection connection,
      Codec codec,
      PeerConfig config,
      Function<? super Peer, Responders> responders) {
    return RealPeer.open(connection, codec, config, responders);
  }
}
