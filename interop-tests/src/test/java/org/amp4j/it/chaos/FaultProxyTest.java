package org.amp4j.it.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fault-injecting proxy against an echo server, over real sockets on 127.0.0.1. */
class FaultProxyTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private final List<AutoCloseable> resources = new ArrayList<>();
  private EchoServer echo;

  @BeforeEach
  void startEcho() throws IOException {
    echo = track(new EchoServer());
  }

  @AfterEach
  void closeAll() throws Exception {
    for (int i = resources.size() - 1; i >= 0; i--) {
      resources.get(i).close();
    }
  }

  @Test
  void faultsOff_passesOneMebibyteBothWaysUnchanged() throws Exception {
    FaultProxy proxy = proxy(Faults.none());
    byte[] sent = randomBytes(1 << 20, 1);
    Socket client = connect(proxy);

    CompletableFuture<Void> writer = writeAsync(client, sent);
    byte[] back = readExactly(client, sent.length);
    writer.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);

    assertThat(back).isEqualTo(sent);
    assertThat(proxy.stats()).isEqualTo(new FaultProxy.Stats(1, 0, 0, 0, sent.length, sent.length));
  }

  @Test
  void cutFault_closesConnectionWithinItsWindow_andCountsTheCut() throws Exception {
    Faults faults = Faults.builder().seed(7).cuts(50, 300).build();
    FaultProxy proxy = proxy(faults);
    long start = System.nanoTime();
    Socket client = connect(proxy);

    End end = readUntilEnd(client, Duration.ofMillis(300).plus(WAIT));
    long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    assertThat(end.kind).isIn(EndKind.EOF, EndKind.RESET);
    assertThat(elapsedMillis).isGreaterThanOrEqualTo(faults.plan(0).delayMillis());
    assertThat(proxy.stats().cuts()).isEqualTo(1);
    assertThat(proxy.plans()).containsExactly(faults.plan(0));
    assertThat(echo.nextAccepted(WAIT).ended.get(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEmpty();
  }

  @Test
  void midChunkCut_deliversAStrictNonEmptyPrefixOfTheChunk() throws Exception {
    Faults faults =
        Faults.builder().seed(3).cuts(0, 0).midChunkCuts(1.0).midChunkGraceMillis(60_000).build();
    FaultProxy proxy = proxy(faults);
    byte[] sent = randomBytes(1000, 2);
    Socket client = connect(proxy);

    client.getOutputStream().write(sent);
    byte[] atServer = echo.nextAccepted(WAIT).ended.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);

    assertThat(atServer.length).isBetween(1, sent.length - 1);
    assertThat(atServer).isEqualTo(Arrays.copyOf(sent, atServer.length));
    assertThat(readUntilEnd(client, WAIT).kind).isIn(EndKind.EOF, EndKind.RESET);
    assertThat(proxy.stats().cuts()).isEqualTo(1);
    assertThat(proxy.stats().bytesToTarget()).isEqualTo(atServer.length);
  }

  @Test
  void stall_delaysDeliveryInEachDirection_thenDeliversEverything() throws Exception {
    FaultProxy proxy = proxy(Faults.builder().seed(5).stalls(1.0, 200, 200).build());
    byte[] sent = randomBytes(10_000, 3);
    Socket client = connect(proxy);
    long start = System.nanoTime();

    client.getOutputStream().write(sent);
    byte[] back = readExactly(client, sent.length);
    long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    assertThat(back).isEqualTo(sent);
    // at least one chunk each way, each held back 200 ms
    assertThat(elapsedMillis).isGreaterThanOrEqualTo(400);
    assertThat(proxy.stats().stalls()).isGreaterThanOrEqualTo(2);
    assertThat(proxy.stats().cuts()).isZero();
  }

  @Test
  void halfOpen_forwardsNothing_andClosesNothing() throws Exception {
    FaultProxy proxy = proxy(Faults.builder().seed(9).halfOpen(1.0, 0, 0).build());
    Socket client = connect(proxy);
    EchoServer.Accepted atServer = echo.nextAccepted(WAIT);

    client.getOutputStream().write(randomBytes(100, 4));
    End end = readUntilEnd(client, Duration.ofMillis(500));

    assertThat(end.kind).isEqualTo(EndKind.TIMEOUT);
    assertThat(end.bytes).isEmpty();
    assertThat(atServer.received()).isEmpty();
    assertThat(atServer.ended).isNotDone();
    assertThat(proxy.stats())
        .extracting(FaultProxy.Stats::halfOpens, FaultProxy.Stats::bytesToTarget)
        .containsExactly(1L, 0L);
    assertThat(proxy.liveConnections()).isEqualTo(1);
    // only the proxy can end it
    assertThat(proxy.cutAll()).isEqualTo(1);
    assertThat(readUntilEnd(client, WAIT).kind).isIn(EndKind.EOF, EndKind.RESET);
  }

  @Test
  void sameSeed_givesTheSameSchedule_andConnectionsFollowIt() throws Exception {
    Faults faults =
        Faults.builder()
            .seed(42)
            .cuts(0.6, 50, 300)
            .midChunkCuts(0.5)
            .halfOpen(0.2, 10, 20)
            .stalls(0.3, 100, 200)
            .build();
    Faults again = faults.toBuilder().build();
    Faults otherSeed = faults.toBuilder().seed(43).build();

    assertThat(again.plans(50)).isEqualTo(faults.plans(50));
    assertThat(again.plannedCutDelays(50)).isEqualTo(faults.plannedCutDelays(50));
    assertThat(again.plannedStalls(3, Direction.TO_CLIENT, 100))
        .isEqualTo(faults.plannedStalls(3, Direction.TO_CLIENT, 100));
    assertThat(otherSeed.plannedCutDelays(50)).isNotEqualTo(faults.plannedCutDelays(50));
    assertThat(faults.plannedStalls(3, Direction.TO_TARGET, 100))
        .isNotEqualTo(faults.plannedStalls(3, Direction.TO_CLIENT, 100));
    assertThat(faults.plannedCutDelays(50))
        .allSatisfy(d -> assertThat(d == -1 || (d >= 50 && d <= 300)).isTrue())
        .contains(-1L);
    assertThat(faults.plans(50))
        .extracting(ConnectionPlan::kind)
        .contains(ConnectionPlan.Kind.values());

    FaultProxy proxy = proxy(faults);
    proxy.setFaultsEnabled(false);
    for (int i = 0; i < 3; i++) {
      roundTrip(connect(proxy));
    }
    assertThat(proxy.plans()).isEqualTo(faults.plans(3));
  }

  @Test
  void faultDueWhileDisabled_isSkippedForGood() throws Exception {
    Faults faults = Faults.builder().cuts(0, 0).midChunkCuts(1.0).build();
    FaultProxy proxy = proxy(faults);
    proxy.setFaultsEnabled(false);
    Socket client = connect(proxy);

    roundTrip(client); // the due cut is looked at, and skipped, on the first chunk
    proxy.setFaultsEnabled(true);
    roundTrip(client);

    assertThat(proxy.stats().cuts()).isZero();
    assertThat(proxy.liveConnections()).isEqualTo(1);
  }

  @Test
  void cutAll_closesEveryLiveConnection() throws Exception {
    FaultProxy proxy = proxy(Faults.none());
    List<Socket> clients = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Socket c = connect(proxy);
      roundTrip(c);
      clients.add(c);
    }

    assertThat(proxy.cutAll()).isEqualTo(3);

    for (Socket c : clients) {
      assertThat(readUntilEnd(c, WAIT).kind).isIn(EndKind.EOF, EndKind.RESET);
    }
    assertThat(proxy.stats().cuts()).isEqualTo(3);
    assertThat(proxy.liveConnections()).isZero();
  }

  @Test
  void close_endsConnectionsAndJoinsItsDaemonThreads() throws Exception {
    FaultProxy proxy = proxy(Faults.builder().cuts(60_000, 60_000).build());
    Socket client = connect(proxy);
    roundTrip(client);
    String prefix = "fault-proxy-" + proxy.port() + "-";
    assertThat(threadsNamed(prefix)).isNotEmpty().allMatch(Thread::isDaemon);

    proxy.close();

    assertThat(readUntilEnd(client, WAIT).kind).isIn(EndKind.EOF, EndKind.RESET);
    assertThat(threadsNamed(prefix)).isEmpty();
    assertThat(proxy.stats().cuts()).isZero();
  }

  // ---------------------------------------------------------------------------------------------

  private enum EndKind {
    EOF,
    RESET,
    TIMEOUT
  }

  /** How a read until the end of a connection finished, and what it read on the way. */
  private record End(EndKind kind, byte[] bytes) {}

  private <T extends AutoCloseable> T track(T resource) {
    resources.add(resource);
    return resource;
  }

  private FaultProxy proxy(Faults faults) throws IOException {
    return track(FaultProxy.start("127.0.0.1", echo.port(), faults));
  }

  private Socket connect(FaultProxy proxy) throws IOException {
    return track(new Socket("127.0.0.1", proxy.port()));
  }

  private static void roundTrip(Socket client) throws IOException {
    byte[] ping = "ping".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    client.getOutputStream().write(ping);
    assertThat(readExactly(client, ping.length)).isEqualTo(ping);
  }

  private static byte[] readExactly(Socket s, int n) throws IOException {
    s.setSoTimeout((int) WAIT.toMillis());
    byte[] b = s.getInputStream().readNBytes(n);
    assertThat(b).hasSize(n);
    return b;
  }

  /** Reads until end of stream, a reset or {@code timeout} overall. */
  private static End readUntilEnd(Socket s, Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    InputStream in = s.getInputStream();
    byte[] buffer = new byte[4096];
    while (true) {
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (left <= 0) {
        return new End(EndKind.TIMEOUT, bytes.toByteArray());
      }
      s.setSoTimeout((int) left);
      try {
        int n = in.read(buffer);
        if (n < 0) {
          return new End(EndKind.EOF, bytes.toByteArray());
        }
        bytes.write(buffer, 0, n);
      } catch (SocketTimeoutException e) {
        return new End(EndKind.TIMEOUT, bytes.toByteArray());
      } catch (SocketException e) {
        return new End(EndKind.RESET, bytes.toByteArray());
      }
    }
  }

  private static CompletableFuture<Void> writeAsync(Socket s, byte[] data) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    Thread t =
        new Thread(
            () -> {
              try {
                s.getOutputStream().write(data);
                done.complete(null);
              } catch (IOException e) {
                done.completeExceptionally(e);
              }
            },
            "fault-proxy-test-writer");
    t.setDaemon(true);
    t.start();
    return done;
  }

  private static byte[] randomBytes(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  private static List<Thread> threadsNamed(String prefix) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith(prefix))
        .toList();
  }
}
