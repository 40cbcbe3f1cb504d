package org.amp4j.buildbot;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the {@code args} of an {@code update} (buildbot-msgpack.md §8): a list of {@code [key,
 * value]} pairs, in order, keys repeating. Text entries go to the listener as their text; {@code
 * rc}, {@code elapsed}, {@code files} and {@code stat} are also kept for the {@link CommandResult}.
 * An entry of an unexpected shape is passed on as a generic update, never a failure: the worker
 * would only log a refusal.
 */
final class UpdateRouter {
  private static final Logger log = LoggerFactory.getLogger(UpdateRouter.class);

  private UpdateRouter() {}

  /** Routes every entry of an update to a command, in order. */
  static void route(Object args, RealRunningCommand command) {
    if (!(args instanceof List<?> entries)) {
      log.warn(
          "worker {}: update for {} has args {}, expected a list of pairs",
          command.worker().name(),
          command.id(),
          Render.show(args));
      return;
    }
    for (Object entry : entries) {
      if (entry instanceof List<?> pair && pair.size() == 2 && pair.get(0) instanceof String key) {
        entry(command, key, pair.get(1));
      } else {
        log.warn(
            "worker {}: update for {} has an entry {}, expected a [key, value] pair",
            command.worker().name(),
            command.id(),
            Render.show(entry));
      }
    }
  }

  private static void entry(RealRunningCommand command, String key, Object value) {
    CommandListener l = command.listener();
    String text = text(value);
    switch (key) {
      case "stdout" -> deliver(command, key, value, text, () -> l.stdout(text));
      case "stderr" -> deliver(command, key, value, text, () -> l.stderr(text));
      case "header" -> deliver(command, key, value, text, () -> l.header(text));
      case "log" -> logEntry(command, value);
      case "rc" -> {
        if (value instanceof Long rc) {
          int code = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, rc));
          command.recordRc(code);
          safely(command, () -> l.rc(code));
        } else {
          safely(command, () -> l.update(key, value));
        }
      }
      case "elapsed" -> {
        Double seconds = number(value);
        if (seconds != null) {
          command.recordElapsed(seconds);
          safely(command, () -> l.elapsed(seconds));
        } else {
          safely(command, () -> l.update(key, value));
        }
      }
      case "files" -> {
        command.recordFiles(value);
        safely(command, () -> l.update(key, value));
      }
      case "stat" -> {
        command.recordStat(value);
        safely(command, () -> l.update(key, value));
      }
      default -> safely(command, () -> l.update(key, value));
    }
  }

  private static void logEntry(RealRunningCommand command, Object value) {
    CommandListener l = command.listener();
    if (value instanceof List<?> named
        && named.size() == 2
        && named.get(0) instanceof String name
        && text(named.get(1)) != null) {
      safely(command, () -> l.log(name, text(named.get(1))));
    } else {
      safely(command, () -> l.update("log", value));
    }
  }

  private static void deliver(
      RealRunningCommand command, String key, Object value, String text, Runnable call) {
    if (text != null) {
      safely(command, call);
    } else {
      safely(command, () -> command.listener().update(key, value));
    }
  }

  /** The text of {@code [text, [offsets], [times]]}, or of a bare str; null otherwise. */
  private static String text(Object value) {
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof String s) {
      return s;
    }
    return null;
  }

  static Double number(Object value) {
    if (value instanceof Double d) {
      return d;
    }
    if (value instanceof Long l) {
      return l.doubleValue();
    }
    return null;
  }

  private static void safely(RealRunningCommand command, Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      log.warn(
          "worker {}: the listener of command {} failed", command.worker().name(), command.id(), e);
    }
  }
}
