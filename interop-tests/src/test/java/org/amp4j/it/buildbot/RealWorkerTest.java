package org.amp4j.it.buildbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.amp4j.buildbot.BuildbotMaster;
import org.amp4j.buildbot.BuildbotMasterConfig;
import org.amp4j.buildbot.CommandListener;
import org.amp4j.buildbot.CommandResult;
import org.amp4j.buildbot.FileDownload;
import org.amp4j.buildbot.FileUpload;
import org.amp4j.buildbot.RunningCommand;
import org.amp4j.buildbot.ShellCommand;
import org.amp4j.buildbot.Worker;
import org.amp4j.buildbot.WorkerListener;
import org.amp4j.buildbot.WorkerSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The master API against real, unmodified Buildbot 3.7 worker processes ({@code buildbot-worker
 * create-worker --protocol=msgpack_experimental_v7}), started and stopped by pid.
 */
class RealWorkerTest {
  private static final long WAIT = 60;
  private static final String PASSWORD = "s3cret:pw";

  @TempDir static Path dir;
  private static BuildbotMaster master;
  private final List<WorkerProcess> started = new ArrayList<>();

  @BeforeAll
  static void startMaster() {
    BuildbotMasterConfig.Builder config =
        BuildbotMasterConfig.builder()
            .port(0)
            // Flush output to the master every 200 ms, so that tests see lines while a command
            // runs.
            .settings(
                new WorkerSettings(
                    65536, Duration.ofMillis(200), WorkerSettings.DEFAULT_NEWLINE_RE, 4096));
    for (String name :
        List.of("echo", "fail", "order", "long", "files", "kill", "two-a", "two-b")) {
      config.worker(name, PASSWORD);
    }
    config.worker("locked", "right-password");
    master = BuildbotMaster.start(config.build());
  }

  @AfterAll
  static void stopMaster() {
    master.close();
  }

  @AfterEach
  void stopWorkers() {
    started.forEach(WorkerProcess::close);
  }

  private WorkerProcess worker(String name, String password) {
    WorkerProcess w = WorkerProcess.create(dir, master.port(), name, password);
    started.add(w);
    return w.start();
  }

  private Worker connected(String name) throws Exception {
    WorkerProcess process = worker(name, PASSWORD);
    try {
      return master
          .awaitWorkers(List.of(name), Duration.ofSeconds(WAIT))
          .toCompletableFuture()
          .get(WAIT + 5, TimeUnit.SECONDS)
          .get(0);
    } catch (Exception e) {
      throw new AssertionError(
          "worker " + name + " did not connect; its log:\n" + process.log(), e);
    }
  }

  private static CommandResult done(RunningCommand c) throws Exception {
    return c.completion().toCompletableFuture().get(WAIT, TimeUnit.SECONDS);
  }

  /** Records stdout and stderr in arrival order, as "out:" and "err:" lines. */
  private static final class Output implements CommandListener {
    final StringBuilder stdout = new StringBuilder();
    final List<String> events = new ArrayList<>();
    final CompletableFuture<Void> firstLine = new CompletableFuture<>();

    @Override
    public synchronized void stdout(String text) {
      stdout.append(text);
      text.lines().forEach(l -> events.add("out:" + l));
      firstLine.complete(null);
    }

    @Override
    public synchronized void stderr(String text) {
      text.lines().forEach(l -> events.add("err:" + l));
    }
  }

  @Test
  void echoHello_printsHelloWithRcZero() throws Exception {
    Worker w = connected("echo");
    assertThat(w.info().version()).startsWith("3.7.0");
    assertThat(w.info().system()).isEqualTo("posix");
    assertThat(w.info().basedir()).isEqualTo(dir.resolve("echo").toString());
    assertThat(w.getWorkerInfo().toCompletableFuture().get(WAIT, TimeUnit.SECONDS).basedir())
        .isEqualTo(w.info().basedir());
    Output out = new Output();
    CommandResult r =
        done(
            w.shell(
                ShellCommand.builder(w.info().resolve("build")).command("echo hello").build(),
                out));
    assertThat(out.stdout.toString()).isEqualTo("hello\n");
    assertThat(r.rc()).isZero();
    assertThat(r.success()).isTrue();
    assertThat(r.elapsed()).isNotNull();
    assertThat(dir.resolve("echo/build")).isDirectory();
  }

  @Test
  void failingCommand_reportsItsRc() throws Exception {
    Worker w = connected("fail");
    Output out = new Output();
    CommandResult r =
        done(
            w.shell(
                ShellCommand.builder(w.info().resolve("build"))
                    .command("echo before; exit 3")
                    .build(),
                out));
    assertThat(r.rc()).isEqualTo(3);
    assertThat(r.success()).isFalse();
    assertThat(r.failure()).isNull();
    assertThat(out.stdout.toString()).isEqualTo("before\n");

    CommandResult missing =
        done(
            w.shell(
                ShellCommand.builder(w.info().resolve("build"))
                    .command("no-such-program-amp4j")
                    .build()));
    assertThat(missing.rc()).isEqualTo(127);
  }

  @Test
  void stdoutAndStderr_arriveInTheOrderWritten() throws Exception {
    Worker w = connected("order");
    Output out = new Output();
    // The pauses are part of the command under test: they order the writes on two pipes.
    String script = "echo out1; sleep 0.3; echo err1 >&2; sleep 0.3; echo out2; echo out3";
    CommandResult r =
        done(w.shell(ShellCommand.builder(w.info().resolve("build")).command(script).build(), out));
    assertThat(r.rc()).isZero();
    assertThat(out.events).containsExactly("out:out1", "err:err1", "out:out2", "out:out3");
  }

