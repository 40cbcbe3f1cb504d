package org.amp4j.buildbot;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.amp4j.ProtocolException;

/** Reads a {@link WorkerInfo} from the map a worker answers {@code get_worker_info} with. */
final class WorkerInfoParser {

  private static final String OS_PREFIX = "os_";
  private static final Set<String> KNOWN =
      Set.of(
          "basedir",
          "system",
          "numcpus",
          "version",
          "worker_commands",
          "environ",
          "delete_leftover_dirs");

  private WorkerInfoParser() {}

  /**
   * The info in a {@code get_worker_info} result.
   *
   * @throws ProtocolException if it is not a map, or {@code basedir} is missing or not absolute
   */
  static WorkerInfo parse(Object result) {
    if (!(result instanceof Map<?, ?> map)) {
      throw new ProtocolException(
          "get_worker_info answered " + Render.show(result) + ", expected a map");
    }
    Object basedir = map.get("basedir");
    if (!(basedir instanceof String dir) || !WorkerPaths.isAbsoluteAnywhere(dir)) {
      throw new ProtocolException(
          "get_worker_info: 'basedir' is " + Render.show(basedir) + ", expected an absolute path");
    }
    Map<String, String> infoFiles = new LinkedHashMap<>();
    Map<String, String> os = new LinkedHashMap<>();
    map.forEach(
        (k, v) -> {
          String key = (String) k;
          if (KNOWN.contains(key) || !(v instanceof String text)) {
            return;
          }
          if (key.startsWith(OS_PREFIX)) {
            os.put(key.substring(OS_PREFIX.length()), text);
          } else {
            infoFiles.put(key, text);
          }
        });
    return new WorkerInfo(
        dir,
        map.get("system") instanceof String s ? s : "posix",
        map.get("numcpus") instanceof Long n ? (int) Math.min(n, Integer.MAX_VALUE) : 0,
        map.get("version") instanceof String v ? v : "",
        texts(map.get("worker_commands")),
        texts(map.get("environ")),
        infoFiles,
        os,
        flag(map.get("delete_leftover_dirs")));
  }

  /** The entries of a map whose values are text or numbers, as text; anything else is empty. */
  private static Map<String, String> texts(Object value) {
    Map<String, String> out = new LinkedHashMap<>();
    if (value instanceof Map<?, ?> map) {
      map.forEach(
          (k, v) -> {
            if (v instanceof String || v instanceof Long || v instanceof Double) {
              out.put((String) k, v.toString());
            }
          });
    }
    return out;
  }

  /** A Python truth value: true, or a non-zero number. */
  private static boolean flag(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof Long n) {
      return n != 0;
    }
    return value instanceof Double d && d != 0;
  }
}
