package org.amp4j.bench.pump;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.amp4j.Amp;
import org.amp4j.AmpServer;
import org.amp4j.Peer;
import org.amp4j.PeerConfig;
import org.amp4j.Responders;
import org.amp4j.SessionConfig;
import org.amp4j.bench.loopback.Sum;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The library's own cost of a call, both sides, with no network: a client and a server peer over
 * the {@link PumpTransport}, everything on the benchmark's one thread. {@code connections}
 * connections keep 128 {@code Sum} calls in flight each (as workloads b and c of the loopback
 * harness); each answer, checked, starts the next call. Each invocation is one pump: every
 * connection's written bytes handed whole to the other side, as one read.
 *
 * <p>The figure is {@code calls} (calls answered per second, from {@link Calls}); one thread does
 * all the work, so its inverse is the time, client and server together, a call costs. With {@code
 * -prof gc}, {@code gc.alloc.rate.norm} is per pump, not per call; divide {@code gc.alloc.rate} by
 * {@code calls} for bytes per call.
 *
 * <p>Not final: JMH generates subclasses of its benchmark classes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgs = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class PumpBenchmark {
  static final int IN_FLIGHT = 128;

  /** The codec, with {@code -session} for reliable sessions on. */
  @Param({"amp", "amp-session", "json", "msgpack", "cbor"})
  public String system;

  /** Connections, each with {@link #IN_FLIGHT} calls in flight. */
  @Param({"1", "8"})
  public int connections;

  private AmpServer server;
  private final List<Peer> peers = new ArrayList<>();
  private long answered;
  private Throwable failure;

  /** Calls answered, counted by JMH per second of measurement. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Calls {
    /** Calls answered in the iteration. */
    public long calls;

    @Setup(Level.Iteration)
    public void reset() {
      calls = 0;
    }
  }

  @Setup(Level.Trial)
  public void start() {
    boolean session = system.endsWith("-session");
    String codec = session ? system.substring(0, system.length() - "-session".length()) : system;
    PeerConfig config =
        PeerConfig.builder()
            .transport("pump")
            .codec(codec)
            .session(SessionConfig.builder().enabled(session).build())
            .executor(Runnable::run)
            .build();
    Responders responders = Sum.responders();
    server = Amp.serve("pump", 0, config, peer -> responders);
    for (int i = 0; i < connections; i++) {
      CompletableFuture<Peer> connected =
          Amp.connectAsync("pump", server.port(), config, peer -> Responders.none())
              .toCompletableFuture();
      while (!connected.isDone() && PumpTransport.pump()) {
        // the handshake, one read at a time
      }
      Peer peer = connected.join();
      if (session != (peer.session() != null)) {
        throw new IllegalStateException(system + ": session is " + peer.session());
      }
      peers.add(peer);
    }
    for (Peer peer : peers) {
      for (int slot = 0; slot < IN_FLIGHT; slot++) {
        call(peer, slot * 1_000_000L);
      }
    }
  }

  private void call(Peer peer, long a) {
    peer.call(new Sum(a, 7))
        .whenComplete(
            (total, t) -> {
              if (t == null && total.total() != a + 7) {
                t = new IllegalStateException("wrong total " + total.total() + " for " + a);
              }
              if (t != null) {
                if (failure == null) {
                  failure = t;
                }
                return;
              }
              answered++;
              call(peer, a + 1);
            });
  }

  /** One pump; the calls it answered are counted in {@code calls}. */
  @Benchmark
  public boolean pump(Calls calls) {
    long before = answered;
    boolean moved = PumpTransport.pump();
    calls.calls += answered - before;
    if (failure != null || !moved) {
      throw new IllegalStateException(system + ": the calls stopped", failure);
    }
    return moved;
  }

  @TearDown(Level.Trial)
  public void stop() {
    for (Peer peer : peers) {
      peer.close();
    }
    server.close();
    while (PumpTransport.pump()) {
      // the closes
    }
  }
}
