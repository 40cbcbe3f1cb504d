package org.amp4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.amp4j.ConnectionLostException;
import org.amp4j.Peer;
import org.amp4j.RemoteException;
import org.amp4j.Responders;
import org.amp4j.UnhandledCommandException;
import org.amp4j.UntypedCommand;
import org.amp4j.cli.Interop.AskBack;
import org.amp4j.cli.Interop.BadCount;
import org.amp4j.cli.Interop.Crash;
import org.amp4j.cli.Interop.Delay;
import org.amp4j.cli.Interop.Divide;
import org.amp4j.cli.Interop.Echo;
import org.amp4j.cli.Interop.Explode;
import org.amp4j.cli.Interop.Exploded;
import org.amp4j.cli.Interop.GetNotifications;
import org.amp4j.cli.Interop.MakeRecords;
import org.amp4j.cli.Interop.Noop;
import org.amp4j.cli.Interop.Notify;
import org.amp4j.cli.Interop.Sum;
import org.amp4j.cli.Interop.Total;
import org.amp4j.cli.Interop.ZeroDivision;
import org.amp4j.spi.TypedValue;
import org.amp4j.value.ValueTypes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The interop command set, driven by an amp4j client against a server (amp4j or Twisted) provided
 * by the subclass: every type with edge values, errors, pipelining, out-of-order answers, calls
 * without answer, server-initiated calls and connection loss.
 */
abstract class AbstractInteropTest {
  static final Duration WAIT = Duration.ofSeconds(20);

  private final List<Peer> opened = Collections.synchronizedList(new ArrayList<>());
  final AtomicInteger sumsAnswered = new AtomicInteger();

  /** Connects a client that answers the server's calls with the given responders. */
  abstract Peer connect(Responders clientSide) throws Exception;

  /** The codec the handshake must settle on with this server. */
  abstract String expectedCodec();

  /** Whether values over 65,535 bytes get through (false with a plain AMP peer). */
  boolean carriesLongValues() {
    return true;
  }

  Peer client() throws Exception {
    Responders clientSide =
        Responders.builder()
            .on(
                Sum.class,
                s -> {
                  sumsAnswered.incrementAndGet();
                  return new Total(s.a().add(s.b()));
                })
            .build();
    Peer p = connect(clientSide);
    opened.add(p);
    return p;
  }

  @AfterEach
  void closeClients() {
    opened.forEach(Peer::close);
  }

  static <R> R get(java.util.concurrent.CompletionStage<R> stage) throws Exception {
    return stage.toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
  }

  static Throwable failure(java.util.concurrent.CompletionStage<?> stage) throws Exception {
    return VectorPeerTest.failure(stage.toCompletableFuture());
  }

  static BigInteger big(long v) {
    return BigInteger.valueOf(v);
  }

  @Test
  void noopAndSum_answer() throws Exception {
    Peer p = client();
    assertThat(get(p.call(new Noop()))).isNull();
    assertThat(get(p.call(new Sum(big(13), big(81)))).total()).isEqualTo(94);
    assertThat(get(p.call(new Sum(big(-5), big(2)))).total()).isEqualTo(-3);
    BigInteger x = EchoValues.TWO_64_PLUS_1;
    assertThat(get(p.call(new Sum(x, x))).total()).isEqualTo(x.add(x));
    BigInteger googol = BigInteger.TEN.pow(100);
    assertThat(get(p.call(new Sum(googol, BigInteger.ONE))).total())
        .isEqualTo(googol.add(BigInteger.ONE));
  }

