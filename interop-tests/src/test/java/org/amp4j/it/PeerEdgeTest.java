package org.amp4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.amp4j.Amp;
import org.amp4j.AmpServer;
import org.amp4j.ConnectionLostException;
import org.amp4j.LimitExceededException;
import org.amp4j.Limits;
import org.amp4j.Peer;
import org.amp4j.PeerConfig;
import org.amp4j.Responders;
import org.amp4j.cli.Interop.Delay;
import org.amp4j.cli.Interop.Sum;
import org.amp4j.cli.Interop.Total;
import org.junit.jupiter.api.Test;

/** Limits, connection loss and threading of a peer over real TCP sockets on 127.0.0.1. */
class PeerEdgeTest {

  private static final long WAIT_S = 20;

  @Test
  void peerThatDisconnectsMidCall_failsOutstandingCallsWithConnectionLost() throws Exception {
    try (ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Void> server =
          CompletableFuture.runAsync(
              () -> {
                try (Socket s = ss.accept()) {
                  InputStream in = s.getInputStream();
                  in.read(new byte[4096]); // reads (part of) the request, then hangs up
                } catch (java.io.IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
      // a plain AMP client: the raw server would not answer a hello
      PeerConfig plain = PeerConfig.builder().codec("amp").handshake(false).build();
      Peer peer = Amp.connect("127.0.0.1", ss.getLocalPort(), plain);
      CompletableFuture<Total> call =
          peer.call(new Sum(BigInteger.ONE, BigInteger.TWO)).toCompletableFuture();
      server.get(WAIT_S, TimeUnit.SECONDS);
      assertThat(VectorPeerTest.failure(call))
          .isInstanceOf(ConnectionLostException.class)
          .hasMessageContaining("Sum");
      peer.closeFuture().toCompletableFuture().get(WAIT_S, TimeUnit.SECONDS);
      assertThat(
              VectorPeerTest.failure(
                  peer.call(new Sum(BigInteger.ONE, BigInteger.ONE)).toCompletableFuture()))
          .isInstanceOf(ConnectionLostException.class);
    }
  }

  @Test
  void outstandingCallLimit_isEnforced() throws Exception {
    PeerConfig config =
        PeerConfig.builder().limits(Limits.builder().maxOutstandingCalls(3).build()).build();
    try (AmpServer server =
            Amp.serve("127.0.0.1", 0, config, org.amp4j.cli.InteropResponders::forPeer);
        Peer peer = Amp.connect("127.0.0.1", server.port(), config)) {
      List<CompletableFuture<Delay.Token>> calls = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        calls.add(peer.call(new Delay(BigInteger.valueOf(200), "t" + i)).toCompletableFuture());
      }
      Throwable t =
          VectorPeerTest.failure(peer.call(new Delay(BigInteger.ONE, "x")).toCompletableFuture());
      assertThat(t).isInstanceOf(LimitExceededException.class).hasMessageContaining("limit 3");
      for (int i = 0; i < 3; i++) {
        assertThat(calls.get(i).get(WAIT_S, TimeUnit.SECONDS).token()).isEqualTo("t" + i);
      }
      assertThat(
              peer.call(new Delay(BigInteger.ONE, "after"))
                  .toCompletableFuture()
                  .get(WAIT_S, TimeUnit.SECONDS)
                  .token())
          .isEqualTo("after");
    }
  }

  @Test
  void slowReader_boundsWriterMemory_withLimitExceeded() throws Exception {
    PeerConfig config =
        PeerConfig.builder()
            .codec("amp")
            .handshake(false) // the server never reads, so it could not answer a hello
            .limits(Limits.builder().maxPendingWriteBytes(1 << 20).build())
            .build();
    try (ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Socket> accepted =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return ss.accept(); // never reads
                } catch (java.io.IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
      try (Peer peer = Amp.connect("127.0.0.1", ss.getLocalPort(), config);
          Socket s = accepted.get(WAIT_S, TimeUnit.SECONDS)) {
        byte[] payload = new byte[60_000];
        Throwable refused = null;
        for (int i = 0; i < 10_000 && refused == null; i++) {
          CompletableFuture<?> f = peer.call(EchoValues.string(payload)).toCompletableFuture();
          if (f.isCompletedExceptionally()) {
            refused = VectorPeerTest.failure(f);
          }
        }
        assertThat(refused).isInstanceOf(LimitExceededException.class);
        assertThat(s.isConnected()).isTrue();
      }
    }
  }

  @Test
  void handlers_runOnTheConfiguredExecutor_notOnIoThreads() throws Exception {
    ExecutorService handlers = Executors.newFixedThreadPool(2, r -> new Thread(r, "test-handler"));
    PeerConfig config = PeerConfig.builder().executor(handlers).build();
    List<String> threads = new ArrayList<>();
    Responders r =
        Responders.builder()
            .on(
                Sum.class,
                s -> {
                  synchronized (threads) {
                    threads.add(Thread.currentThread().getName());
                  }
                  return new Total(s.a().add(s.b()));
                })
            .build();
    try (AmpServer server = Amp.serve("127.0.0.1", 0, config, p -> r);
        Peer peer = Amp.connect("127.0.0.1", server.port(), config)) {
      CompletableFuture<String> callbackThread =
          peer.call(new Sum(BigInteger.ONE, BigInteger.ONE))
              .thenApply(t -> Thread.currentThread().getName())
              .toCompletableFuture();
      assertThat(callbackThread.get(WAIT_S, TimeUnit.SECONDS)).isEqualTo("test-handler");
      assertThat(threads).containsExactly("test-handler");
    } finally {
      handlers.shutdownNow();
    }
  }
}
