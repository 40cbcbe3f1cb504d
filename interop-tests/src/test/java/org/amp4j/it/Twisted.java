package org.amp4j.it;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the Twisted AMP peer (src/test/python/twisted_peer.py) with Debian's system python3. When
 * Twisted is missing, tests are skipped with a loud message, except under CI, where they fail.
 */
final class Twisted {
  private Twisted() {}

  static final String PYTHON = System.getProperty("amp4j.python", "/usr/bin/python3");
  static final String SCRIPT =
      System.getProperty("amp4j.twistedPeer", "src/test/python/twisted_peer.py");

  private static Boolean available;

  static synchronized void require() {
    if (available == null) {
      available = probe();
    }
    if (!available) {
      String msg =
          "\n*** Twisted AMP interop tests SKIPPED: "
              + PYTHON
              + " cannot import twisted."
              + "\n*** Install it with: apt-get install -y python3-twisted\n";
      System.err.println(msg);
      if (System.getenv("CI") != null) {
        throw new AssertionError("Twisted is required in CI:" + msg);
      }
      Assumptions.abort(msg);
    }
  }

  private static boolean probe() {
    if (!new File(PYTHON).canExecute()) {
      return false;
    }
    try {
      Process p = new ProcessBuilder(PYTHON, "-c", "import twisted.protocols.amp").start();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The first line a process prints on stdout, waiting at most the given seconds. */
  static String firstLine(Process p, long seconds) throws Exception {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    return CompletableFuture.supplyAsync(
            () -> {
              try {
                return out.readLine();
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            })
        .get(seconds, TimeUnit.SECONDS);
  }

  /** A running Twisted server; close() stops it. */
  static final class Server implements AutoCloseable {
    final Process process;
    final int port;

    private Server(Process process, int port) {
      this.process = process;
      this.port = port;
    }

    @Override
    public void close() throws InterruptedException {
      try {
        process.getOutputStream().close(); // the peer exits at end of input
      } catch (java.io.IOException e) {
        process.destroy();
      }
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  static Server serve() throws Exception {
    require();
    Process p =
        new ProcessBuilder(PYTHON, SCRIPT, "serve", "--port", "0", "--host", "127.0.0.1")
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String first;
    try {
      first = firstLine(p, 60);
    } catch (Exception e) {
      p.destroyForcibly();
      throw new AssertionError("Twisted server did not start", e);
    }
    if (first == null || !first.startsWith("listening on ")) {
      p.destroyForcibly();
      throw new AssertionError("unexpected first line from Twisted server: " + first);
    }
    int port = Integer.parseInt(first.substring(first.lastIndexOf(':') + 1).trim());
    return new Server(p, port);
  }

  /** The outcome of a finished process. */
  record Result(int exitCode, String stdout) {}

  static Result client(int port) throws Exception {
    require();
    List<String> cmd = new ArrayList<>(List.of(PYTHON, SCRIPT, "client", "--host", "127.0.0.1"));
    cmd.add("--port");
    cmd.add(Integer.toString(port));
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    CompletableFuture<String> stdout =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("Twisted client did not finish within 180 s");
    }
    return new Result(p.exitValue(), stdout.get(10, TimeUnit.SECONDS));
  }
}
