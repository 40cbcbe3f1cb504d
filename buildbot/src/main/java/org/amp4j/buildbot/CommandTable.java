package org.amp4j.buildbot;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The commands running on one worker connection, by command id: registered before their {@code
 * start_command} is sent, removed once they end. The worker's requests find their command here.
 * Thread-safe.
 */
final class CommandTable {
  private static final Logger log = LoggerFactory.getLogger(CommandTable.class);

  private final String worker;
  private final Map<String, RealRunningCommand> byId = new ConcurrentHashMap<>();

  /**
   * @param worker the worker's name, for logs
   */
  CommandTable(String worker) {
    this.worker = worker;
  }

  void add(RealRunningCommand command) {
    byId.put(command.id(), command);
  }

  /** Removes a command; false if it was no longer there. */
  boolean remove(RealRunningCommand command) {
    return byId.remove(command.id(), command);
  }

  Collection<RunningCommand> running() {
    return List.copyOf(byId.values());
  }

  /**
   * The running command a worker's request names.
   *
   * @throws WorkerRequests.Refused, after a log line naming the worker and id, if there is none
   */
  RealRunningCommand get(String commandId, String op) {
    RealRunningCommand command = byId.get(commandId);
    if (command == null) {
      log.warn("worker {}: {} for command_id '{}', which is not running", worker, op, commandId);
      throw new WorkerRequests.Refused("no command with command_id '" + commandId + "' is running");
    }
    return command;
  }

  /** The worker reported a command's end: nil for a run to its end, else its failure. */
  void completed(RealRunningCommand command, Object failure) {
    remove(command);
    command.completed(failure);
  }

  /**
   * Fails every running command: the connection is gone.
   *
   * @return their ids, which the worker may still be running
   */
  List<String> failAll(Throwable cause) {
    List<String> ids = new ArrayList<>();
    for (RealRunningCommand c : List.copyOf(byId.values())) {
      if (remove(c)) {
        ids.add(c.id());
        c.failed(cause);
      }
    }
    return ids;
  }
}
