package org.amp4j.buildbot;

import static org.amp4j.buildbot.Fixture.NAME;
import static org.amp4j.buildbot.Fixture.join;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File transfers in chunks: uploads to the master, downloads to the worker. */
class MasterTransfersTest {

  private static byte[] random(int n) {
    byte[] b = new byte[n];
    new Random(n).nextBytes(b);
    return b;
  }

  @Test
  void uploadFile_toStream_inChunks() throws Exception {
    try (Fixture f = new Fixture()) {
      FakeWorker fake = f.connect(NAME);
      Worker w = f.awaitReady(NAME);
      byte[] content = random(7000);
      fake.files.put("/home/bb/wk/out.bin", content);
      ByteArrayOutputStream sink = new ByteArrayOutputStream();
      CommandResult r =
          join(
              w.uploadFile(FileUpload.of("/home/bb/wk/out.bin").withBlockSize(4000), sink)
                  .completion());
      assertThat(r.success()).isTrue();
      assertThat(sink.toByteArray()).isEqualTo(content);
      Map<String, Object> args = FakeCommands.asMap(fake.awaitOp("start_command").get("args"));
      assertThat(args)
          .containsEntry("path", "/home/bb/wk/out.bin")
          .containsEntry("blocksize", 4000L)
          .containsEntry("keepstamp", false)
          .containsKey("maxsize");
      assertThat(args.get("maxsize")).isNull(); // nil: the key is required
      fake.assertNoViolations();
    }
  }

  @Test
  void uploadFile_toPath_keepsTheTimes(@TempDir Path dir) throws Exception {
    try (Fixture f = new Fixture()) {
      FakeWorker fake = f.connect(NAME);
      Worker w = f.awaitReady(NAME);
      byte[] content = random(10_000);
      fake.files.put("/home/bb/wk/a.tar", content);
      Path dest = dir.resolve("a.tar");
      CommandResult r =
          join(
              w.uploadFile(
                      FileUpload.of("/home/bb/wk/a.tar").withBlockSize(4096).withKeepStamp(true),
                      dest)
                  .completion());
      assertThat(r.success()).isTrue();
      assertThat(Files.readAllBytes(dest)).isEqualTo(content);
      assertThat(Files.getLastModifiedTime(dest))
          .isEqualTo(FileTime.from(1_500_000_000L, TimeUnit.SECONDS));
    }
  }

  @Test
  void uploadFile_missingOnTheWorker_reportsRcOne(@TempDir Path dir) throws Exception {
    try (Fixture f = new Fixture()) {
      Worker w = f.ready(NAME);
      CommandResult r = join(w.uploadFile(FileUpload.of("/nope"), dir.resolve("x")).completion());
      assertThat(r.rc()).isEqualTo(1);
      assertThat(r.success()).isFalse();
      assertThat(Files.size(dir.resolve("x"))).isZero();
    }
  }

  @Test
  void uploadFile_whoseSinkFails_isAbortedByTheWorker() throws Exception {
    try (Fixture f = new Fixture()) {
      FakeWorker fake = f.connect(NAME);
      Worker w = f.awaitReady(NAME);
      fake.files.put("/home/bb/wk/f", random(100));
      java.io.OutputStream broken =
          new java.io.OutputStream() {
            @Override
            public void write(int b) throws java.io.IOException {
              throw new java.io.IOException("disk full");
            }
          };
      CommandResult r = join(w.uploadFile(FileUpload.of("/home/bb/wk/f"), broken).completion());
      assertThat(r.failure()).contains("disk full");
      fake.assertNoViolations();
    }
  }

  @Test
  void downloadFile_inChunks_endsWithEmptyBin() throws Exception {
    try (Fixture f = new Fixture()) {
      FakeWorker fake = f.connect(NAME);
      Worker w = f.awaitReady(NAME);
      byte[] content = random(10_244);
      CommandResult r =
          join(
              w.downloadFile(
                      FileDownload.of("/home/bb/wk/in.bin").withBlockSize(4096).withMode(0640),
                      content)
                  .completion());
      assertThat(r.success()).isTrue();
      assertThat(fake.files.get("/home/bb/wk/in.bin")).isEqualTo(content);
      assertThat(fake.reads.get("/home/bb/wk/in.bin")).isEqualTo(4); // 4096, 4096, 2052, empty
      Map<String, Object> args = FakeCommands.asMap(fake.awaitOp("start_command").get("args"));
      assertThat(args.get("mode")).isEqualTo(0640L);
      assertThat(args.containsKey("maxsize")).isTrue();
      assertThat(args.get("maxsize")).isNull();
      fake.assertNoViolations();
    }
  }

  @Test
  void uploadDirectory_deliversTheTarStream() throws Exception {
    try (Fixture f = new Fixture()) {
      FakeWorker fake = f.connect(NAME);
      Worker w = f.awaitReady(NAME);
      byte[] tar = random(3000);
      fake.files.put("/home/bb/wk/dir", tar);
      ByteArrayOutputStream sink = new ByteArrayOutputStream();
      DirectoryUpload upload = new DirectoryUpload("/home/bb/wk/dir", null, 1024, "gz");
      assertThat(join(w.uploadDirectory(upload, sink).completion()).success()).isTrue();
      assertThat(sink.toByteArray()).isEqualTo(tar);
      Map<String, Object> args = FakeCommands.asMap(fake.awaitOp("start_command").get("args"));
      assertThat(args).containsEntry("compress", "gz").containsEntry("blocksize", 1024L);
    }
  }

  @Test
  void downloadFile_fromPath(@TempDir Path dir) throws Exception {
    try (Fixture f = new Fixture()) {
      FakeWorker fake = f.connect(NAME);
      Worker w = f.awaitReady(NAME);
      Path src = dir.resolve("src");
      Files.write(src, random(5000));
      join(w.downloadFile(FileDownload.of("/home/bb/wk/x").withBlockSize(1000), src).completion());
      assertThat(fake.files.get("/home/bb/wk/x")).isEqualTo(Files.readAllBytes(src));
      assertThat(fake.reads.get("/home/bb/wk/x")).isEqualTo(6);
    }
  }
}
