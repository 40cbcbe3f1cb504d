package org.amp4j.bench.pump;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.amp4j.ConnectionLostException;
import org.amp4j.Limits;
import org.amp4j.spi.Codec;
import org.amp4j.spi.Connection;
import org.amp4j.spi.ConnectionHandler;
import org.amp4j.spi.FrameBuffer;
import org.amp4j.spi.OutboundMessage;
import org.amp4j.spi.Transport;

/**
 * A transport that moves bytes only when one thread, the pump's, calls {@link #pump()}: every
 * connection collects what its side writes in one buffer, and each pump hands each buffer whole to
 * the other side's handler, as one read. With the handlers, the answers and the callers' callbacks
 * on that thread too ({@code PeerConfig.executor(Runnable::run)}), both peers of every connection
 * run on one thread, with no system call, no copy into a socket and no waiting: what a call costs
 * is the library's own work on both sides. Messages are encoded straight into the buffer, as the
 * TCP transport does on its event loop.
 *
 * <p>Configuration name {@code pump}; ports are numbers in a table of this process, which {@link
 * #listen} picks. The connections are for the thread that made them (the pump's): writes from any
 * other thread (session timers) are queued and go out at the next pump. Not for use outside
 * benchmarks: there is no limit on what a connection collects, and nothing moves unless pumped.
 */
public final class PumpTransport implements Transport {
  private static final Map<Integer, Consumer<Connection>> LISTENERS = new ConcurrentHashMap<>();
  private static final AtomicInteger NEXT_PORT = new AtomicInteger(1);
  // Every open connection, in the order made; the pump thread's only.
  private static final List<End> ENDS = new ArrayList<>();

  @Override
  public String name() {
    return "pump";
  }

  /**
   * Listens on a port of this process's table, which this transport picks.
   *
   * @throws IllegalArgumentException if {@code port} is not 0
   */
  @Override
  public Listener listen(String host, int port, Limits limits, Consumer<Connection> onAccept) {
    if (port != 0) {
      throw new IllegalArgumentException("the pump transport picks its ports: listen on 0");
    }
    int bound = NEXT_PORT.getAndIncrement();
    LISTENERS.put(bound, onAccept);
    return new Bound(host, bound, () -> LISTENERS.remove(bound, onAccept));
  }

  /** A listener of the table: closing it removes it. */
  private record Bound(String host, int port, Runnable onClose) implements Listener {
    @Override
    public void close() {
      onClose.run();
    }
  }

  /** Makes both ends at once, on the calling thread, which must be the pump's. */
  @Override
  public CompletionStage<Connection> connect(String host, int port, Limits limits) {
    Consumer<Connection> acceptor = LISTENERS.get(port);
    if (acceptor == null) {
      return CompletableFuture.failedFuture(
          new ConnectionLostException("nothing listens on pump port " + port));
    }
    End client = new End("pump:" + port);
    End server = new End("pump-client");
    client.other = server;
    server.other = client;
    ENDS.add(client);
    ENDS.add(server);
    acceptor.accept(server);
    return CompletableFuture.completedFuture(client);
  }

  /**
   * Hands every connection's collected bytes to the other side's handler, one read each, and the
   * close of a closed one. Pump thread only.
   *
   * @return whether anything moved
   */
  public static boolean pump() {
    boolean moved = false;
    for (int i = 0; i < ENDS.size(); i++) {
      moved |= ENDS.get(i).deliver();
    }
    ENDS.removeIf(e -> e.gone);
    return moved;
  }

  /** The connections made and not yet closed (both ends of each); pump thread only. */
  static int openConnections() {
    return ENDS.size();
  }

  /** One side of a connection: what it writes is read by {@link #other}. */
  private static final class End implements Connection {
    private final String remote;
    private final Thread owner = Thread.currentThread();
    private final Queue<byte[]> foreign = new ConcurrentLinkedQueue<>();
    private End other;
    private ConnectionHandler handler;
    // written by this side, read by the other at the next pump; swapped with spare as it is read
    private FrameBuffer out = new FrameBuffer(16 * 1024);
    private FrameBuffer spare = new FrameBuffer(16 * 1024);
    private boolean paused;
    private volatile boolean closed;
    private boolean closeDelivered;
    private boolean gone;

    End(String remote) {
      this.remote = remote;
    }

    @Override
    public void start(ConnectionHandler h) {
      handler = h;
    }

    @Override
    public void write(byte[] data) {
      checkOpen();
      if (Thread.currentThread() != owner) {
        foreign.add(data.clone());
      } else {
        out.write(data);
      }
    }

    @Override
    public void write(byte[] header, int headerLength, byte[] data, int offset, int length) {
      checkOpen();
      if (Thread.currentThread() != owner) {
        Connection.super.write(header, headerLength, data, offset, length);
      } else {
        out.write(header, 0, headerLength);
        out.write(data, offset, length);
      }
    }

    @Override
    public void write(Codec codec, OutboundMessage message) {
      checkOpen();
      if (Thread.currentThread() != owner) {
        write(codec.encode(message));
        return;
      }
      int start = out.size();
      try {
        codec.encode(message, out);
      } catch (RuntimeException e) {
        out.truncate(start);
        throw e;
      }
    }

    private void checkOpen() {
      if (closed) {
        throw new ConnectionLostException("connection to " + remote + " is closed");
      }
    }

    /** Gives the other side what this side wrote, or this side's close; pump thread only. */
    boolean deliver() {
      for (byte[] b; (b = foreign.poll()) != null; ) {
        out.write(b);
      }
      if (out.size() > 0 && !other.paused && other.handler != null && !other.gone) {
        FrameBuffer read = out;
        out = spare;
        spare = read;
        try {
          other.handler.onBytes(ByteBuffer.wrap(read.array(), 0, read.size()));
        } finally {
          read.clear(64 * 1024);
        }
        return true;
      }
      if (closed && !closeDelivered) {
        closeDelivered = true;
        gone = true;
        other.closed = true;
        other.gone = true;
        notifyClosed(handler);
        notifyClosed(other.handler);
        return true;
      }
      return false;
    }

    private static void notifyClosed(ConnectionHandler h) {
      if (h != null) {
        h.onClosed(null);
      }
    }

    @Override
    public void setReadingPaused(boolean paused) {
      this.paused = paused;
    }

    @Override
    public void close() {
      closed = true;
    }

    @Override
    public String remoteAddress() {
      return remote;
    }
  }
}
