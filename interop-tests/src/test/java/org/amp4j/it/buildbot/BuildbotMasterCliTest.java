package org.amp4j.it.buildbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./amp4j buildbot-master} (the real launcher, in its own process) driving real Buildbot
 * worker processes.
 */
class BuildbotMasterCliTest {
  private static final long WAIT = 120;

  @TempDir Path dir;

  /** The launcher in its own process; stdout is collected line by line as it comes. */
  private static final class Cli implements AutoCloseable {
    final Process process;
    final List<String> out = new ArrayList<>();
    final CompletableFuture<String> firstLine = new CompletableFuture<>();
    final CompletableFuture<Void> outClosed = new CompletableFuture<>();
    final StringBuilder err = new StringBuilder();
    final CompletableFuture<Void> errClosed = new CompletableFuture<>();

    Cli(String... args) throws IOException {
      File root = new File(System.getProperty("user.dir")).getParentFile();
      List<String> cmd = new ArrayList<>(List.of(new File(root, "amp4j").getPath()));
      cmd.addAll(List.of(args));
      process = new ProcessBuilder(cmd).directory(root).start();
      Thread reader = new Thread(this::readOut, "cli-stdout");
      reader.setDaemon(true);
      reader.start();
      Thread errReader = new Thread(() -> drain(process.getErrorStream()), "cli-stderr");
      errReader.setDaemon(true);
      errReader.start();
    }

    private void readOut() {
      try (BufferedReader r =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          synchronized (out) {
            out.add(line);
          }
          firstLine.complete(line);
        }
        outClosed.complete(null);
      } catch (IOException e) {
        outClosed.completeExceptionally(e);
        firstLine.completeExceptionally(e);
      }
    }

    private void drain(InputStream in) {
      try {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        synchronized (err) {
          err.append(text);
        }
        errClosed.complete(null);
      } catch (IOException e) {
        errClosed.completeExceptionally(e);
        throw new UncheckedIOException(e);
      }
    }

    int port() throws Exception {
      String line = firstLine.get(WAIT, TimeUnit.SECONDS);
      assertThat(line).startsWith("listening on 127.0.0.1:");
      return Integer.parseInt(line.substring(line.lastIndexOf(':') + 1));
    }

    int exit() throws Exception {
      assertThat(process.waitFor(WAIT, TimeUnit.SECONDS)).as("the CLI exits").isTrue();
      outClosed.get(WAIT, TimeUnit.SECONDS);
      errClosed.get(WAIT, TimeUnit.SECONDS); // stderr is read whole: wait until it is in
      return process.exitValue();
    }

    List<String> out() {
      synchronized (out) {
        return List.copyOf(out);
      }
    }

    String err() {
      synchronized (err) {
        return err.toString();
      }
    }

    @Override
    public void close() throws InterruptedException {
      process.destroyForcibly().waitFor(WAIT, TimeUnit.SECONDS);
    }
  }

  @Test
  void echoHello_onARealWorker_printsHelloAndExitsZero() throws Exception {
    try (Cli cli =
            new Cli(
                "buildbot-master",
                "--port",
                "0",
                "--worker",
                "wk1:s3cret:pw",
                "--run",
                "echo hello");
        WorkerProcess worker = WorkerProcess.create(dir, cli.port(), "wk1", "s3cret:pw").start()) {
      int exit = cli.exit();
      assertThat(exit).as(cli.out() + cli.err() + worker.log()).isZero();
      assertThat(cli.out()).contains("wk1: hello", "wk1 rc=0");
      assertThat(cli.err()).contains("wk1: connected from 127.0.0.1:");
    }
  }

  @Test
  void twoWorkers_oneFails_exitsOneAndPrintsEachRc() throws Exception {
    try (Cli cli =
        new Cli(
            "buildbot-master",
            "--port",
            "0",
            "--worker",
            "ok:pw1",
            "--worker",
            "bad:pw2",
            "--run",
            "echo from $(basename $(dirname $PWD)); echo oops >&2;"
                + " test $(basename $(dirname $PWD)) = ok")) {
      int port = cli.port();
      try (WorkerProcess ok = WorkerProcess.create(dir, port, "ok", "pw1").start();
          WorkerProcess bad = WorkerProcess.create(dir, port, "bad", "pw2").start()) {
        int exit = cli.exit();
        assertThat(exit).as(cli.out() + cli.err()).isEqualTo(1);
        assertThat(cli.out()).contains("ok: from ok", "bad: from bad", "ok rc=0", "bad rc=1");
        assertThat(cli.err()).contains("ok: oops", "bad: oops");
      }
    }
  }

  @Test
  void noWorker_timesOutWithStatusTwo() throws Exception {
    try (Cli cli =
        new Cli(
            "buildbot-master",
            "--port",
            "0",
            "--worker",
            "nobody:pw",
            "--run",
            "true",
            "--timeout",
            "1")) {
      assertThat(cli.exit()).isEqualTo(2);
      assertThat(cli.err()).contains("timed out waiting for workers");
    }
  }

  @Test
  void badWorkerOption_isAUsageError() throws Exception {
    try (Cli cli = new Cli("buildbot-master", "--worker", "no-colon", "--run", "true")) {
      assertThat(cli.exit()).isEqualTo(64);
      assertThat(cli.err()).contains("--worker wants NAME:PASSWORD");
    }
  }
}
