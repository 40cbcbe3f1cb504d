package org.amp4j.cli.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TCP relay on 127.0.0.1 that forwards each connection it accepts to a target port, both ways,
 * and can cut every connection it carries, at once or in the middle of a message: what the demo
 * uses to break one worker's connection mid-build. New connections keep being accepted after a cut,
 * so the worker can come back.
 *
 * <p>Blocking sockets; one accepting thread and two threads per connection, all daemons.
 * Thread-safe.
 */
final class Relay implements AutoCloseable {
  private final ServerSocket listener;
  private final int targetPort;
  private final Set<Pipe> pipes = ConcurrentHashMap.newKeySet();
  private final AtomicInteger accepted = new AtomicInteger();
  private final AtomicInteger cut = new AtomicInteger();
  private final AtomicReference<Armed> armed = new AtomicReference<>();
  private volatile boolean closed;

  /** A cut waiting for a client's next message. */
  private record Armed(int minBytes, CompletableFuture<Cut> done) {}

  /**
   * A cut that was done.
   *
   * @param connections how many connections were reset
   * @param midMessage whether it fell in the middle of a message, rather than at the fallback
   */
  record Cut(int connections, boolean midMessage) {}

  private Relay(ServerSocket listener, int targetPort) {
    this.listener = listener;
    this.targetPort = targetPort;
  }

  /** Listens on an OS-chosen port of 127.0.0.1 and relays to {@code 127.0.0.1:targetPort}. */
  static Relay start(int targetPort) throws IOException {
    ServerSocket listener = new ServerSocket(0, 16, InetAddress.getByName("127.0.0.1"));
    Relay relay = new Relay(listener, targetPort);
    daemon("amp4j-relay-accept", relay::acceptLoop).start();
    return relay;
  }

  /** The port the relay listens on. */
  int port() {
    return listener.getLocalPort();
  }

  /** Connections cut so far. */
  int cut() {
    return cut.get();
  }

  /**
   * Resets every connection the relay carries now, at both ends, as a network failure would.
   *
   * @return how many connections were cut
   */
  int cutAll() {
    int n = 0;
    for (Pipe p : pipes) {
      if (pipes.remove(p)) {
        p.reset();
        n++;
      }
    }
    cut.addAndGet(n);
    return n;
  }

  /**
   * Cuts every connection in the middle of the next read from a client of at least {@code
   * minBytes}: half of those bytes are passed on, the rest lost, as when a network fails with a
   * message in flight. If no such read comes within {@code fallback}, cuts at once.
   *
   * @return completes when the cut is done
   */
  CompletableFuture<Cut> cutInNextMessage(int minBytes, Duration fallback) {
    Armed a = new Armed(minBytes, new CompletableFuture<>());
    if (!armed.compareAndSet(null, a)) {
      throw new IllegalStateException("a cut is already waiting");
    }
    CompletableFuture.delayedExecutor(fallback.toMillis(), TimeUnit.MILLISECONDS)
        .execute(() -> fire(a, false));
    return a.done;
  }

  /** Does the armed cut, unless it was done already. */
  private void fire(Armed a, boolean midMessage) {
    if (armed.compareAndSet(a, null)) {
      a.done.complete(new Cut(cutAll(), midMessage));
    }
  }

  /** Stops accepting and closes every connection. Idempotent. */
  @Override
  public void close() {
    closed = true;
    quietly(listener);
    for (Pipe p : pipes) {
      pipes.remove(p);
      p.reset();
    }
  }

  private void acceptLoop() {
    while (!closed) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        return; // closed
      }
      Socket target = new Socket();
      try {
        client.setTcpNoDelay(true);
        target.setTcpNoDelay(true);
        target.connect(new InetSocketAddress("127.0.0.1", targetPort), 5_000);
      } catch (IOException e) {
        quietly(client);
        quietly(target);
        continue;
      }
      Pipe pipe = new Pipe(client, target);
      pipes.add(pipe);
      int n = accepted.incrementAndGet();
      daemon("amp4j-relay-" + n + "-up", () -> pump(pipe, client, target, true)).start();
      daemon("amp4j-relay-" + n + "-down", () -> pump(pipe, target, client, false)).start();
    }
  }

  /**
   * Copies one direction until either end closes, then closes both; from the client ({@code
   * upstream}), does an armed cut mid-read.
   */
  private void pump(Pipe pipe, Socket from, Socket to, boolean upstream) {
    byte[] buffer = new byte[8192];
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      for (int n; (n = in.read(buffer)) >= 0; ) {
        Armed a = upstream ? armed.get() : null;
        if (a != null && n >= a.minBytes()) {
          out.write(buffer, 0, n / 2);
          out.flush();
          fire(a, true);
          break;
        }
        out.write(buffer, 0, n);
      }
    } catch (IOException e) {
      // reset or closed: end the pipe below
    }
    pipes.remove(pipe);
    quietly(pipe.client);
    quietly(pipe.target);
  }

  private record Pipe(Socket client, Socket target) {
    /** Closes both sockets with a reset (linger 0) rather than a graceful close. */
    void reset() {
      for (Socket s : new Socket[] {client, target}) {
        try {
          s.setSoLinger(true, 0);
        } catch (IOException e) {
          // closing anyway
        }
        quietly(s);
      }
    }
  }

  private static Thread daemon(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    return t;
  }

  private static void quietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      // nothing left to do
    }
  }
}
