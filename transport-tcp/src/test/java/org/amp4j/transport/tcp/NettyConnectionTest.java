package org.amp4j.transport.tcp;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.amp4j.ConnectionLostException;
import org.amp4j.Limits;
import org.amp4j.spi.Connection;
import org.amp4j.spi.ConnectionHandler;
import org.amp4j.spi.Transport;
import org.junit.jupiter.api.Test;

class NettyConnectionTest {

  private static final long WAIT = RecordingHandler.WAIT_SECONDS;

  @Test
  void echo_roundTrip_returnsTheSameBytes() throws Exception {
    try (Loopback loop = Loopback.open()) {
      loop.server.start(new RecordingHandler(loop.server::write));
      RecordingHandler client = new RecordingHandler();
      loop.client.start(client);
      byte[] big = randomBytes(1 << 20, 1);

      loop.client.write("hello".getBytes(US_ASCII));
      loop.client.write(big.clone());

      byte[] echoed = client.awaitBytes(5 + big.length);
      assertThat(echoed).hasSize(5 + big.length);
      assertThat(Arrays.copyOf(echoed, 5)).asString(US_ASCII).isEqualTo("hello");
      assertThat(Arrays.copyOfRange(echoed, 5, echoed.length)).isEqualTo(big);
      assertThat(client.offLoopCalls()).isZero();
    }
  }

