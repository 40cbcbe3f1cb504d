package org.amp4j.bench.loopback;

import java.io.IOException;

/**
 * Serves {@link Sum} with one system on 127.0.0.1 and an OS-chosen port; prints {@code listening on
 * PORT} and exits when its standard input closes.
 *
 * <pre>java -cp ... org.amp4j.bench.loopback.LoopbackServer amp4j-msgpack</pre>
 */
public final class LoopbackServer {
  private LoopbackServer() {}

  /** Runs the server; the only argument is the system's name. */
  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: LoopbackServer SYSTEM   (one of " + LoopbackSystem.NAMES + ")");
      System.exit(64);
    }
    try (LoopbackSystem.Server server = LoopbackSystem.named(args[0]).serve()) {
      System.out.println("listening on " + server.port());
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
