package org.amp4j.it.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.amp4j.Amp;
import org.amp4j.AmpServer;
import org.amp4j.Peer;
import org.amp4j.PeerConfig;
import org.amp4j.Responders;
import org.amp4j.cli.Interop.AskBack;
import org.amp4j.cli.Interop.Sum;
import org.amp4j.cli.Interop.Total;
import org.amp4j.it.chaos.FaultProxy;
import org.amp4j.it.chaos.Faults;
import org.junit.jupiter.api.Test;

/**
 * Calls the server makes to the client (each {@link AskBack} makes the server call {@link Sum}
 * back) while a proxy keeps cutting the connection: every one is answered, and each handler, on
 * either side, runs exactly once per call.
 */
class ServerCallsAcrossCutsTest {
  static final int MIN_CALLS = 500;
  static final int MIN_CUTS = 3;
  static final int MAX_CALLS = 50_000;

  @Test
  void serverToClientCalls_throughRandomCuts_areAnsweredAndRunExactlyOnce() throws Exception {
    PeerConfig config = Events.peer(Events.fast(null).build());
    Map<BigInteger, AtomicInteger> askBacksRun = new ConcurrentHashMap<>();
    Map<BigInteger, AtomicInteger> sumsRun = new ConcurrentHashMap<>();
    Faults faults = Faults.builder().seed(7).cuts(50, 300).midChunkCuts(0.5).build();
    try (AmpServer server =
            Amp.serve(
                "127.0.0.1",
                0,
                config,
                peer ->
                    Responders.builder()
                        .onAsync(
                            AskBack.class,
                            a -> {
                              count(askBacksRun, a.a());
                              return peer.call(new Sum(a.a(), a.b()));
                            })
                        .build());
        FaultProxy proxy = FaultProxy.start("127.0.0.1", server.port(), faults);
        Peer client =
            Amp.connect(
                "127.0.0.1",
                proxy.port(),
                config,
                peer ->
                    Responders.builder()
                        .on(
                            Sum.class,
                            s -> {
                              count(sumsRun, s.a());
                              return new Total(s.a().add(s.b()));
                            })
                        .build())) {
      Semaphore inFlight = new Semaphore(16);
      List<CompletableFuture<Total>> calls = new ArrayList<>();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (calls.size() < MAX_CALLS
          && System.nanoTime() < deadline
          && (calls.size() < MIN_CALLS || proxy.stats().cuts() < MIN_CUTS)) {
        inFlight.acquire();
        BigInteger i = BigInteger.valueOf(calls.size());
        CompletableFuture<Total> f =
            client.call(new AskBack(i, BigInteger.valueOf(1_000_000))).toCompletableFuture();
        f.whenComplete((v, t) -> inFlight.release());
        calls.add(f);
      }
      CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);

      assertThat(proxy.stats().cuts()).isGreaterThanOrEqualTo(MIN_CUTS);
      assertThat(client.session().resumes()).isGreaterThanOrEqualTo(1);
      assertThat(client.session().losses()).isZero();
      for (int i = 0; i < calls.size(); i++) {
        assertThat(calls.get(i).join().total()).isEqualTo(i + 1_000_000);
      }
      assertThat(askBacksRun).hasSize(calls.size());
      assertThat(sumsRun).hasSize(calls.size());
      assertThat(askBacksRun.values()).allMatch(n -> n.get() == 1);
      assertThat(sumsRun.values()).allMatch(n -> n.get() == 1);
    }
  }

  static void count(Map<BigInteger, AtomicInteger> runs, BigInteger key) {
    runs.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
  }
}