  @TestFactory
  Stream<DynamicTest> echo_everyTypeAtEdgeValues_roundTrips() throws Exception {
    Peer p = client();
    List<Echo> all = new ArrayList<>(EchoValues.all());
    all.add(EchoValues.everything());
    all.add(new Echo(null, null, null, null, null, null, null, null, null, null, null));
    return all.stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    EchoValues.describe(e), () -> EchoValues.assertSame(e, get(p.call(e)))));
  }

  @Test
  void declaredError_arrivesAsDeclaredType_andConnectionStaysOpen() throws Exception {
    Peer p = client();
    assertThat(get(p.call(new Divide(big(1), big(4)))).quotient()).isEqualTo(0.25);
    Throwable t = failure(p.call(new Divide(big(1), big(0))));
    assertThat(t).isInstanceOf(ZeroDivision.class).hasMessage("division by zero");
    assertThat(get(p.call(new Sum(big(1), big(1)))).total()).isEqualTo(2);
    assertThat(failure(p.call(new MakeRecords(big(1001), "x")))).isInstanceOf(BadCount.class);
    assertThat(p.isOpen()).isTrue();
  }

  @Test
  void unknownCommand_isUnhandled_andConnectionStaysOpen() throws Exception {
    Peer p = client();
    Throwable t =
        failure(
            p.call(
                UntypedCommand.of(
                    "NoSuchCommand",
                    List.of(new TypedValue<>("x", ValueTypes.INTEGER, BigInteger.ONE)))));
    assertThat(t).isInstanceOf(UnhandledCommandException.class);
    assertThat(((RemoteException) t).code()).isEqualTo("UNHANDLED");
    assertThat(((RemoteException) t).description())
        .isEqualTo("Unhandled Command: b'NoSuchCommand'");
    assertThat(get(p.call(new Sum(big(2), big(2)))).total()).isEqualTo(4);
  }

  @Test
  void pipelinedCalls_allAnswered() throws Exception {
    Peer p = client();
    List<CompletableFuture<Total>> calls = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      calls.add(p.call(new Sum(big(i), big(i * 1000L))).toCompletableFuture());
    }
    for (int i = 0; i < calls.size(); i++) {
      assertThat(calls.get(i).get(WAIT.toMillis(), TimeUnit.MILLISECONDS).total())
          .isEqualTo(i + i * 1000L);
    }
  }

  @Test
  void slowAndFastCalls_areAnsweredOutOfOrder() throws Exception {
    Peer p = client();
    List<String> order = Collections.synchronizedList(new ArrayList<>());
    CompletableFuture<Delay.Token> slow = p.call(new Delay(big(400), "slow")).toCompletableFuture();
    CompletableFuture<Delay.Token> fast = p.call(new Delay(big(1), "fast")).toCompletableFuture();
    CompletableFuture<Void> a = slow.thenAccept(t -> order.add(t.token()));
    CompletableFuture<Void> b = fast.thenAccept(t -> order.add(t.token()));
    CompletableFuture.allOf(a, b).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    assertThat(order).containsExactly("fast", "slow");
  }

  @Test
  void callsWithoutAnswer_runInOrder() throws Exception {
    Peer p = client();
    assertThat(get(p.call(new Notify("one")))).isNull();
    assertThat(get(p.call(new Notify("two")))).isNull();
    assertThat(get(p.call(new GetNotifications())).messages()).containsExactly("one", "two");
    assertThat(get(p.call(new GetNotifications())).messages()).isEmpty();
  }

  @Test
  void makeRecords_returnsNestedRecords() throws Exception {
    Peer p = client();
    MakeRecords.Records r = get(p.call(new MakeRecords(big(3), "r")));
    assertThat(r.records())
        .containsExactly(
            new MakeRecords.Item(big(0), "r0", true),
            new MakeRecords.Item(big(1), "r1", false),
            new MakeRecords.Item(big(2), "r2", true));
    assertThat(get(p.call(new MakeRecords(big(0), "x"))).records()).isEmpty();
    assertThat(get(p.call(new MakeRecords(big(1000), "x"))).records()).hasSize(1000);
  }

  @Test
  void askBack_serverCallsTheClient() throws Exception {
    Peer p = client();
    assertThat(get(p.call(new AskBack(big(20), big(22)))).total()).isEqualTo(42);
    assertThat(sumsAnswered.get()).isEqualTo(1);
  }

  @Test
  void fatalError_closesConnection_andFailsOutstandingCalls() throws Exception {
    Peer p = client();
    // far longer than the 10 s a closing peer lets received calls finish: never answered
    CompletableFuture<Delay.Token> pending =
        p.call(new Delay(big(30_000), "never")).toCompletableFuture();
    Throwable t = failure(p.call(new Explode("boom")));
    assertThat(t).isInstanceOf(Exploded.class).hasMessage("boom");
    p.closeFuture().toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    assertThat(failure(pending)).isInstanceOf(ConnectionLostException.class);
    assertThat(failure(p.call(new Sum(big(1), big(1)))))
        .isInstanceOf(ConnectionLostException.class);
  }

  @Test
  void undeclaredError_isUnknown_andConnectionCloses() throws Exception {
    Peer p = client();
    Throwable t = failure(p.call(new Crash()));
    assertThat(t).isExactlyInstanceOf(RemoteException.class);
    assertThat(((RemoteException) t).code()).isEqualTo("UNKNOWN");
    assertThat(((RemoteException) t).description()).isEqualTo("Unknown Error");
    p.closeFuture().toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    assertThat(p.isOpen()).isFalse();
  }

  @Test
  void handshake_settlesOnTheExpectedCodec() throws Exception {
    Peer p = client();
    assertThat(p.codec()).isEqualTo(expectedCodec());
    assertThat(get(p.call(new Sum(big(1), big(2)))).total()).isEqualTo(3);
  }

  @Test
  void valueOver65535Bytes_getsThrough_orFailsLocallyWithAPlainAmpPeer() throws Exception {
    Peer p = client();
    byte[] big = new byte[70_000];
    new java.util.Random(7).nextBytes(big);
    if (carriesLongValues()) {
      EchoValues.assertSame(EchoValues.string(big), get(p.call(EchoValues.string(big))));
    } else {
      Throwable t = failure(p.call(EchoValues.string(big)));
      assertThat(t)
          .isInstanceOf(org.amp4j.EncodingException.class)
          .hasMessageContaining("70000")
          .hasMessageContaining("65,535");
    }
    assertThat(get(p.call(new Sum(big(1), big(2)))).total()).isEqualTo(3);
  }

  @Test
  void cancelledCall_isForgotten_andConnectionStaysUsable() throws Exception {
    Peer p = client();
    CompletableFuture<Delay.Token> slow = p.call(new Delay(big(200), "slow")).toCompletableFuture();
    assertThat(slow.cancel(true)).isTrue();
    Throwable t = failure(p.call(new Delay(big(5_000), "late"), Duration.ofMillis(100)));
    assertThat(t).isInstanceOf(org.amp4j.CallTimeoutException.class);
    // the answers to both forgotten calls arrive later and are ignored
    assertThat(get(p.call(new Delay(big(300), "after"))).token()).isEqualTo("after");
    assertThat(p.isOpen()).isTrue();
  }
}