  @Test
  void writesFromSeveralThreads_arriveCompleteAndInPerThreadOrder() throws Exception {
    int threads = 4;
    int writesPerThread = 2_000;
    try (Loopback loop = Loopback.open()) {
      RecordingHandler server = new RecordingHandler();
      loop.server.start(server);
      loop.client.start(new RecordingHandler());
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<Integer>> sent = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int thread = t;
          sent.add(pool.submit(() -> writeRecords(loop.client, thread, writesPerThread)));
        }
        int total = 0;
        for (Future<Integer> f : sent) {
          total += f.get(WAIT, TimeUnit.SECONDS);
        }

        ByteBuffer in = ByteBuffer.wrap(server.awaitBytes(total));
        int[] next = new int[threads];
        while (in.hasRemaining()) {
          int thread = in.get();
          int seq = in.getInt();
          byte[] payload = new byte[in.get()];
          in.get(payload);
          assertThat(seq).as("sequence of thread %d", thread).isEqualTo(next[thread]++);
          assertThat(payload).isEqualTo(payload(thread, seq));
        }
        assertThat(next).containsOnly(writesPerThread);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  /** Writes records {@code [thread:1][seq:4][length:1][payload]}; returns the bytes written. */
  private static int writeRecords(Connection connection, int thread, int count) {
    int bytes = 0;
    for (int seq = 0; seq < count; seq++) {
      byte[] payload = payload(thread, seq);
      ByteBuffer record = ByteBuffer.allocate(6 + payload.length);
      record.put((byte) thread).putInt(seq).put((byte) payload.length).put(payload);
      connection.write(record.array());
      bytes += record.capacity();
    }
    return bytes;
  }

  private static byte[] payload(int thread, int seq) {
    byte[] payload = new byte[(seq * 7 + thread) % 100];
    Arrays.fill(payload, (byte) (seq + thread));
    return payload;
  }

  @Test
  void bytesSentBeforeStart_areHeldUntilStart_thenDeliveredWithTheClose() throws Exception {
    try (Loopback loop = Loopback.open()) {
      RecordingHandler client = new RecordingHandler();
      loop.client.start(client);
      loop.client.write("early".getBytes(US_ASCII));
      loop.client.close();
      assertThat(client.awaitClosed()).isNull();

      // The client is gone and its bytes are in the server's socket, unread until start.
      RecordingHandler server = new RecordingHandler();
      loop.server.start(server);
      assertThat(server.awaitBytes(5)).asString(US_ASCII).isEqualTo("early");
      assertThat(server.awaitClosed()).isNull();
      assertThat(server.closeCount()).isEqualTo(1);
    }
  }

  @Test
  void start_twice_fails() throws Exception {
    try (Loopback loop = Loopback.open()) {
      loop.server.start(new RecordingHandler());
      assertThatThrownBy(() -> loop.server.start(new RecordingHandler()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("already started");
    }
  }

  @Test
  void clientClose_flushesQueuedWrites_thenBothSidesCloseOrderlyOnce() throws Exception {
    try (Loopback loop = Loopback.open()) {
      RecordingHandler server = new RecordingHandler();
      RecordingHandler client = new RecordingHandler();
      loop.server.start(server);
      loop.client.start(client);
      byte[] data = randomBytes(8 << 20, 2);
      for (int offset = 0; offset < data.length; offset += 65_536) {
        loop.client.write(Arrays.copyOfRange(data, offset, offset + 65_536));
      }
      loop.client.close();
      loop.client.close();

      assertThat(server.awaitBytes(data.length)).isEqualTo(data);
      assertThat(server.awaitClosed()).isNull();
      assertThat(client.awaitClosed()).isNull();
      assertThat(server.closeCount()).isEqualTo(1);
      assertThat(client.closeCount()).isEqualTo(1);
      assertThat(loop.client.pendingWriteBytes()).isZero();
    }
  }

  @Test
  void smallWritesCoalesced_andLargeOnesBetween_arriveInOrder_beforeTheClose() throws Exception {
    try (Loopback loop = Loopback.open()) {
      RecordingHandler server = new RecordingHandler();
      loop.server.start(server);
      loop.client.start(new RecordingHandler());
      ByteArrayOutputStream sent = new ByteArrayOutputStream();
      Random random = new Random(4);
      for (int i = 0; i < 5_000; i++) {
        // mostly small frames, batched together; now and then one of at least BATCH_BYTES,
        // handed over on its own between two batches
        int length =
            i % 500 == 499
                ? NettyConnection.BATCH_BYTES + random.nextInt(3)
                : 1 + random.nextInt(200);
        byte[] frame = randomBytes(length, i);
        sent.write(frame);
        loop.client.write(frame);
      }
      loop.client.close();

      assertThat(server.awaitBytes(sent.size())).isEqualTo(sent.toByteArray());
      assertThat(server.awaitClosed()).isNull();
      assertThat(loop.client.pendingWriteBytes()).isZero();
    }
  }

  @Test
  void writesWithAHeader_onAndOffTheEventLoop_arriveInOrder_whileTheirArraysAreReused()
      throws Exception {
    try (Loopback loop = Loopback.open()) {
      RecordingHandler client = new RecordingHandler();
      loop.client.start(client);
      ByteArrayOutputStream sent = new ByteArrayOutputStream();
      byte[] header = new byte[8];
      Random random = new Random(5);
      Runnable writeSome =
          () -> {
            for (int i = 0; i < 1_000; i++) {
              // header only, frame only, both; now and then one of at least BATCH_BYTES
              int headerLength = random.nextInt(header.length + 1);
              int length = i % 250 == 249 ? NettyConnection.BATCH_BYTES : random.nextInt(100);
              Arrays.fill(header, (byte) random.nextInt());
              byte[] data = randomBytes(length, i);
              sent.write(header, 0, headerLength);
              sent.writeBytes(data);
              // the frame inside a larger array, which the connection does not keep either
              int offset = random.nextInt(4);
              byte[] around = new byte[offset + length + 3];
              System.arraycopy(data, 0, around, offset, length);
              loop.server.write(header, headerLength, around, offset, length);
              Arrays.fill(around, (byte) 0x5a);
            }
          };
      // from another thread (joined and queued), then from the event loop when the client's
      // byte arrives (copied straight into the batch, after the queued ones)
      writeSome.run();
      CompletableFuture<Void> secondHalf = new CompletableFuture<>();
      loop.server.start(
          new RecordingHandler(
              bytes -> {
                writeSome.run();
                secondHalf.complete(null);
              }));
      loop.client.write(new byte[] {1});
      secondHalf.get(WAIT, TimeUnit.SECONDS);

      assertThat(client.awaitBytes(sent.size())).isEqualTo(sent.toByteArray());
      loop.server.close();
      assertThat(client.awaitClosed()).isNull();
      assertThat(loop.server.pendingWriteBytes()).isZero();
    }
  }

  @Test
  void writeOnTheEventLoop_goesAfterAWriteAnotherThreadMadeBefore() throws Exception {
    try (Loopback loop = Loopback.open()) {
      // On the server's event loop, when the client's byte arrives: another thread writes "A"
      // and returns (its frame waits for the event loop, which is busy here), then the event
      // loop itself writes "B". The wire must carry "A" first.
      loop.server.start(
          new RecordingHandler(
              bytes -> {
                Thread other = new Thread(() -> loop.server.write(new byte[] {'A'}));
                other.start();
                try {
                  other.join(TimeUnit.SECONDS.toMillis(WAIT));
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                loop.server.write(new byte[] {'B'});
              }));
      RecordingHandler client = new RecordingHandler();
      loop.client.start(client);

      loop.client.write(new byte[] {'x'});

      assertThat(client.awaitBytes(2)).asString(US_ASCII).isEqualTo("AB");
    }
  }

  @Test
  void batchReachingFlushBytes_goesOutWhileTheTurnGoesOn() throws Exception {
    // An event loop of its own: no other connection's writes make it count as shared.
    try (OwnEventLoop loop = new OwnEventLoop();
        PlainSocketPeer peer = PlainSocketPeer.open(loop.transport)) {
      Socket socket = peer.socket;
      Connection server = peer.server;
      byte[] frame = randomBytes(64, 3);
      int frames = NettyConnection.FLUSH_BYTES / frame.length;
      CountDownLatch firstPartRead = new CountDownLatch(1);
      CompletableFuture<Boolean> readWithinTheTurn = new CompletableFuture<>();
      // On the event loop, when the peer's byte arrives: FLUSH_BYTES in small frames, then, in the
      // same turn, wait until the peer has read them, then one more frame.
      server.start(
          new RecordingHandler(
              bytes -> {
                for (int i = 0; i < frames; i++) {
                  server.write(frame.clone());
                }
                try {
                  readWithinTheTurn.complete(firstPartRead.await(WAIT, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  readWithinTheTurn.complete(false);
                }
                server.write("end".getBytes(US_ASCII));
              }));

      socket.getOutputStream().write('x');
      InputStream in = socket.getInputStream();
      byte[] firstPart = in.readNBytes(frames * frame.length);
      firstPartRead.countDown();

      assertThat(readWithinTheTurn.get(WAIT, TimeUnit.SECONDS))
          .as("the first %d bytes reached the peer before the writing turn ended", firstPart.length)
          .isTrue();
      for (int i = 0; i < frames; i++) {
        assertThat(Arrays.copyOfRange(firstPart, i * frame.length, (i + 1) * frame.length))
            .isEqualTo(frame);
      }
      assertThat(in.readNBytes(3)).asString(US_ASCII).isEqualTo("end");
    }
  }

  @Test
  void batchReachingFlushBytes_waitsForTheTurnsEnd_whenTheEventLoopWritesToAnotherConnection()
      throws Exception {
    // One event loop for both accepted connections.
    try (OwnEventLoop loop = new OwnEventLoop();
        PlainSocketPeer busy = PlainSocketPeer.open(loop.transport);
        PlainSocketPeer other = PlainSocketPeer.open(loop.transport)) {
      NettyConnection server = (NettyConnection) busy.server;
      byte[] frame = randomBytes(64, 4);
      int frames = NettyConnection.FLUSH_BYTES / frame.length;
      CompletableFuture<Long> heldInTheTurn = new CompletableFuture<>();
      other.server.start(new RecordingHandler());
      // On the event loop: a frame to the other connection (one large enough to go out on its
      // own, which counts as a write too), then FLUSH_BYTES to this one, in the same turn; what
      // this one still holds unflushed is noted before the turn ends.
      byte[] large = randomBytes(NettyConnection.BATCH_BYTES, 5);
      server.start(
          new RecordingHandler(
              bytes -> {
                other.server.write(large.clone());
                for (int i = 0; i < frames; i++) {
                  server.write(frame.clone());
                }
                heldInTheTurn.complete(server.unflushedBytes());
                server.write("end".getBytes(US_ASCII));
              }));

      busy.socket.getOutputStream().write('x');

      assertThat(heldInTheTurn.get(WAIT, TimeUnit.SECONDS))
          .as("bytes still held when the batch reached FLUSH_BYTES on a shared event loop")
          .isEqualTo((long) frames * frame.length);
      InputStream in = busy.socket.getInputStream();
      for (int i = 0; i < frames; i++) {
        assertThat(in.readNBytes(frame.length)).isEqualTo(frame);
      }
      assertThat(in.readNBytes(3)).asString(US_ASCII).isEqualTo("end");
      assertThat(other.socket.getInputStream().readNBytes(large.length)).isEqualTo(large);
    }
  }

  @Test
  void serverClose_flushesQueuedWrites_thenBothSidesCloseOrderlyOnce() throws Exception {
    try (Loopback loop = Loopback.open()) {
      RecordingHandler server = new RecordingHandler();
      RecordingHandler client = new RecordingHandler();
      loop.server.start(server);
      loop.client.start(client);
      byte[] data = randomBytes(1 << 20, 3);
      loop.server.write(data.clone());
      loop.server.close();

      assertThat(client.awaitBytes(data.length)).isEqualTo(data);
      assertThat(client.awaitClosed()).isNull();
      assertThat(server.awaitClosed()).isNull();
      assertThat(client.closeCount()).isEqualTo(1);
      assertThat(server.closeCount()).isEqualTo(1);
      assertThat(client.bytesAfterClose()).isZero();
    }
  }

  @Test
  void write_afterClose_failsWithConnectionLost() throws Exception {
    try (Loopback loop = Loopback.open()) {
      RecordingHandler client = new RecordingHandler();
      loop.client.start(client);
      loop.server.start(new RecordingHandler());
      loop.client.close();
      assertThatThrownBy(() -> loop.client.write(new byte[] {1}))
          .isInstanceOf(ConnectionLostException.class)
          .hasMessage("connection to 127.0.0.1:" + loop.listener.port() + " is closed");
      client.awaitClosed();
      assertThatThrownBy(() -> loop.client.write(new byte[] {1}))
          .isInstanceOf(ConnectionLostException.class);
    }
  }

  @Test
  void write_afterPeerClosed_failsWithConnectionLost() throws Exception {
    try (Loopback loop = Loopback.open()) {
      RecordingHandler client = new RecordingHandler();
      loop.client.start(client);
      loop.server.start(new RecordingHandler());
      loop.server.close();
      assertThat(client.awaitClosed()).isNull();
      assertThatThrownBy(() -> loop.client.write(new byte[] {1}))
          .isInstanceOf(ConnectionLostException.class);
    }
  }

  @Test
  void startAfterClose_deliversOnClosedOnce() throws Exception {
    try (Loopback loop = Loopback.open()) {
      RecordingHandler client = new RecordingHandler();
      loop.client.start(client);
      loop.client.close();
      client.awaitClosed();
      // The server never read, so it has not seen the close: start makes it read the EOF.
      RecordingHandler server = new RecordingHandler();
      loop.server.start(server);
      assertThat(server.awaitClosed()).isNull();
      assertThat(server.closeCount()).isEqualTo(1);
    }
  }

  @Test
  void peerReset_closesWithTheCause() throws Exception {
    TcpTransport transport = new TcpTransport();
    CompletableFuture<Connection> accepted = new CompletableFuture<>();
    try (Transport.Listener listener =
        transport.listen("127.0.0.1", 0, Limits.DEFAULTS, accepted::complete)) {
      RecordingHandler server = new RecordingHandler();
      try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), listener.port())) {
        accepted.get(WAIT, TimeUnit.SECONDS).start(server);
        socket.getOutputStream().write("x".getBytes(US_ASCII));
        server.awaitBytes(1);
        socket.setSoLinger(true, 0); // close with RST
      }
      assertThat(server.awaitClosed()).isInstanceOf(IOException.class);
      assertThat(server.closeCount()).isEqualTo(1);
    }
  }

  @Test
  void handlerThatThrows_closesWithThatException() throws Exception {
    RuntimeException boom = new IllegalStateException("expected by the test");
    try (Loopback loop = Loopback.open()) {
      RecordingHandler client = new RecordingHandler();
      CompletableFuture<Throwable> serverClosed = new CompletableFuture<>();
      loop.server.start(
          new ConnectionHandler() {
            @Override
            public void onBytes(ByteBuffer data) {
              throw boom;
            }

            @Override
            public void onClosed(Throwable cause) {
              serverClosed.complete(cause);
            }
          });
      loop.client.start(client);
      loop.client.write(new byte[] {42});
      assertThat(serverClosed.get(WAIT, TimeUnit.SECONDS)).isSameAs(boom);
      assertThat(client.awaitClosed()).isNull();
    }
  }

  @Test
  void plainSocketPeer_seesExactBytesAndEof() throws Exception {
    try (PlainSocketPeer peer = PlainSocketPeer.open()) {
      Socket socket = peer.socket;
      Connection server = peer.server;
      RecordingHandler handler = new RecordingHandler();
      server.start(handler);
      OutputStream out = socket.getOutputStream();
      out.write("ping".getBytes(US_ASCII));
      assertThat(handler.awaitBytes(4)).asString(US_ASCII).isEqualTo("ping");
      server.write("pong".getBytes(US_ASCII));
      server.close();
      InputStream in = socket.getInputStream();
      assertThat(in.readAllBytes()).asString(US_ASCII).isEqualTo("pong");
      assertThat(handler.awaitClosed()).isNull();
    }
  }

  /** A plain socket on 127.0.0.1 and the connection a TCP listener accepted from it. */
  private static final class PlainSocketPeer implements AutoCloseable {
    final Transport.Listener listener;
    final Socket socket;
    final Connection server;

    private PlainSocketPeer(Transport.Listener listener, Socket socket, Connection server) {
      this.listener = listener;
      this.socket = socket;
      this.server = server;
    }

    static PlainSocketPeer open() throws Exception {
      return open(new TcpTransport());
    }

    static PlainSocketPeer open(TcpTransport transport) throws Exception {
      CompletableFuture<Connection> accepted = new CompletableFuture<>();
      Transport.Listener listener =
          transport.listen("127.0.0.1", 0, Limits.DEFAULTS, accepted::complete);
      Socket socket = null;
      try {
        socket = new Socket(InetAddress.getLoopbackAddress(), listener.port());
        socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(WAIT));
        return new PlainSocketPeer(listener, socket, accepted.get(WAIT, TimeUnit.SECONDS));
      } catch (Exception | Error e) {
        if (socket != null) {
          socket.close();
        }
        listener.close();
        throw e;
      }
    }

    @Override
    public void close() throws Exception {
      try {
        socket.close();
      } finally {
        listener.close();
      }
    }
  }

  /** A TCP transport on an event loop group of one thread of its own, shut down on close. */
  private static final class OwnEventLoop implements AutoCloseable {
    final EventLoopGroup group =
        new MultiThreadIoEventLoopGroup(
            1, new DefaultThreadFactory("amp4j-tcp-own", true), NioIoHandler.newFactory());
    final TcpTransport transport = new TcpTransport(TcpTransport.DEFAULT_CONNECT_TIMEOUT, group);

    @Override
    public void close() {
      group
          .shutdownGracefully(0, WAIT, TimeUnit.SECONDS)
          .awaitUninterruptibly(WAIT, TimeUnit.SECONDS);
    }
  }

  static byte[] randomBytes(int length, long seed) {
    byte[] bytes = new byte[length];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }
}
