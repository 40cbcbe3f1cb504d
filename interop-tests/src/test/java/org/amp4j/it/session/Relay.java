package org.amp4j.it.session;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on 127.0.0.1 whose faults are triggered by the test, at the moment it chooses (where
 * {@link org.amp4j.it.chaos.FaultProxy} plans them from a seed): {@link #freezeAll()} makes the
 * live connections half-open, {@link #cutAll()} resets them, and {@link #accepting(boolean)
 * accepting (false)} closes every new connection at once, so the target looks gone while the
 * relay's port stays the same.
 *
 * <p>Two daemon threads per connection; thread-safe.
 */
final class Relay implements AutoCloseable {
  private final ServerSocket server;
  private final int targetPort;
  private final List<Link> links = new CopyOnWriteArrayList<>();
  private volatile boolean accepting = true;
  private volatile boolean closed;

  /** One relayed connection. */
  static final class Link {
    final Socket client;
    final Socket target;
    private volatile boolean frozen;
    private volatile boolean cut;

    /** Completes when the target side ended the connection (not the relay, not the client). */
    final CompletableFuture<Void> closedByTarget = new CompletableFuture<>();

    Link(Socket client, Socket target) {
      this.client = client;
      this.target = target;
    }

    boolean frozen() {
      return frozen;
    }

    /** Stops forwarding either way; both sockets stay open and bytes read are dropped. */
    void freeze() {
      frozen = true;
    }

    /** Resets both sides. */
    void cut() {
      cut = true;
      reset(client);
      reset(target);
    }

    private void pump(Socket from, Socket to, boolean fromTarget) {
      byte[] buffer = new byte[16 * 1024];
      try {
        InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream();
        int n;
        while ((n = in.read(buffer)) >= 0) {
          if (!frozen) {
            out.write(buffer, 0, n);
            out.flush();
          }
        }
      } catch (IOException e) {
        // reset or closed: end this direction as below
      }
      if (fromTarget && !cut) {
        closedByTarget.complete(null);
      }
      if (!frozen) {
        closeQuietly(from);
        closeQuietly(to);
      }
    }
  }

  private Relay(ServerSocket server, int targetPort) {
    this.server = server;
    this.targetPort = targetPort;
  }

  /** Starts a relay on an OS-chosen port of 127.0.0.1 to {@code 127.0.0.1:targetPort}. */
  static Relay start(int targetPort) throws IOException {
    ServerSocket server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    Relay relay = new Relay(server, targetPort);
    thread("relay-" + server.getLocalPort() + "-accept", relay::acceptLoop).start();
    return relay;
  }

  int port() {
    return server.getLocalPort();
  }

  /** While false, each new connection is closed as soon as it is accepted. */
  void accepting(boolean v) {
    accepting = v;
  }

  /** The connections relayed so far, in accept order (refused ones not included). */
  List<Link> links() {
    return List.copyOf(links);
  }

  /** Freezes every connection relayed so far (see {@link Link#freeze()}). */
  void freezeAll() {
    links.forEach(Link::freeze);
  }

  /** Resets every connection relayed so far. */
  void cutAll() {
    links.forEach(Link::cut);
  }

  @Override
  public void close() {
    closed = true;
    closeQuietly(server);
    links.forEach(Link::cut);
  }

  private void acceptLoop() {
    while (!closed) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException e) {
        return;
      }
      if (!accepting) {
        reset(client);
        continue;
      }
      Socket target = new Socket();
      try {
        client.setTcpNoDelay(true);
        target.setTcpNoDelay(true);
        target.connect(new InetSocketAddress("127.0.0.1", targetPort), 5_000);
      } catch (IOException e) {
        reset(client);
        closeQuietly(target);
        continue;
      }
      Link link = new Link(client, target);
      links.add(link);
      String name = "relay-" + port() + "-c" + links.size();
      thread(name + "-to-target", () -> link.pump(client, target, false)).start();
      thread(name + "-to-client", () -> link.pump(target, client, true)).start();
    }
  }

  private static Thread thread(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    return t;
  }

  private static void reset(Socket s) {
    try {
      s.setSoLinger(true, 0);
    } catch (IOException e) {
      // closing anyway
    }
    closeQuietly(s);
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      // nothing left to do
    }
  }
}
