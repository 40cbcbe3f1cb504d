package org.amp4j.buildbot;

import static org.amp4j.buildbot.Fixture.NAME;
import static org.amp4j.buildbot.Fixture.failure;
import static org.amp4j.buildbot.Fixture.join;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.amp4j.RemoteException;
import org.junit.jupiter.api.Test;

/** Commands on a worker: start, streamed updates, completion, interrupt. */
class MasterCommandsTest {

  @Test
  void shell_streamsUpdatesInOrderAndCompletes() throws Exception {
    try (Fixture f = new Fixture()) {
      FakeWorker fake = f.connect(NAME);
      Worker w = f.awaitReady(NAME);
      RecordingListener listener = new RecordingListener();
      ShellCommand echo =
          ShellCommand.builder(w.info().resolve("build"))
              .command("echo hello")
              .env("CC", "clang")
              .unsetEnv("PYTHONPATH")
              .timeout(Duration.ofSeconds(30))
              .maxTime(Duration.ofMillis(1500))
              .build();
      RunningCommand cmd = w.shell(echo, listener);
      CommandResult result = join(cmd.completion());
      assertThat(result.success()).isTrue();
      assertThat(result.rc()).isZero();
      assertThat(result.failure()).isNull();
      assertThat(result.elapsed()).isEqualTo(Duration.ofNanos(97_712_000));
      assertThat(listener.events)
          .containsExactly(
              "header:echo hello\n in dir /home/bb/wk/build\n",
              "stdout:hello\n",
              "stdout:world\n",
              "stderr:oops\n",
              "log:build.log:compiled\n",
              "update:custom=42",
              "rc:0",
              "header:elapsedTime=0.093633\n",
              "elapsed:0.097712");
      Map<String, Object> start = fake.awaitOp("start_command");
      assertThat(start)
          .containsEntry("command_name", "shell")
          .containsEntry("command_id", cmd.id());
      assertThat(start).doesNotContainKey("builder_name");
      @SuppressWarnings("unchecked")
      Map<String, Object> args = (Map<String, Object>) start.get("args");
      assertThat(args)
          .containsEntry("command", "echo hello")
          .containsEntry("workdir", "/home/bb/wk/build")
          .containsEntry("want_stdout", true)
          .containsEntry("usePTY", false)
          .containsEntry("timeout", 30L)
          .containsEntry("maxTime", 1.5)
          .containsEntry("logfiles", Map.of());
      assertThat(FakeCommands.asMap(args.get("env")))
          .containsEntry("CC", "clang")
          .containsEntry("PYTHONPATH", null);
      assertThat(w.runningCommands()).isEmpty();
      fake.assertNoViolations();
    }
  }

  @Test
  void shell_withArgv_sendsAList() throws Exception {
    try (Fixture f = new Fixture()) {
      FakeWorker fake = f.connect(NAME);
      Worker w = f.awaitReady(NAME);
      join(w.shell(ShellCommand.builder("/w").argv("ls", "-l").build()).completion());
      assertThat(((Map<?, ?>) fake.awaitOp("start_command").get("args")).get("command"))
          .isEqualTo(List.of("ls", "-l"));
    }
  }

  @Test
  void failingCommand_reportsRcOne() throws Exception {
    try (Fixture f = new Fixture()) {
      Worker w = f.ready(NAME);
      CommandResult r =
          join(w.shell(ShellCommand.builder("/w").command("exit 1").build()).completion());
      assertThat(r.rc()).isEqualTo(1);
      assertThat(r.failure()).isNull();
      assertThat(r.success()).isFalse();
    }
  }

  @Test
  void completeWithText_isAFailureWhateverTheRc() throws Exception {
    try (Fixture f = new Fixture()) {
      Worker w = f.ready(NAME);
      CommandResult r =
          join(w.shell(ShellCommand.builder("/w").command("explode").build()).completion());
      assertThat(r.failure()).startsWith("Traceback").contains("OSError: boom");
      assertThat(r.success()).isFalse();
    }
  }

  @Test
  void mkdir_whoseUpdateAndCompleteComeBeforeTheStartResponse_completes() throws Exception {
    try (Fixture f = new Fixture()) {
      FakeWorker fake = f.connect(NAME);
      Worker w = f.awaitReady(NAME);
      RunningCommand cmd = w.mkdir("/home/bb/wk/a", "/home/bb/wk/b");
      assertThat(join(cmd.completion()).success()).isTrue();
      Map<String, Object> start = fake.awaitOp("start_command");
      assertThat(start.get("args"))
          .isEqualTo(Map.of("paths", List.of("/home/bb/wk/a", "/home/bb/wk/b")));
      fake.assertNoViolations();
    }
  }

