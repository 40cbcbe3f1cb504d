package org.amp4j.buildbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.amp4j.Command;
import org.amp4j.CommandSpec;
import org.amp4j.Limits;
import org.amp4j.spi.CodecProvider;
import org.amp4j.spi.InboundMessage;
import org.amp4j.spi.Plugins;
import org.amp4j.value.ValueTypes;
import org.junit.jupiter.api.Test;

/** The command records are valid definitions with the protocol's wire names. */
class CommandDefinitionsTest {

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static String nameOf(Class<?> c) {
    return CommandSpec.of((Class) c, BuildbotTypes.TYPES).name();
  }

  @Test
  void everyCommand_hasItsWireName() {
    Map<Class<? extends Command<?>>, String> expected =
        Map.ofEntries(
            Map.entry(MasterRequests.Print.class, "print"),
            Map.entry(MasterRequests.Keepalive.class, "keepalive"),
            Map.entry(MasterRequests.GetWorkerInfo.class, "get_worker_info"),
            Map.entry(MasterRequests.SetWorkerSettings.class, "set_worker_settings"),
            Map.entry(MasterRequests.StartCommand.class, "start_command"),
            Map.entry(MasterRequests.InterruptCommand.class, "interrupt_command"),
            Map.entry(MasterRequests.Shutdown.class, "shutdown"),
            Map.entry(WorkerRequests.Update.class, "update"),
            Map.entry(WorkerRequests.Complete.class, "complete"),
            Map.entry(WorkerRequests.UploadFileWrite.class, "update_upload_file_write"),
            Map.entry(WorkerRequests.UploadFileClose.class, "update_upload_file_close"),
            Map.entry(WorkerRequests.UploadFileUtime.class, "update_upload_file_utime"),
            Map.entry(WorkerRequests.UploadDirectoryWrite.class, "update_upload_directory_write"),
            Map.entry(WorkerRequests.UploadDirectoryUnpack.class, "update_upload_directory_unpack"),
            Map.entry(WorkerRequests.ReadFile.class, "update_read_file"),
            Map.entry(WorkerRequests.ReadFileClose.class, "update_read_file_close"));
    expected.forEach((c, name) -> assertThat(nameOf(c)).as(c.getSimpleName()).isEqualTo(name));
  }

  @Test
  void workerRequest_withExtraKeysAndIntTimes_reads() {
    byte[] payload =
        Wire.packed(
            p -> {
              p.packMapHeader(6).packString("op").packString("update_upload_file_utime");
              p.packString("access_time").packInt(1700000000);
              p.packString("modified_time").packDouble(1700000001.5);
              p.packString("command_id").packString("c1");
              p.packString("unexpected").packString("ignored");
              p.packString("seq_number").packInt(3);
            });
    InboundMessage m = Wire.decode(Wire.frame(payload));
    WorkerRequests.UploadFileUtime utime =
        m.fields().read(BuildbotTypes.TYPES.schemaOf(WorkerRequests.UploadFileUtime.class));
    assertThat(utime).isEqualTo(new WorkerRequests.UploadFileUtime(1.7e9, 1700000001.5, "c1"));
  }

  @Test
  void complete_withNilArgs_readsAsNull() {
    InboundMessage m = Wire.decode(Wire.frame(CodecGoldenTest.COMPLETE_1));
    WorkerRequests.Complete c =
        m.fields().read(BuildbotTypes.TYPES.schemaOf(WorkerRequests.Complete.class));
    assertThat(c.args()).isNull();
    assertThat(c.commandId()).isEqualTo("cmd-1");
  }

  @Test
  void rawFields_giveTheNaturalForm() {
    InboundMessage m = Wire.decode(Wire.frame(CodecGoldenTest.COMPLETE_1));
    assertThat(m.fields().raw("command_id")).isEqualTo("cmd-1");
    assertThat(m.fields().get("command_id", ValueTypes.PATH)).hasToString("cmd-1");
    assertThat(m.fields().toString()).contains("str \"cmd-1\"");
  }

  @Test
  void nilInsideAContainer_isOptionalEmpty() {
    Object v = BuildbotTypes.fromMsgpack(Wire.hex("92c0a178"));
    assertThat(v).isEqualTo(List.of(Optional.empty(), "x"));
  }

  @Test
  void provider_isFoundButNotGeneral() {
    assertThat(Plugins.codec("buildbot", Limits.DEFAULTS).name()).isEqualTo("buildbot");
    assertThat(Plugins.codecNames()).contains("buildbot");
    assertThat(Plugins.codecNames(true)).doesNotContain("buildbot");
    CodecProvider p = new BuildbotCodecProvider();
    assertThat(p.general()).isFalse();
  }
}
