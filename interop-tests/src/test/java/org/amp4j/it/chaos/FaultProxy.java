package org.amp4j.it.chaos;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A TCP proxy on 127.0.0.1 that forwards every accepted connection to one target and injects the
 * seeded {@link Faults}: cuts (optionally mid-chunk), stalls and half-open connections.
 *
 * <pre>
 *   client ──► 127.0.0.1:port() ══ pump TO_TARGET ══► target
 *          ◄──                  ══ pump TO_CLIENT ══◄
 * </pre>
 *
 * <p>Each connection has two daemon threads, {@code fault-proxy-<port>-c<i>-to-target} and {@code
 * -to-client}, blocking on their sockets; planned cuts and half-opens run on one timer thread. An
 * end of stream is passed on as a half-close and a reset as a reset. All methods are thread-safe.
 * {@link #close()} stops accepting, closes every connection abruptly and waits at most {@value
 * #CLOSE_WAIT_MILLIS} ms for its threads.
 */
public final class FaultProxy implements AutoCloseable {
  static final long CLOSE_WAIT_MILLIS = 5_000;
  private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

  /**
   * A snapshot of a proxy's counters.
   *
   * @param accepted connections accepted
   * @param cuts connections cut, by a planned fault or {@link FaultProxy#cutAll()}
   * @param halfOpens connections that went half-open
   * @param stalls chunks held back
   * @param bytesToTarget bytes handed to the target side (counted as each write starts)
   * @param bytesToClient bytes handed to the client side (counted as each write starts)
   */
  public record Stats(
      long accepted,
      long cuts,
      long halfOpens,
      long stalls,
      long bytesToTarget,
      long bytesToClient) {}

  private final InetSocketAddress target;
  private final Faults faults;
  private final ServerSocket server;
  private final String name;
  private final Counters counters = new Counters();
  private final ScheduledThreadPoolExecutor timer;
  private final Set<ProxiedConnection> live = ConcurrentHashMap.newKeySet();
  private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
  private final List<ConnectionPlan> plans = new ArrayList<>();
  private final Thread acceptor;
  private volatile boolean faultsEnabled = true;
  private volatile boolean closed;

  private FaultProxy(InetSocketAddress target, Faults faults, ServerSocket server) {
    this.target = target;
    this.faults = faults;
    this.server = server;
    this.name = "fault-proxy-" + server.getLocalPort();
    this.timer = new ScheduledThreadPoolExecutor(1, r -> newThread("timer", r));
    timer.setRemoveOnCancelPolicy(true);
    this.acceptor = newThread("accept", this::acceptLoop);
  }

  /**
   * Starts a proxy on 127.0.0.1 with an OS-chosen port, forwarding to {@code targetHost:
   * targetPort}, which must be a loopback address.
   */
  public static FaultProxy start(String targetHost, int targetPort, Faults faults)
      throws IOException {
    InetSocketAddress target = new InetSocketAddress(targetHost, targetPort);
    if (target.isUnresolved() || !target.getAddress().isLoopbackAddress()) {
      throw new IllegalArgumentException(
          "target " + targetHost + ":" + targetPort + ": expected a loopback address");
    }
    ServerSocket server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    FaultProxy proxy = new FaultProxy(target, faults, server);
    proxy.acceptor.start();
    return proxy;
  }

  /** The port the proxy listens on, on 127.0.0.1. */
  public int port() {
    return server.getLocalPort();
  }

  public Faults faults() {
    return faults;
  }

  /**
   * Turns fault injection on or off (on at start). While off, nothing stalls and a planned fault
   * that falls due is skipped for good; new connections still use up their plan, so connection
   * {@code i} always has plan {@code i}. A connection that is already half-open stays so.
   */
  public void setFaultsEnabled(boolean enabled) {
    this.faultsEnabled = enabled;
  }

  public boolean faultsEnabled() {
    return faultsEnabled;
  }

  /** Cuts every live connection now, whether faults are enabled or not; returns how many. */
  public int cutAll() {
    int n = 0;
    for (ProxiedConnection c : live) {
      if (c.cut()) {
        n++;
      }
    }
    return n;
  }

  /** The connections accepted and not yet closed. */
  public int liveConnections() {
    return live.size();
  }

  /** The plans of the connections accepted so far, in accept order. */
  public List<ConnectionPlan> plans() {
    synchronized (plans) {
      return List.copyOf(plans);
    }
  }

  public Stats stats() {
    return counters.snapshot();
  }

  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException e) {
      // the acceptor ends either way
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_WAIT_MILLIS);
    join(acceptor, deadline); // after this no connection is added
    for (ProxiedConnection c : live) {
      c.abort();
    }
    timer.shutdownNow();
    for (Thread t : threads) {
      join(t, deadline);
    }
  }

  private void acceptLoop() {
    while (!closed) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException e) {
        return; // closed, or the listening socket is broken: either way no more connections
      }
      int index = (int) counters.accepted.getAndIncrement();
      ConnectionPlan plan = faults.plan(index);
      synchronized (plans) {
        plans.add(plan);
      }
      Socket upstream = new Socket();
      try {
        client.setTcpNoDelay(true);
        upstream.setTcpNoDelay(true);
        upstream.connect(target, CONNECT_TIMEOUT_MILLIS);
      } catch (IOException e) {
        closeQuietly(client);
        closeQuietly(upstream);
        continue;
      }
      ProxiedConnection connection = new ProxiedConnection(this, plan, client, upstream);
      live.add(connection);
      if (closed) {
        connection.abort(); // close() gave up waiting for this thread and has already swept
        return;
      }
      connection.start();
    }
  }

  Counters counters() {
    return counters;
  }

  /** Runs {@code task} on the timer after {@code delayMillis}; null once the proxy is closed. */
  Future<?> schedule(Runnable task, long delayMillis) {
    try {
      return timer.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      return null;
    }
  }

  void startThread(String suffix, Runnable body) {
    newThread(suffix, body).start();
  }

  void removed(ProxiedConnection connection) {
    live.remove(connection);
  }

  private Thread newThread(String suffix, Runnable body) {
    Thread[] self = new Thread[1];
    self[0] =
        new Thread(
            () -> {
              try {
                body.run();
              } finally {
                threads.remove(self[0]);
              }
            },
            name + "-" + suffix);
    self[0].setDaemon(true);
    threads.add(self[0]);
    return self[0];
  }

  private static void join(Thread t, long deadlineNanos) {
    long leftMillis = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
    if (leftMillis <= 0 || t == Thread.currentThread()) {
      return;
    }
    try {
      t.join(leftMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // nothing left to do
    }
  }
}