  @Test
  void statAndListdir_fillTheResult() throws Exception {
    try (Fixture f = new Fixture()) {
      Worker w = f.ready(NAME);
      CommandResult stat = join(w.stat("/home/bb/wk/f").completion());
      assertThat(stat.stat()).hasSize(10).startsWith(33188L, 5L);
      assertThat(stat.stat().get(8)).isEqualTo(1.6e9);
      CommandResult list = join(w.listdir("/home/bb/wk").completion());
      assertThat(list.files()).containsExactly("a.txt", "b");
    }
  }

  @Test
  void interrupt_killsTheCommandWhichThenCompletes() throws Exception {
    try (Fixture f = new Fixture()) {
      FakeWorker fake = f.connect(NAME);
      Worker w = f.awaitReady(NAME);
      RunningCommand cmd = w.shell(ShellCommand.builder("/w").command("sleep 100").build());
      fake.await(m -> "start_command".equals(m.get("op")));
      assertThat(w.runningCommands()).containsExactly(cmd);
      join(cmd.interrupt("user pressed stop"));
      CommandResult r = join(cmd.completion());
      assertThat(r.interrupted()).isTrue();
      assertThat(r.rc()).isEqualTo(-1);
      assertThat(r.elapsed()).isNull();
      assertThat(fake.awaitOp("interrupt_command"))
          .containsEntry("command_id", cmd.id())
          .containsEntry("why", "user pressed stop");
    }
  }

  @Test
  void refusedStart_failsTheCommandWithTheWorkersText() throws Exception {
    try (Fixture f = new Fixture()) {
      Worker w = f.ready(NAME);
      RunningCommand cmd = w.glob("/home/bb/wk/*"); // the fake worker knows no glob
      assertThat(failure(cmd.completion()))
          .isInstanceOf(RemoteException.class)
          .hasMessageContaining("unrecognized WorkerCommand 'glob'");
      assertThat(w.runningCommands()).isEmpty();
    }
  }

  @Test
  void printSettingsAndShutdown_areSentAsGiven() throws Exception {
    try (Fixture f = new Fixture()) {
      FakeWorker fake = f.connect(NAME);
      Worker w = f.awaitReady(NAME);
      join(w.print("hello worker"));
      assertThat(fake.await(m -> "hello worker".equals(m.get("message"))))
          .containsEntry("op", "print");
      join(w.setWorkerSettings(new WorkerSettings(100, Duration.ofMillis(1500), "\\n", 80)));
      assertThat(
              fake.await(
                      m ->
                          m.get("args") instanceof Map<?, ?> a
                              && a.containsKey("buffer_size")
                              && Long.valueOf(100).equals(a.get("buffer_size")))
                  .get("args"))
          .isEqualTo(
              Map.of(
                  "buffer_size",
                  100L,
                  "buffer_timeout",
                  1.5,
                  "newline_re",
                  "\\n",
                  "max_line_length",
                  80L));
      join(w.shutdown());
      assertThat(fake.ops()).contains("shutdown");
      fake.assertNoViolations();
    }
  }

  @Test
  void keepaliveTimer_probesTheWorker_andClosesASilentOne() throws Exception {
    try (Fixture f =
        new Fixture(
            b -> b.keepaliveInterval(Duration.ofMillis(50)).callTimeout(Duration.ofMillis(500)))) {
      FakeWorker fake = f.connect(NAME);
      Worker w = f.awaitReady(NAME);
      fake.awaitOp("keepalive");
      assertThat(w.isOpen()).isTrue();
      fake.answerKeepalive = false;
      join(w.closeFuture());
      fake.awaitClosed();
      assertThat(f.master.workers()).isEmpty();
    }
  }

  @Test
  void commandIds_areUnique() throws Exception {
    try (Fixture f = new Fixture()) {
      Worker w = f.ready(NAME);
      RunningCommand a = w.mkdir("/x");
      RunningCommand b = w.mkdir("/y");
      assertThat(a.id()).isNotEqualTo(b.id());
      join(a.completion());
      join(b.completion());
    }
  }

  @Test
  void relativePaths_areRefusedBeforeSending() throws Exception {
    try (Fixture f = new Fixture()) {
      Worker w = f.ready(NAME);
      assertThatThrownBy(() -> w.mkdir("relative")).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> ShellCommand.builder("build").command("x").build())
          .hasMessageContaining("WorkerInfo.resolve");
    }
  }
}
