package org.amp4j.bench.loopback;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A side channel on which a client asks the server's JVM for its meters, {@link
 * AllocatedBytes#total()}, {@link ProcessCpuTime#nanos()} and {@link CompileTime#millis()}, at the
 * start and the end of its measured window (and during its JIT warm-up), beside the connections of
 * the system under test.
 *
 * <p>Plain TCP on 127.0.0.1, one line each way in ASCII: the client writes {@code meter}, the
 * server answers with the three totals as decimal numbers, one space between:
 *
 * <pre>
 * client: meter\n
 * server: BYTES CPU_NANOS COMPILE_MILLIS\n       e.g. 123456789 4710000000 3120
 * </pre>
 *
 * <p>One round trip gives all three readings. A connection may ask any number of times; the server
 * serves each connection on its own thread, so a client that hangs holds up no other.
 */
final class MeterChannel {
  /** The one request. */
  private static final String REQUEST = "meter";

  /** How long a client waits to connect, and then for each answer. */
  private static final int TIMEOUT_MILLIS = 10_000;

  private MeterChannel() {}

  /** Starts answering on 127.0.0.1 and an OS-chosen port. */
  static Server serve() throws IOException {
    return new Server(new ServerSocket(0, 8, InetAddress.getLoopbackAddress()));
  }

  /** Connects to the channel of a server on 127.0.0.1. */
  static Client connect(int port) throws IOException {
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), TIMEOUT_MILLIS);
      socket.setSoTimeout(TIMEOUT_MILLIS);
      return new Client(socket, port);
    } catch (IOException e) {
      socket.close();
      throw new IOException("cannot connect to the server's meter channel on port " + port, e);
    }
  }

  /** The server's end: answers until closed. */
  static final class Server implements AutoCloseable {
    private final ServerSocket listener;

    private Server(ServerSocket listener) {
      this.listener = listener;
      daemon("meter-channel", this::accept).start();
    }

    int port() {
      return listener.getLocalPort();
    }

    private void accept() {
      try {
        while (true) {
          Socket socket = listener.accept();
          daemon("meter-channel-" + socket.getPort(), () -> answer(socket)).start();
        }
      } catch (IOException e) {
        if (!listener.isClosed()) {
          System.err.println("meter channel stopped accepting: " + e);
        }
      }
    }

    private static void answer(Socket socket) {
      try (socket;
          BufferedReader in = reader(socket);
          Writer out = writer(socket)) {
        for (String line = in.readLine(); REQUEST.equals(line); line = in.readLine()) {
          // all read before anything is written; no string concatenation: its first use would
          // allocate inside the caller's window
          long bytes = AllocatedBytes.total();
          long cpuNanos = ProcessCpuTime.nanos();
          long compileMillis = CompileTime.millis();
          out.write(Long.toString(bytes));
          out.write(' ');
          out.write(Long.toString(cpuNanos));
          out.write(' ');
          out.write(Long.toString(compileMillis));
          out.write('\n');
          out.flush();
        }
      } catch (IOException | RuntimeException e) {
        // a JVM without a meter closes the connection: the client's ask then fails saying so
        System.err.println("meter channel: " + e);
      }
    }

    private static Thread daemon(String name, Runnable body) {
      Thread t = new Thread(body, name);
      t.setDaemon(true);
      return t;
    }

    @Override
    public void close() throws IOException {
      listener.close();
    }
  }

  /**
   * One answer: the server JVM's totals at the time it answered.
   *
   * @param bytes its {@link AllocatedBytes#total()}
   * @param cpuNanos its {@link ProcessCpuTime#nanos()}
   * @param compileMillis its {@link CompileTime#millis()}
   */
  record Reading(long bytes, long cpuNanos, long compileMillis) {}

  /** A client's end: one connection, asked at the start and the end of the window. */
  static final class Client implements AutoCloseable {
    private final Socket socket;
    private final String where;
    private final BufferedReader in;
    private final Writer out;

    private Client(Socket socket, int port) throws IOException {
      this.socket = socket;
      this.where = "the server's meter channel on port " + port;
      this.in = reader(socket);
      this.out = writer(socket);
    }

    /** The server JVM's meters now; fails after {@link #TIMEOUT_MILLIS}. */
    Reading ask() throws IOException {
      out.write(REQUEST + "\n");
      out.flush();
      String answer;
      try {
        answer = in.readLine();
      } catch (SocketTimeoutException e) {
        throw new IOException(where + " did not answer within " + TIMEOUT_MILLIS / 1000 + " s", e);
      }
      if (answer == null) {
        throw new IOException(where + " closed without answering (see the server's stderr)");
      }
      String[] numbers = answer.split(" ", -1);
      try {
        if (numbers.length != 3) {
          throw new NumberFormatException(numbers.length + " numbers");
        }
        return new Reading(
            Long.parseLong(numbers[0]), Long.parseLong(numbers[1]), Long.parseLong(numbers[2]));
      } catch (NumberFormatException e) {
        throw new IOException(
            where
                + " answered \""
                + answer
                + "\"; expected BYTES CPU_NANOS COMPILE_MILLIS, three decimal numbers",
            e);
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  private static BufferedReader reader(Socket socket) throws IOException {
    return new BufferedReader(
        new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
  }

  private static Writer writer(Socket socket) throws IOException {
    return new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.US_ASCII);
  }
}
