package org.amp4j.transport.tcp;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.amp4j.LimitExceededException;
import org.amp4j.Limits;
import org.amp4j.spi.ConnectionHandler;
import org.amp4j.spi.Transport;
import org.junit.jupiter.api.Test;

class BackPressureTest {

  private static final long WAIT = RecordingHandler.WAIT_SECONDS;
  private static final int CHUNK = 4096;
  private final TcpTransport transport = new TcpTransport();

  @Test
  void peerThatNeverReads_makesWriteFailWithLimitExceeded_withinTheLimit() throws Exception {
    int limit = 64 * 1024;
    Limits limits = Limits.builder().maxPendingWriteBytes(limit).build();
    ExecutorService drainer = Executors.newSingleThreadExecutor();
    try (ServerSocket plain = new ServerSocket()) {
      plain.setReceiveBufferSize(4096);
      plain.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      plain.setSoTimeout((int) TimeUnit.SECONDS.toMillis(WAIT));
      NettyConnection connection =
          (NettyConnection)
              transport
                  .connect("127.0.0.1", plain.getLocalPort(), limits)
                  .toCompletableFuture()
                  .get(WAIT, TimeUnit.SECONDS);
      try (Socket peer = plain.accept()) {
        RecordingHandler handler = new RecordingHandler();
        connection.start(handler);

        // Write until every write is refused for a while: the kernel buffers are full.
        long accepted = 0;
        long maxPending = 0;
        LimitExceededException refusal = null;
        long refusedSince = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT);
        while (refusal == null || System.nanoTime() - refusedSince < 500_000_000L) {
          assertThat(System.nanoTime()).as("writes still accepted").isLessThan(deadline);
          try {
            connection.write(pattern(accepted, CHUNK));
            accepted += CHUNK;
            refusal = null;
          } catch (LimitExceededException e) {
            if (refusal == null) {
              refusedSince = System.nanoTime();
            }
            refusal = e;
            Thread.yield();
          }
          maxPending = Math.max(maxPending, connection.pendingWriteBytes());
        }

        assertThat(refusal)
            .hasMessageMatching(
                "\\d+ bytes already waiting to be written to 127\\.0\\.0\\.1:\\d+, limit 65536");
        assertThat(maxPending).isLessThanOrEqualTo(limit);
        assertThat(accepted)
            .as("bytes accepted for a peer that does not read")
            .isLessThan(64L << 20);

        // Once the peer reads, a graceful close delivers exactly what write() accepted.
        CompletableFuture<Long> drained =
            CompletableFuture.supplyAsync(() -> readPattern(peer), drainer);
        connection.close();
        assertThat(drained.get(WAIT, TimeUnit.SECONDS)).isEqualTo(accepted);
        assertThat(handler.awaitClosed()).isNull();
      }
    } finally {
      drainer.shutdownNow();
    }
  }

  @Test
  void slowReader_pushesBackOnFastSender_insteadOfGrowingMemory() throws Exception {
    int limit = 1 << 20;
    long total = 128L << 20;
    Limits limits = Limits.builder().maxPendingWriteBytes(limit).build();
    List<Throwable> echoErrors = new CopyOnWriteArrayList<>();
    AtomicLong maxPending = new AtomicLong();
    Transport.Listener listener =
        transport.listen(
            "127.0.0.1",
            0,
            limits,
            c -> c.start(new Echo((NettyConnection) c, maxPending, echoErrors)));
    ExecutorService writer = Executors.newSingleThreadExecutor();
    try (listener;
        Socket client = new Socket()) {
      client.setReceiveBufferSize(8192);
      client.setSendBufferSize(8192);
      client.setSoTimeout((int) TimeUnit.SECONDS.toMillis(WAIT));
      client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.port()));
      CompletableFuture<Void> written =
          CompletableFuture.runAsync(() -> writePattern(client, total), writer);

      // The client reads nothing, so the echo stops reading and the writer blocks.
      assertThatThrownBy(() -> written.get(2, TimeUnit.SECONDS))
          .isInstanceOf(TimeoutException.class);
      assertThat(echoErrors).isEmpty();
      assertThat(maxPending.get()).isPositive().isLessThanOrEqualTo(limit);

      // Reading resumes the flow: everything comes back, in order.
      InputStream in = client.getInputStream();
      byte[] buffer = new byte[65_536];
      long position = 0;
      while (position < total) {
        int n = in.read(buffer);
        assertThat(n).as("bytes read at %d", position).isPositive();
        for (int i = 0; i < n; i++) {
          if (buffer[i] != patternByte(position + i)) {
            throw new AssertionError("wrong byte at " + (position + i));
          }
        }
        position += n;
      }
      written.get(WAIT, TimeUnit.SECONDS);
      assertThat(echoErrors).isEmpty();
      assertThat(maxPending.get()).isLessThanOrEqualTo(limit);
    } finally {
      writer.shutdownNow();
    }
  }

  /** A server handler that pauses the server's reading when its first bytes arrive. */
  private static RecordingHandler pausingOnFirstBytes(Loopback loop) {
    AtomicBoolean pausedOnce = new AtomicBoolean();
    return new RecordingHandler(
        bytes -> {
          if (pausedOnce.compareAndSet(false, true)) {
            loop.server.setReadingPaused(true);
          }
        });
  }

  @Test
  void setReadingPaused_stopsDelivery_andFalseResumesIt() throws Exception {
    try (Loopback loop = Loopback.open()) {
      RecordingHandler server = pausingOnFirstBytes(loop);
      loop.server.start(server);
      loop.client.start(new RecordingHandler());

      loop.client.write("first".getBytes(US_ASCII));
      server.awaitBytes(5);
      loop.client.write("second".getBytes(US_ASCII));
      assertThat(server.waitForBytes(6, 500)).as("delivered while paused").isFalse();

      loop.server.setReadingPaused(false);
      assertThat(server.awaitBytes(11)).asString(US_ASCII).isEqualTo("firstsecond");
    }
  }

  @Test
  void pausedReading_staysPausedWhenTheChannelBecomesWritableAgain() throws Exception {
    try (Loopback loop = Loopback.open()) {
      RecordingHandler server = pausingOnFirstBytes(loop);
      loop.server.start(server);
      loop.client.write("first".getBytes(US_ASCII));
      server.awaitBytes(5);

      // The client has not started, so it reads nothing: the server becomes unwritable.
      byte[] big = NettyConnectionTest.randomBytes(8 << 20, 4);
      for (int offset = 0; offset < big.length; offset += 65_536) {
        loop.server.write(Arrays.copyOfRange(big, offset, offset + 65_536));
      }
      loop.client.write("second".getBytes(US_ASCII));
      RecordingHandler client = new RecordingHandler();
      loop.client.start(client);
      assertThat(client.awaitBytes(big.length)).isEqualTo(big);

      // Writable again, but still paused by the protocol.
      assertThat(server.waitForBytes(6, 500)).as("delivered while paused").isFalse();
      loop.server.setReadingPaused(false);
      assertThat(server.awaitBytes(11)).asString(US_ASCII).isEqualTo("firstsecond");
    }
  }

  /** Echoes every chunk, recording the largest backlog and any failure. */
  private record Echo(NettyConnection connection, AtomicLong maxPending, List<Throwable> errors)
      implements ConnectionHandler {
    @Override
    public void onBytes(ByteBuffer data) {
      byte[] copy = new byte[data.remaining()];
      data.get(copy);
      try {
        connection.write(copy);
      } catch (RuntimeException e) {
        errors.add(e);
      }
      maxPending.accumulateAndGet(connection.pendingWriteBytes(), Math::max);
    }

    @Override
    public void onClosed(Throwable cause) {
      if (cause != null) {
        errors.add(cause);
      }
    }
  }

  private static byte patternByte(long position) {
    return (byte) (position % 251);
  }

  private static byte[] pattern(long position, int length) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = patternByte(position + i);
    }
    return bytes;
  }

  private static void writePattern(Socket socket, long total) {
    try {
      OutputStream out = socket.getOutputStream();
      for (long position = 0; position < total; position += 65_536) {
        out.write(pattern(position, 65_536));
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads until EOF, checking the pattern; returns the count. */
  private static long readPattern(Socket socket) {
    try {
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[65_536];
      long position = 0;
      for (int n; (n = in.read(buffer)) > 0; position += n) {
        for (int i = 0; i < n; i++) {
          if (buffer[i] != patternByte(position + i)) {
            throw new AssertionError("wrong byte at " + (position + i));
          }
        }
      }
      return position;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
