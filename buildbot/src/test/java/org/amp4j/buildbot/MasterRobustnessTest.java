package org.amp4j.buildbot;

import static org.amp4j.buildbot.Fixture.NAME;
import static org.amp4j.buildbot.Fixture.join;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad input from a worker ends at most its own connection; the master goes on serving. */
class MasterRobustnessTest {

  @Test
  void unknownOp_isAnsweredWithTheWorkersWording_andTheConnectionStays() throws Exception {
    try (Fixture f = new Fixture()) {
      FakeWorker fake = f.connect(NAME);
      Worker w = f.awaitReady(NAME);
      Map<String, Object> r = fake.call("frobnicate", Map.of("x", 1));
      assertThat(r)
          .containsEntry("op", "response")
          .containsEntry("seq_number", 0L)
          .containsEntry("result", "Command frobnicate does not exist.")
          .containsEntry("is_exception", true);
      join(w.keepalive());
      assertThat(w.isOpen()).isTrue();
      fake.assertNoViolations();
    }
  }

  @Test
  void updateForUnknownCommandId_isRefused_andTheConnectionStays() throws Exception {
    try (Fixture f = new Fixture()) {
      FakeWorker fake = f.connect(NAME);
      Worker w = f.awaitReady(NAME);
      Map<String, Object> r =
          fake.call(
              "update",
              Map.of("args", java.util.List.of(java.util.List.of("rc", 0)), "command_id", "ghost"));
      assertThat(r).containsEntry("is_exception", true);
      assertThat((String) r.get("result")).contains("ghost");
      Map<String, Object> write =
          fake.call(
              "update_upload_file_write", Map.of("args", new byte[] {1}, "command_id", "ghost"));
      assertThat(write).containsEntry("is_exception", true);
      Map<String, Object> ok =
          fake.call("complete", FakeCommands.mapWithNil("args", "command_id", "ghost"));
      assertThat(ok).containsEntry("is_exception", true);
      join(w.keepalive());
      fake.assertNoViolations();
    }
  }

  @Test
  void requestWithMissingArguments_isAnsweredWithAnError_andTheConnectionStays() throws Exception {
    try (Fixture f = new Fixture()) {
      FakeWorker fake = f.connect(NAME);
      Worker w = f.awaitReady(NAME);
      Map<String, Object> r = fake.call("update", Map.of("args", java.util.List.of()));
      assertThat(r).containsEntry("is_exception", true);
      join(w.keepalive());
      fake.assertNoViolations();
    }
  }

  @Test
  void transferRequestForACommandWithoutTransfer_isRefused() throws Exception {
    try (Fixture f = new Fixture()) {
      FakeWorker fake = f.connect(NAME);
      Worker w = f.awaitReady(NAME);
      RunningCommand sleeper = w.shell(ShellCommand.builder("/w").command("sleep 5").build());
      fake.await(m -> "start_command".equals(m.get("op")));
      Map<String, Object> r =
          fake.call("update_read_file", Map.of("length", 10, "command_id", sleeper.id()));
      assertThat(r).containsEntry("is_exception", true);
      assertThat((String) r.get("result")).contains("transfers no file");
      join(sleeper.interrupt("done"));
      join(sleeper.completion());
    }
  }

  @Test
  void responseWithUnknownSeqNumber_isIgnored_andTheConnectionStays() throws Exception {
    try (Fixture f = new Fixture()) {
      FakeWorker fake = f.connect(NAME);
      Worker w = f.awaitReady(NAME);
      fake.respond(4711L, null);
      fake.respondError(4712L, "whatever");
      join(w.print("still there"));
      assertThat(fake.awaitOp("print")).isNotNull();
      assertThat(w.isOpen()).isTrue();
    }
  }

  @Test
  void malformedMsgpack_closesOnlyThatConnection() throws Exception {
    try (Fixture f = new Fixture()) {
      FakeWorker bad = f.connect(NAME);
      Worker w = f.awaitReady(NAME);
      bad.sendPayload(new byte[] {(byte) 0x83, (byte) 0xa2, 'o'}); // truncated map
      bad.awaitClosed();
      join(w.closeFuture());
      assertThat(w.isOpen()).isFalse();
      Worker second = f.ready("wk2");
      assertThat(join(second.mkdir("/home/bb/wk/x").completion()).success()).isTrue();
    }
  }

  @Test
  void nonMapMessage_andMissingSeqNumber_closeOnlyThatConnection() throws Exception {
    try (Fixture f = new Fixture()) {
      FakeWorker bad = f.connect(NAME);
      Worker first = f.awaitReady(NAME);
      bad.sendPayload(Msgpack.pack(Map.of("op", "update")));
      bad.awaitClosed();
      join(first.closeFuture());
      assertThat(f.master.workers()).isEmpty();
      FakeWorker again = f.connect(NAME); // the worker reconnects
      Worker w = f.awaitReady(NAME);
      assertThat(w.isOpen()).isTrue();
      again.sendPayload(Msgpack.pack(42));
      again.awaitClosed();
      assertThat(f.ready("wk2").isOpen()).isTrue();
    }
  }
}
