package org.amp4j.buildbot;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * What the fake worker does with each request of the master, after buildbot-msgpack.md §6–§10:
 * synchronous file-system commands send their update and complete before the start_command
 * response; shell answers first and then streams; transfers wait for each answer.
 */
final class FakeCommands {
  private FakeCommands() {}

  static final String BASEDIR = "/home/bb/wk";

  static Map<String, Object> workerInfo() {
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("admin", "Jane Doe <jane@example.org>\n");
    info.put("host", "builder 1\n");
    info.put("os_id", "debian");
    info.put("os_version_id", "12");
    info.put("environ", Map.of("HOME", "/home/bb", "PATH", "/usr/bin:/bin"));
    info.put("system", "posix");
    info.put("basedir", BASEDIR);
    info.put("numcpus", 8);
    info.put("version", "3.7.0-2");
    info.put("worker_commands", Map.of("shell", "3.1", "mkdir", "3.1", "upload_file", "3.1"));
    info.put("delete_leftover_dirs", 1);
    return info;
  }

  @SuppressWarnings("unchecked")
  static void handle(FakeWorker w, Map<String, Object> m) {
    Object seq = m.get("seq_number");
    try {
      switch ((String) m.get("op")) {
        case "print", "set_worker_settings", "shutdown" -> w.respond(seq, null);
        case "keepalive" -> {
          if (w.answerKeepalive) {
            w.respond(seq, null);
          }
        }
        case "get_worker_info" -> w.respond(seq, workerInfo());
        case "interrupt_command" -> {
          w.respond(seq, null);
          CompletableFuture<String> sleeper = w.sleeping.remove((String) m.get("command_id"));
          if (sleeper != null) {
            sleeper.complete((String) m.get("why"));
          }
        }
        case "start_command" ->
            start(
                w,
                seq,
                (String) m.get("command_id"),
                (String) m.get("command_name"),
                (Map<String, Object>) m.get("args"));
        default -> w.respondError(seq, "Command " + m.get("op") + " does not exist.");
      }
    } catch (Exception e) {
      if (!w.closed.isDone() && !(e instanceof org.amp4j.ConnectionLostException)) {
        throw new IllegalStateException("fake worker failed on " + m, e);
      }
    }
  }

  private static void start(
      FakeWorker w, Object seq, String id, String name, Map<String, Object> args) throws Exception {
    switch (name) {
      case "mkdir", "rmfile", "stat", "listdir" -> {
        List<Object> entries = new ArrayList<>();
        if (name.equals("listdir")) {
          entries.add(List.of("files", List.of("a.txt", "b")));
        }
        if (name.equals("stat")) {
          entries.add(
              List.of("stat", List.of(33188, 5, 2049, 1, 1000, 1000, 7, 1.5e9, 1.6e9, 1.7e9)));
        }
        entries.add(List.of("rc", 0));
        w.request("update", Map.of("args", entries, "command_id", id));
        w.request("complete", mapWithNil("args", "command_id", id));
        w.respond(seq, null); // after update and complete, as the real worker does
      }
      case "shell" -> {
        w.respond(seq, null);
        shell(w, id, String.valueOf(args.get("command")));
      }
      case "upload_file" -> {
        w.respond(seq, null);
        upload(w, id, args);
      }
      case "upload_directory" -> {
        w.respond(seq, null);
        byte[] tar = w.files.getOrDefault((String) args.get("path"), new byte[0]);
        int block = ((Long) args.get("blocksize")).intValue();
        for (int off = 0; off < tar.length; off += block) {
          byte[] chunk = Arrays.copyOfRange(tar, off, Math.min(tar.length, off + block));
          w.call("update_upload_directory_write", Map.of("args", chunk, "command_id", id));
        }
        w.call("update_upload_directory_unpack", Map.of("command_id", id));
        update(w, id, List.of("rc", 0));
        w.call("complete", mapWithNil("args", "command_id", id));
      }
      case "download_file" -> {
        w.respond(seq, null);
        download(w, id, args);
      }
      default -> w.respondError(seq, "unrecognized WorkerCommand '" + name + "'");
    }
  }

