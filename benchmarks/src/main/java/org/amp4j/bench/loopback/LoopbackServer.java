package org.amp4j.bench.loopback;

import java.io.IOException;

/**
 * Serves {@link Sum} with one system on 127.0.0.1 and an OS-chosen port, and its {@link
 * MeterChannel} on another; prints {@code meter on PORT}, then {@code listening on PORT}, and exits
 * when its standard input closes.
 *
 * <pre>java -cp ... org.amp4j.bench.loopback.LoopbackServer amp4j-msgpack</pre>
 */
public final class LoopbackServer {
  /** Starts the line that gives the {@link MeterChannel}'s port. */
  static final String METER = "meter on ";

  /** Starts the line that gives the system's port, printed last. */
  static final String LISTENING = "listening on ";

  private LoopbackServer() {}

  /** Runs the server; the only argument is the system's name. */
  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: LoopbackServer SYSTEM   (one of " + LoopbackSystem.NAMES + ")");
      System.exit(64);
    }
    try (MeterChannel.Server meter = MeterChannel.serve();
        LoopbackSystem.Server server = LoopbackSystem.named(args[0]).serve()) {
      System.out.println(METER + meter.port());
      System.out.println(LISTENING + server.port());
      System.out.flush();
      drain();
    }
    System.exit(0);
  }

  private static void drain() throws IOException {
    byte[] buffer = new byte[256];
    while (System.in.read(buffer) >= 0) {
      // wait for end of input: the parent closed our stdin or exited
    }
  }
}