  @Test
  void longCommand_isInterruptedAndKilled() throws Exception {
    Worker w = connected("long");
    Output out = new Output();
    String marker = "61.4242";
    RunningCommand c =
        w.shell(
            ShellCommand.builder(w.info().resolve("build"))
                .command("echo started; exec sleep " + marker)
                .build(),
            out);
    out.firstLine.get(WAIT, TimeUnit.SECONDS);
    assertThat(c.completion().toCompletableFuture()).isNotDone();
    c.interrupt("test says stop").toCompletableFuture().get(WAIT, TimeUnit.SECONDS);
    CommandResult r = done(c);
    assertThat(r.rc()).isEqualTo(-1);
    assertThat(r.interrupted()).isTrue();
    assertThat(r.success()).isFalse();
    assertThat(
            ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains("sleep " + marker)))
        .as("the interrupted process is gone")
        .isEmpty();
  }

  @Test
  void fileDownloadedAndUploaded_isIntact() throws Exception {
    Worker w = connected("files");
    byte[] content = new byte[10244];
    new Random(42).nextBytes(content);
    String path = w.info().resolve("files/sub/data.bin");
    CommandResult down =
        done(w.downloadFile(FileDownload.of(path).withBlockSize(4096).withMode(0640), content));
    assertThat(down.success()).as(String.valueOf(down)).isTrue();
    Path onDisk = Path.of(path);
    assertThat(Files.readAllBytes(onDisk)).isEqualTo(content);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(onDisk)))
        .isEqualTo("rw-r-----");

    ByteArrayOutputStream back = new ByteArrayOutputStream();
    CommandResult up = done(w.uploadFile(FileUpload.of(path).withBlockSize(4000), back));
    assertThat(up.success()).as(String.valueOf(up)).isTrue();
    assertThat(back.toByteArray()).isEqualTo(content);

    ByteArrayOutputStream none = new ByteArrayOutputStream();
    CommandResult missing =
        done(w.uploadFile(FileUpload.of(w.info().resolve("files/absent")), none));
    assertThat(missing.rc()).isEqualTo(1);
    assertThat(none.size()).isZero();
  }

  @Test
  void wrongPassword_isRefused() throws Exception {
    WorkerProcess w = worker("locked", "wrong-password");
    String log = awaitLog(w, "upgrade failed [401]");
    assertThat(log).contains("upgrade failed [401]");
    assertThat(master.worker("locked")).isEmpty();
  }

  @Test
  void killedWorker_reconnectsAfterRestart_andGetsNewWork() throws Exception {
    CompletableFuture<Worker> gone = new CompletableFuture<>();
    WorkerListener listener =
        new WorkerListener() {
          @Override
          public void disconnected(Worker worker) {
            if (worker.name().equals("kill")) {
              gone.complete(worker);
            }
          }
        };
    master.addListener(listener);
    try {
      Worker first = connected("kill");
      WorkerProcess process = started.get(0);
      long pid = process.pid();
      process.kill();
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
      assertThat(gone.get(WAIT, TimeUnit.SECONDS)).isSameAs(first);
      assertThat(first.isOpen()).isFalse();

      process.start();
      Worker second =
          master
              .awaitWorkers(List.of("kill"), Duration.ofSeconds(WAIT))
              .toCompletableFuture()
              .get(WAIT + 5, TimeUnit.SECONDS)
              .get(0);
      assertThat(second).isNotSameAs(first);
      Output out = new Output();
      CommandResult r =
          done(
              second.shell(
                  ShellCommand.builder(second.info().resolve("build"))
                      .command("echo again")
                      .build(),
                  out));
      assertThat(r.success()).isTrue();
      assertThat(out.stdout.toString()).isEqualTo("again\n");
    } finally {
      master.removeListener(listener);
    }
  }

  @Test
  void twoWorkersAtOnce_eachRunsItsOwnCommand() throws Exception {
    worker("two-a", PASSWORD);
    worker("two-b", PASSWORD);
    List<Worker> both =
        master
            .awaitWorkers(List.of("two-a", "two-b"), Duration.ofSeconds(WAIT))
            .toCompletableFuture()
            .get(WAIT + 5, TimeUnit.SECONDS);
    List<Output> outs = List.of(new Output(), new Output());
    List<RunningCommand> running = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Worker w = both.get(i);
      running.add(
          w.shell(
              ShellCommand.builder(w.info().resolve("build"))
                  .command("echo I am $(basename $(dirname $PWD))")
                  .build(),
              outs.get(i)));
    }
    for (int i = 0; i < 2; i++) {
      assertThat(done(running.get(i)).success()).isTrue();
    }
    assertThat(outs.get(0).stdout.toString()).isEqualTo("I am two-a\n");
    assertThat(outs.get(1).stdout.toString()).isEqualTo("I am two-b\n");
  }

  /** Waits (bounded) for a text to appear in the worker's own log. */
  private static String awaitLog(WorkerProcess w, String text) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT);
    String log = w.log();
    while (!log.contains(text) && System.nanoTime() < deadline) {
      Thread.sleep(50);
      log = w.log();
    }
    return log;
  }
}
