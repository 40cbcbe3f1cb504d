package org.amp4j.bench.loopback;

import java.util.concurrent.CompletionStage;
import org.amp4j.Amp;
import org.amp4j.AmpServer;
import org.amp4j.Peer;
import org.amp4j.PeerConfig;
import org.amp4j.Responders;
import org.amp4j.SessionConfig;

/**
 * amp4j over TCP with one codec, sessions on or off, responders and answers directly on the I/O
 * thread or on the default shared pool; everything else at its defaults.
 */
final class AmpSystem implements LoopbackSystem {
  private final PeerConfig config;

  /**
   * @param direct whether responders run and answers complete on the connection's I/O thread
   *     ({@code PeerConfig.executor(Runnable::run)}, as gRPC's {@code directExecutor}) instead of
   *     the default pool
   */
  AmpSystem(String codec, boolean session, boolean direct) {
    this.config =
        PeerConfig.builder()
            .codec(codec)
            .session(SessionConfig.builder().enabled(session).build())
            .executor(direct ? Runnable::run : null)
            .build();
  }

  @Override
  public Server serve() {
    Responders responders = Sum.responders();
    AmpServer server = Amp.serve("127.0.0.1", 0, config, peer -> responders);
    return new Server() {
      @Override
      public int port() {
        return server.port();
      }

      @Override
      public void close() {
        server.close();
      }
    };
  }

  @Override
  public Caller connect(String host, int port) {
    Peer peer = Amp.connect(host, port, config);
    return new Caller() {
      @Override
      public CompletionStage<Sum.Total> sum(long a, long b) {
        return peer.call(new Sum(a, b));
      }

      @Override
      public long total(Object answer) {
        return ((Sum.Total) answer).total();
      }

      @Override
      public void close() {
        peer.close();
      }
    };
  }
}
