package org.amp4j.buildbot;

import static org.amp4j.buildbot.Fixture.NAME;
import static org.amp4j.buildbot.Fixture.failure;
import static org.amp4j.buildbot.Fixture.join;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.amp4j.ConnectionLostException;
import org.junit.jupiter.api.Test;

/** The handshake with a worker, its info, authentication and the worker events. */
class MasterHandshakeTest {

  @Test
  void handshake_printsThenAsksInfoThenSendsSettings() throws Exception {
    try (Fixture f = new Fixture()) {
      FakeWorker fake = f.connect(NAME);
      f.awaitReady(NAME);
      assertThat(fake.ops()).startsWith("print", "get_worker_info", "set_worker_settings");
      assertThat(fake.awaitOp("print")).containsEntry("message", "attached");
      Map<String, Object> settings = fake.awaitOp("set_worker_settings");
      assertThat(settings.get("args"))
          .isEqualTo(
              Map.of(
                  "buffer_size", 65536L,
                  "buffer_timeout", 5L,
                  "newline_re", WorkerSettings.DEFAULT_NEWLINE_RE,
                  "max_line_length", 4096L));
      assertThat(WorkerSettings.DEFAULT_NEWLINE_RE)
          .isEqualTo("(\\r\\n|\\r(?=.)|\\033\\[u|\\033\\[[0-9]+;[0-9]+[Hf]|\\033\\[2J|\\x08+)")
          .contains("\\r\\n");
      fake.assertNoViolations();
    }
  }

  @Test
  void workerInfo_isReadIntoItsRecord() throws Exception {
    try (Fixture f = new Fixture()) {
      WorkerInfo info = f.ready(NAME).info();
      assertThat(info.basedir()).isEqualTo("/home/bb/wk");
      assertThat(info.system()).isEqualTo("posix");
      assertThat(info.isWindows()).isFalse();
      assertThat(info.numcpus()).isEqualTo(8);
      assertThat(info.version()).isEqualTo("3.7.0-2");
      assertThat(info.workerCommands()).containsEntry("shell", "3.1").hasSize(3);
      assertThat(info.environ()).containsEntry("HOME", "/home/bb");
      assertThat(info.admin()).contains("Jane Doe <jane@example.org>\n");
      assertThat(info.host()).contains("builder 1\n");
      assertThat(info.infoFiles()).containsOnlyKeys("admin", "host");
      assertThat(info.os()).containsEntry("id", "debian").containsEntry("version_id", "12");
      assertThat(info.deleteLeftoverDirs()).isTrue(); // sent as int 1
      assertThat(info.resolve("build")).isEqualTo("/home/bb/wk/build");
      assertThat(info.resolve("/tmp/x")).isEqualTo("/tmp/x");
    }
  }

  @Test
  void getWorkerInfo_asksTheWorkerAgain() throws Exception {
    try (Fixture f = new Fixture()) {
      FakeWorker fake = f.connect(NAME);
      Worker w = f.awaitReady(NAME);
      long asked = fake.ops().stream().filter("get_worker_info"::equals).count();
      WorkerInfo again = join(w.getWorkerInfo());
      assertThat(again).isEqualTo(w.info());
      assertThat(fake.ops().stream().filter("get_worker_info"::equals).count())
          .isEqualTo(asked + 1);
    }
  }

  @Test
  void workers_listsTheReadyOnes() throws Exception {
    try (Fixture f = new Fixture()) {
      assertThat(f.master.workers()).isEmpty();
      Worker w = f.ready(NAME);
      assertThat(f.master.workers()).containsExactly(w);
      assertThat(f.master.worker(NAME)).contains(w);
      assertThat(f.master.worker("wk2")).isEmpty();
      f.ready("wk2");
      assertThat(join(f.master.awaitWorkers(2, FakeWorker.WAIT))).hasSize(2);
    }
  }

  @Test
  void awaitWorkers_failsAfterItsTimeout() throws Exception {
    try (Fixture f = new Fixture()) {
      Throwable t = failure(f.master.awaitWorkers(List.of("wk2"), Duration.ofMillis(50)));
      assertThat(t).isInstanceOf(TimeoutException.class).hasMessageContaining("[wk2]");
    }
  }

  @Test
  void listeners_hearConnectAndDisconnect() throws Exception {
    try (Fixture f = new Fixture()) {
      CompletableFuture<Worker> connected = new CompletableFuture<>();
      CompletableFuture<Worker> disconnected = new CompletableFuture<>();
      f.master.addListener(
          new WorkerListener() {
            @Override
            public void connected(Worker worker) {
              connected.complete(worker);
            }

            @Override
            public void disconnected(Worker worker) {
              disconnected.complete(worker);
            }
          });
      FakeWorker fake = f.connect(NAME);
      Worker w = join(connected);
      assertThat(w.name()).isEqualTo(NAME);
      assertThat(w.info()).isNotNull();
      fake.close();
      assertThat(join(disconnected)).isSameAs(w);
      assertThat(f.master.workers()).isEmpty();
      assertThat(w.isOpen()).isFalse();
    }
  }

  @Test
  void wrongPasswordOrUnknownName_isRefusedWith401() throws Exception {
    try (Fixture f = new Fixture()) {
      assertThat(failure(FakeWorker.connect(f.master.port(), NAME, "s3cret")))
          .isInstanceOf(ConnectionLostException.class)
          .hasMessageContaining("401");
      assertThat(failure(FakeWorker.connect(f.master.port(), "nobody", Fixture.PASSWORD)))
          .hasMessageContaining("401");
      assertThat(f.master.workers()).isEmpty();
    }
  }

  @Test
  void workerInfoParser_acceptsBooleansAndWindows() {
    WorkerInfo info =
        WorkerInfoParser.parse(
            Map.of(
                "basedir",
                "C:\\bb\\wk",
                "system",
                "nt",
                "delete_leftover_dirs",
                false,
                "numcpus",
                2L));
    assertThat(info.isWindows()).isTrue();
    assertThat(info.deleteLeftoverDirs()).isFalse();
    assertThat(info.version()).isEmpty();
    assertThat(info.resolve("build/a")).isEqualTo("C:\\bb\\wk\\build\\a");
    assertThat(info.resolve("D:/x")).isEqualTo("D:/x");
    assertThat(
            WorkerInfoParser.parse(Map.of("basedir", "/b", "delete_leftover_dirs", true))
                .deleteLeftoverDirs())
        .isTrue();
  }

  @Test
  void config_hidesPasswords() {
    BuildbotMasterConfig config = BuildbotMasterConfig.builder().worker("a", "hunter2").build();
    assertThat(config.toString()).contains("[a]").doesNotContain("hunter2");
  }
}
