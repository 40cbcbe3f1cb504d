package org.amp4j.it.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.amp4j.Amp;
import org.amp4j.AmpServer;
import org.amp4j.Peer;
import org.amp4j.PeerConfig;
import org.amp4j.SessionConfig;
import org.amp4j.cli.Interop.CounterValue;
import org.amp4j.cli.Interop.GetCounter;
import org.amp4j.cli.Interop.GetNotifications;
import org.amp4j.cli.Interop.Increment;
import org.amp4j.cli.Interop.Noop;
import org.amp4j.cli.Interop.Notify;
import org.amp4j.cli.InteropResponders;
import org.amp4j.it.chaos.FaultProxy;
import org.amp4j.it.chaos.Faults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Calls through a proxy that cuts the connection at random points: every call is answered, and
 * every handler runs exactly once (the server's counter equals the number of calls).
 */
class SessionChaosTest {
  static final PeerConfig SESSIONS =
      PeerConfig.builder()
          .session(SessionConfig.builder().enabled(true).build())
          .callTimeout(Duration.ofSeconds(60))
          .build();

  @Test
  void cutConnection_resumes_andTheNextCallIsAnswered() throws Exception {
    try (AmpServer server =
            Amp.serve("127.0.0.1", 0, SESSIONS, InteropResponders.sharingCounters());
        FaultProxy proxy = FaultProxy.start("127.0.0.1", server.port(), Faults.none());
        Peer peer = Amp.connect("127.0.0.1", proxy.port(), SESSIONS)) {
      assertThat(peer.session()).isNotNull();
      assertThat(increment(peer).get(20, TimeUnit.SECONDS).value()).isEqualTo(1);
      proxy.cutAll();
      assertThat(increment(peer).get(20, TimeUnit.SECONDS).value()).isEqualTo(2);
      assertThat(peer.session().resumes()).isGreaterThanOrEqualTo(1);
    }
  }

  /**
   * With {@code onIoThread}, responders and callbacks run on the I/O thread, so that the answers
   * written while a read is handled go out together as RUN frames, and are sent again one by one
   * after a cut.
   */
  @ParameterizedTest(name = "responders on the I/O thread: {0}")
  @ValueSource(booleans = {false, true})
  void twentyThousandCalls_throughRandomCuts_eachRunExactlyOnce(boolean onIoThread)
      throws Exception {
    int calls = Integer.getInteger("amp4j.it.chaosCalls", 20_000);
    Faults faults = Faults.builder().seed(42).cuts(50, 300).midChunkCuts(0.5).build();
    PeerConfig config =
        onIoThread ? SESSIONS.toBuilder().executor(Runnable::run).build() : SESSIONS;
    try (AmpServer server = Amp.serve("127.0.0.1", 0, config, InteropResponders.sharingCounters());
        FaultProxy proxy = FaultProxy.start("127.0.0.1", server.port(), faults);
        Peer peer = Amp.connect("127.0.0.1", proxy.port(), config)) {
      Semaphore inFlight = new Semaphore(32);
      List<CompletableFuture<CounterValue>> all = new ArrayList<>(calls);
      for (int i = 0; i < calls; i++) {
        inFlight.acquire();
        CompletableFuture<CounterValue> f = increment(peer);
        f.whenComplete((v, t) -> inFlight.release());
        all.add(f);
      }
      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
      java.util.Set<BigInteger> seen = new java.util.HashSet<>();
      for (CompletableFuture<CounterValue> f : all) {
        seen.add(f.join().value());
      }
      // every answer is a distinct counter value: no call ran twice, none was lost
      assertThat(seen).hasSize(calls);
      proxy.setFaultsEnabled(false);
      CounterValue total =
          peer.call(new GetCounter("c")).toCompletableFuture().get(60, TimeUnit.SECONDS);
      assertThat(total.value()).isEqualTo(calls);
      assertThat(proxy.stats().cuts()).isGreaterThan(0);
      assertThat(peer.session().resumes()).isGreaterThan(0);
    }
  }

  @Test
  void callsFromOneCaller_arriveInOrder_throughRandomCuts() throws Exception {
    Faults faults = Faults.builder().seed(7).cuts(20, 80).midChunkCuts(0.5).build();
    try (AmpServer server = Amp.serve("127.0.0.1", 0, SESSIONS, InteropResponders::forPeer);
        FaultProxy proxy = FaultProxy.start("127.0.0.1", server.port(), faults);
        Peer peer = Amp.connect("127.0.0.1", proxy.port(), SESSIONS)) {
      List<String> sent = new ArrayList<>();
      // at least 3,000, and on until the proxy has cut a few times (however fast this machine is)
      for (int i = 0; (i < 3000 || proxy.stats().cuts() < 3) && i < 500_000; i++) {
        sent.add("n" + i);
        // without an answer: nothing but the session orders or keeps these
        peer.call(new Notify("n" + i)).toCompletableFuture().get(20, TimeUnit.SECONDS);
        if (i % 100 == 99) {
          // a round trip now and then keeps the unacknowledged queue short
          peer.call(new Noop()).toCompletableFuture().get(20, TimeUnit.SECONDS);
        }
      }
      GetNotifications.Messages got =
          peer.call(new GetNotifications()).toCompletableFuture().get(60, TimeUnit.SECONDS);
      assertThat(got.messages()).isEqualTo(sent);
      assertThat(proxy.stats().cuts()).isGreaterThanOrEqualTo(3);
    }
  }

  static CompletableFuture<CounterValue> increment(Peer peer) {
    return peer.call(new Increment("c", BigInteger.ONE)).toCompletableFuture();
  }
}
