package org.amp4j.buildbot;

import static org.amp4j.buildbot.Fixture.NAME;
import static org.amp4j.buildbot.Fixture.failure;
import static org.amp4j.buildbot.Fixture.join;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.amp4j.ConnectionLostException;
import org.junit.jupiter.api.Test;

/** One connection per worker name: stale ones are replaced, live ones kept; orphans interrupted. */
class MasterRegistryTest {

  @Test
  void reconnectWhileTheOldConnectionIsStale_replacesIt() throws Exception {
    try (Fixture f = new Fixture(b -> b.probeTimeout(Duration.ofMillis(300)))) {
      FakeWorker old = f.connect(NAME);
      Worker first = f.awaitReady(NAME);
      RunningCommand running = first.shell(ShellCommand.builder("/w").command("sleep 100").build());
      old.await(m -> "start_command".equals(m.get("op")));
      old.answerKeepalive = false; // it no longer answers, as a half-open TCP connection
      FakeWorker fresh = f.connect(NAME);
      old.awaitClosed();
      assertThat(failure(running.completion()))
          .isInstanceOf(ConnectionLostException.class)
          .hasMessageContaining("worker wk1");
      Map<String, Object> interrupt = fresh.awaitOp("interrupt_command");
      assertThat(interrupt).containsEntry("command_id", running.id());
      Worker second = f.awaitReady(NAME);
      assertThat(second).isNotSameAs(first);
      assertThat(second.isOpen()).isTrue();
      assertThat(f.master.workers()).containsExactly(second);
      fresh.assertNoViolations();
    }
  }

  @Test
  void connectionForANameWithALiveConnection_isRefused() throws Exception {
    try (Fixture f = new Fixture()) {
      FakeWorker live = f.connect(NAME);
      Worker first = f.awaitReady(NAME);
      FakeWorker impostor = f.connect(NAME);
      impostor.awaitClosed();
      assertThat(impostor.ops()).doesNotContain("get_worker_info");
      assertThat(live.ops()).contains("keepalive"); // the probe
      assertThat(first.isOpen()).isTrue();
      assertThat(f.master.worker(NAME)).containsSame(first);
      join(first.print("still mine"));
    }
  }

  @Test
  void disconnect_failsRunningCommands_andReconnectInterruptsThem() throws Exception {
    try (Fixture f = new Fixture()) {
      FakeWorker fake = f.connect(NAME);
      Worker w = f.awaitReady(NAME);
      RunningCommand a = w.shell(ShellCommand.builder("/w").command("sleep 100").build());
      RunningCommand b = w.shell(ShellCommand.builder("/w").command("sleep 200").build());
      fake.await(m -> "start_command".equals(m.get("op")) && b.id().equals(m.get("command_id")));
      fake.close();
      Throwable lost = failure(a.completion());
      assertThat(lost).isInstanceOf(ConnectionLostException.class).hasMessageContaining("wk1");
      assertThat(failure(b.completion())).isInstanceOf(ConnectionLostException.class);
      assertThat(w.runningCommands()).isEmpty();
      assertThat(failure(w.keepalive())).isInstanceOf(ConnectionLostException.class);
      RunningCommand late = w.mkdir("/home/bb/wk/late"); // on a closed connection: no orphan
      assertThat(failure(late.completion()))
          .isInstanceOf(ConnectionLostException.class)
          .hasMessageContaining("worker wk1");

      FakeWorker back = f.connect(NAME);
      Worker again = f.awaitReady(NAME);
      // interrupts are sent after the handshake, before the worker is published
      assertThat(back.ops())
          .containsSubsequence(
              "print", "get_worker_info", "set_worker_settings", "interrupt_command")
          .filteredOn("interrupt_command"::equals)
          .hasSize(2);
      assertThat(back.await(m -> a.id().equals(m.get("command_id"))))
          .containsEntry("op", "interrupt_command");
      assertThat(back.await(m -> b.id().equals(m.get("command_id"))))
          .containsEntry("op", "interrupt_command");

      // once interrupted, orphans are forgotten: the next connection gets none
      again.close();
      FakeWorker third = f.connect(NAME);
      f.awaitReady(NAME);
      assertThat(third.ops()).doesNotContain("interrupt_command");
    }
  }

  @Test
  void masterClose_failsCommandsAndClosesWorkers() throws Exception {
    Fixture f = new Fixture();
    FakeWorker fake = f.connect(NAME);
    Worker w = f.awaitReady(NAME);
    RunningCommand cmd = w.shell(ShellCommand.builder("/w").command("sleep 100").build());
    fake.await(m -> "start_command".equals(m.get("op")));
    f.close();
    assertThat(failure(cmd.completion())).isInstanceOf(ConnectionLostException.class);
    fake.awaitClosed();
    assertThat(f.master.workers()).isEmpty();
  }
}
