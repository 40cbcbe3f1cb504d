package org.amp4j.buildbot;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code args} maps of {@code start_command} and {@code set_worker_settings}
 * (buildbot-msgpack.md §6, §7), in the Java forms of {@link BuildbotTypes#ANY}. Keys the worker
 * requires are always present, nil ({@link Optional#empty()}) where the value is "none".
 */
final class CommandArgs {

  private static final Object NIL = Optional.empty();

  private CommandArgs() {}

  static Map<String, Object> settings(WorkerSettings s) {
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("buffer_size", (long) s.bufferSize());
    args.put("buffer_timeout", seconds(s.bufferTimeout()));
    args.put("newline_re", s.newlineRe());
    args.put("max_line_length", (long) s.maxLineLength());
    return args;
  }

  static Map<String, Object> shell(ShellCommand c) {
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("command", c.commandLine() != null ? c.commandLine() : c.argv());
    args.put("workdir", c.workdir());
    if (!c.env().isEmpty() || !c.unsetEnv().isEmpty()) {
      Map<String, Object> env = new LinkedHashMap<>(c.env());
      c.unsetEnv().forEach(name -> env.put(name, NIL));
      args.put("env", env);
    }
    args.put("want_stdout", c.wantStdout());
    args.put("want_stderr", c.wantStderr());
    args.put("logEnviron", c.logEnviron());
    args.put("usePTY", c.usePty());
    putSeconds(args, "timeout", c.timeout());
    putSeconds(args, "maxTime", c.maxTime());
    putSeconds(args, "sigtermTime", c.sigtermTime());
    if (c.interruptSignal() != null) {
      args.put("interruptSignal", c.interruptSignal());
    }
    if (c.initialStdin() != null) {
      args.put("initial_stdin", c.initialStdin());
    }
    Map<String, Object> logfiles = new LinkedHashMap<>();
    c.logfiles()
        .forEach(
            (name, f) ->
                logfiles.put(
                    name,
                    f.follow() ? Map.of("filename", f.filename(), "follow", true) : f.filename()));
    args.put("logfiles", logfiles);
    return args;
  }

  static Map<String, Object> paths(List<String> paths) {
    paths.forEach(Transfers::checkPath);
    return Map.of("paths", List.copyOf(paths));
  }

  static Map<String, Object> path(String path) {
    Transfers.checkPath(path);
    return Map.of("path", path);
  }

  static Map<String, Object> cpdir(String from, String to) {
    Transfers.checkPath(from);
    Transfers.checkPath(to);
    return Map.of("from_path", from, "to_path", to);
  }

  static Map<String, Object> upload(FileUpload u) {
    Map<String, Object> args = transfer(u.workerPath(), u.maxSize(), u.blockSize());
    args.put("keepstamp", u.keepStamp());
    return args;
  }

  static Map<String, Object> upload(DirectoryUpload u) {
    Map<String, Object> args = transfer(u.workerPath(), u.maxSize(), u.blockSize());
    args.put("compress", u.compress() == null ? NIL : u.compress());
    return args;
  }

  static Map<String, Object> download(FileDownload d) {
    Map<String, Object> args = transfer(d.workerPath(), d.maxSize(), d.blockSize());
    args.put("mode", d.mode() == null ? NIL : (Object) d.mode().longValue());
    return args;
  }

  private static Map<String, Object> transfer(String path, Long maxSize, int blockSize) {
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("path", path);
    args.put("maxsize", maxSize == null ? NIL : maxSize);
    args.put("blocksize", (long) blockSize);
    return args;
  }

  private static void putSeconds(Map<String, Object> args, String key, Duration d) {
    if (d != null) {
      args.put(key, seconds(d));
    }
  }

  /** Seconds as Python takes them: an int when whole, else a float. */
  static Object seconds(Duration d) {
    if (d.getNano() == 0) {
      return d.getSeconds();
    }
    return d.toNanos() / 1e9;
  }
}
