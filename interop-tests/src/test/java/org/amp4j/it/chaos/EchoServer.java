package org.amp4j.it.chaos;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A test server on 127.0.0.1 that echoes every byte back and records what each connection received,
 * for checking what a {@link FaultProxy} let through.
 */
final class EchoServer implements AutoCloseable {

  /** The server's side of one accepted connection. */
  static final class Accepted {
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();

    /** Completes with every byte received once the connection ends, by end of stream or error. */
    final CompletableFuture<byte[]> ended = new CompletableFuture<>();

    synchronized byte[] received() {
      return received.toByteArray();
    }

    private synchronized void record(byte[] b, int n) {
      received.write(b, 0, n);
    }
  }

  private final ServerSocket server;
  private final BlockingQueue<Accepted> accepted = new LinkedBlockingQueue<>();
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

  EchoServer() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    daemon("echo-accept-" + port(), this::acceptLoop).start();
  }

  int port() {
    return server.getLocalPort();
  }

  /** The next connection accepted, waiting at most {@code timeout}; null if none came. */
  Accepted nextAccepted(Duration timeout) throws InterruptedException {
    return accepted.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : sockets) {
      s.close();
    }
  }

  private void acceptLoop() {
    while (true) {
      Socket socket;
      try {
        socket = server.accept();
      } catch (IOException e) {
        return;
      }
      sockets.add(socket);
      Accepted a = new Accepted();
      accepted.add(a);
      daemon("echo-" + socket.getPort(), () -> echo(socket, a)).start();
    }
  }

  private void echo(Socket socket, Accepted a) {
    byte[] buffer = new byte[16 * 1024];
    try (socket) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      int n;
      while ((n = in.read(buffer)) >= 0) {
        a.record(buffer, n);
        out.write(buffer, 0, n);
      }
    } catch (IOException e) {
      // a reset ends the connection like an end of stream does; the test looks at the bytes
    } finally {
      sockets.remove(socket);
      a.ended.complete(a.received());
    }
  }

  private static Thread daemon(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    return t;
  }
}
