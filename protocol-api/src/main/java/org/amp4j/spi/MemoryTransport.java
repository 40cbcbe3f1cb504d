package org.amp4j.spi;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.amp4j.AmpException;
import org.amp4j.ConnectionLostException;
import org.amp4j.LimitExceededException;
import org.amp4j.Limits;

/**
 * An in-process transport for tests: connections are pairs of queues inside one JVM. Ports are
 * names in a process-wide table (0 picks a free one). Each connection delivers bytes to its handler
 * from a pool thread, one event at a time and in order, optionally cut into chunks of a fixed size
 * to exercise incremental decoding. Thread-safe.
 */
public final class MemoryTransport implements Transport {

  private static final Map<Integer, Consumer<Connection>> LISTENERS = new ConcurrentHashMap<>();
  private static final AtomicInteger NEXT_PORT = new AtomicInteger(40_000);
  private static final ExecutorService DELIVERY =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "amp4j-memory");
            t.setDaemon(true);
            return t;
          });

  private final int chunkSize;

  /** A transport delivering each write whole. */
  public MemoryTransport() {
    this(Integer.MAX_VALUE);
  }

  /** A transport delivering bytes in chunks of at most {@code chunkSize} (1 = byte by byte). */
  public MemoryTransport(int chunkSize) {
    if (chunkSize <= 0) {
      throw new IllegalArgumentException("chunkSize must be positive");
    }
    this.chunkSize = chunkSize;
  }

  @Override
  public String name() {
    return "memory";
  }

  @Override
  public Listener listen(String host, int port, Limits limits, Consumer<Connection> onAccept) {
    int p = port;
    if (p == 0) {
      do {
        p = NEXT_PORT.incrementAndGet();
      } while (LISTENERS.putIfAbsent(p, onAccept) != null);
    } else if (LISTENERS.putIfAbsent(p, onAccept) != null) {
      throw new AmpException("memory port " + port + " is already in use");
    }
    int bound = p;
    return new Listener() {
      @Override
      public String host() {
        return host;
      }

      @Override
      public int port() {
        return bound;
      }

      @Override
      public void close() {
        LISTENERS.remove(bound, onAccept);
      }
    };
  }

  @Override
  public CompletionStage<Connection> connect(String host, int port, Limits limits) {
    Consumer<Connection> acceptor = LISTENERS.get(port);
    if (acceptor == null) {
      return CompletableFuture.failedFuture(
          new ConnectionLostException("cannot connect to memory port " + port + ": refused"));
    }
    Pair pair = pair(limits, limits, "memory:" + port, "memory-client");
    DELIVERY.execute(() -> acceptor.accept(pair.server()));
    return CompletableFuture.completedFuture(pair.client());
  }

  /** Two connected ends. */
  public record Pair(Connection client, Connection server) {}

  /** A connected pair of connections, not attached to any listener. */
  public Pair pair(Limits clientLimits, Limits serverLimits, String serverName, String clientName) {
    End client = new End(serverName, clientLimits, chunkSize);
    End server = new End(clientName, serverLimits, chunkSize);
    client.other = server;
    server.other = client;
    return new Pair(client, server);
  }

  /** One end of a pair. */
  private static final class End implements Connection {
    private final String remote;
    private final Limits limits;
    private final int chunkSize;
    private final ArrayDeque<Object> inbound = new ArrayDeque<>(); // byte[] or CLOSE
    private End other;
    private ConnectionHandler handler;
    private long queuedBytes;
    private boolean paused;
    private boolean delivering;
    private boolean closing;
    private boolean closedDelivered;
    private static final Object CLOSE = new Object();

    End(String remote, Limits limits, int chunkSize) {
      this.remote = remote;
      this.limits = limits;
      this.chunkSize = chunkSize;
    }

    @Override
    public void start(ConnectionHandler h) {
      synchronized (this) {
        if (handler != null) {
          throw new IllegalStateException("already started");
        }
        handler = h;
      }
      schedule();
    }

    @Override
    public void write(byte[] data) {
      synchronized (this) {
        if (closing) {
          throw new ConnectionLostException("connection to " + remote + " is closed");
        }
      }
      other.enqueue(data, limits.maxPendingWriteBytes());
    }

    private void enqueue(byte[] data, long limit) {
      synchronized (this) {
        if (closedDelivered || inbound.contains(CLOSE)) {
          throw new ConnectionLostException("connection to " + other.remote + " is closed");
        }
        if (queuedBytes + data.length > limit) {
          throw new LimitExceededException(
              queuedBytes + " bytes already waiting to be read, limit " + limit);
        }
        for (int off = 0; off < data.length; off += chunkSize) {
          inbound.add(Arrays.copyOfRange(data, off, Math.min(data.length, off + chunkSize)));
        }
        queuedBytes += data.length;
      }
      schedule();
    }

    private void enqueueClose() {
      synchronized (this) {
        if (closedDelivered || inbound.contains(CLOSE)) {
          return;
        }
        inbound.add(CLOSE);
      }
      schedule();
    }

    private void schedule() {
      synchronized (this) {
        if (delivering || handler == null || inbound.isEmpty()) {
          return;
        }
        if (paused && inbound.peek() != CLOSE) {
          return;
        }
        delivering = true;
      }
      DELIVERY.execute(this::deliver);
    }

    private void deliver() {
      while (true) {
        Object next;
        synchronized (this) {
          next = inbound.peek();
          if (next == null || (paused && next != CLOSE)) {
            delivering = false;
            return;
          }
          inbound.poll();
          if (next instanceof byte[] b) {
            queuedBytes -= b.length;
          } else {
            closing = true;
            closedDelivered = true;
            inbound.clear();
          }
        }
        if (next == CLOSE) {
          other.enqueueClose();
          handler.onClosed(null);
          synchronized (this) {
            delivering = false;
          }
          return;
        }
        handler.onBytes(ByteBuffer.wrap((byte[]) next).asReadOnlyBuffer());
      }
    }

    @Override
    public void setReadingPaused(boolean p) {
      synchronized (this) {
        paused = p;
      }
      schedule();
    }

    @Override
    public void close() {
      synchronized (this) {
        if (closing) {
          return;
        }
        closing = true;
      }
      // Our own writes are already queued at the other end, so the close marker follows them.
      other.enqueueClose();
      enqueueClose();
    }

    @Override
    public String remoteAddress() {
      return remote;
    }
  }
}