  private static void shell(FakeWorker w, String id, String command) throws Exception {
    if (command.contains("sleep")) {
      CompletableFuture<String> interrupted = new CompletableFuture<>();
      w.sleeping.put(id, interrupted);
      interrupted.get(FakeWorker.WAIT.toMillis() * 3, TimeUnit.MILLISECONDS);
      update(
          w,
          id,
          List.of("header", text("\ncommand interrupted, attempting to kill\n")),
          List.of("rc", -1));
      w.call("complete", mapWithNil("args", "command_id", id));
      return;
    }
    if (command.contains("exit 1")) {
      update(
          w,
          id,
          List.of("header", text(command + "\n")),
          List.of("rc", 1),
          List.of("elapsed", 0.25));
      w.call("complete", mapWithNil("args", "command_id", id));
      return;
    }
    if (command.contains("explode")) {
      update(w, id, List.of("elapsed", 0.01));
      w.call(
          "complete",
          Map.of("args", "Traceback (most recent call last):\nOSError: boom\n", "command_id", id));
      return;
    }
    update(
        w,
        id,
        List.of("header", text(command + "\n in dir /home/bb/wk/build\n")),
        List.of("stdout", text("hello\n")));
    update(
        w,
        id,
        List.of("stdout", text("world\n")),
        List.of("stderr", text("oops\n")),
        List.of("log", List.of("build.log", text("compiled\n"))),
        List.of("custom", 42),
        List.of("rc", 0),
        List.of("header", text("elapsedTime=0.093633\n")),
        List.of("elapsed", 0.097712));
    w.call("complete", mapWithNil("args", "command_id", id));
  }

  private static void upload(FakeWorker w, String id, Map<String, Object> args) throws Exception {
    String path = (String) args.get("path");
    int block = ((Long) args.get("blocksize")).intValue();
    byte[] content = w.files.get(path);
    if (content == null) {
      w.call("update_upload_file_close", Map.of("command_id", id));
      update(
          w,
          id,
          List.of("stderr", text("Cannot open file '" + path + "' for upload\n")),
          List.of("rc", 1));
    } else {
      for (int off = 0; off < content.length; off += block) {
        byte[] chunk = Arrays.copyOfRange(content, off, Math.min(content.length, off + block));
        Map<String, Object> r =
            w.call("update_upload_file_write", Map.of("args", chunk, "command_id", id));
        if (r.containsKey("is_exception")) {
          w.call("complete", Map.of("args", "aborted: " + r.get("result"), "command_id", id));
          return;
        }
      }
      w.call("update_upload_file_close", Map.of("command_id", id));
      if (Boolean.TRUE.equals(args.get("keepstamp"))) {
        w.call(
            "update_upload_file_utime",
            Map.of("access_time", 1.6e9, "modified_time", 1.5e9, "command_id", id));
      }
      update(
          w,
          id,
          List.of("header", text("sending " + path + "\n")),
          List.of("rc", 0),
          List.of("elapsed", 0.1));
    }
    w.call("complete", mapWithNil("args", "command_id", id));
  }

  private static void download(FakeWorker w, String id, Map<String, Object> args) throws Exception {
    String path = (String) args.get("path");
    long block = (Long) args.get("blocksize");
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    int reads = 0;
    while (true) {
      Map<String, Object> r = w.call("update_read_file", Map.of("length", block, "command_id", id));
      reads++;
      byte[] chunk = (byte[]) r.get("result");
      if (chunk.length == 0) {
        break;
      }
      got.write(chunk);
    }
    w.call("update_read_file_close", Map.of("command_id", id));
    w.files.put(path, got.toByteArray());
    w.reads.put(path, reads);
    update(w, id, List.of("rc", 0), List.of("elapsed", 0.2));
    w.call("complete", mapWithNil("args", "command_id", id));
  }

  /** Sends one update (the worker does not wait for its answer). */
  static void update(FakeWorker w, String id, List<?>... entries) {
    w.request("update", Map.of("args", List.of(entries), "command_id", id));
  }

  /** {@code [text, [newline offsets], [times]]}, as the worker sends output. */
  static List<Object> text(String text) {
    List<Object> offsets = new ArrayList<>();
    List<Object> times = new ArrayList<>();
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        offsets.add(i);
        times.add(1795897397.61);
      }
    }
    return List.of(text, offsets, times);
  }

  /** A map with a nil value under one key (Map.of takes no null). */
  static Map<String, Object> mapWithNil(String nilKey, String key, Object value) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(nilKey, null);
    m.put(key, value);
    return m;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> asMap(Object value) {
    return (Map<String, Object>) value;
  }
}
