package org.amp4j.buildbot;

import org.amp4j.AmpCommand;
import org.amp4j.Command;
import org.amp4j.Field;

/**
 * The requests a master sends a worker (buildbot-msgpack.md §6). Every one is answered; {@code
 * result} is nil except for {@code get_worker_info}. Map-valued arguments are {@link
 * BuildbotTypes#ANY} ({@code Object} components, with {@link BuildbotTypes#TYPES}).
 */
final class MasterRequests {
  private MasterRequests() {}

  /** Writes a message to the worker's log. */
  @AmpCommand(name = "print")
  record Print(String message) implements Command<Void> {}

  /** Does nothing but answer: a liveness probe. */
  @AmpCommand(name = "keepalive")
  record Keepalive() implements Command<Void> {}

  /** Asks for the worker's description (§6.1). */
  @AmpCommand(name = "get_worker_info")
  record GetWorkerInfo() implements Command<GetWorkerInfo.Result> {
    /** The description: a map, absent only if the worker answered nil. */
    record Result(@Field(optional = true) Object result) {}
  }

  /**
   * Sets the output buffering of commands started afterwards.
   *
   * @param args a map with all four of buffer_size, buffer_timeout, newline_re, max_line_length
   */
  @AmpCommand(name = "set_worker_settings")
  record SetWorkerSettings(Object args) implements Command<Void> {}

  /**
   * Starts a command (§7).
   *
   * @param args the command's arguments, a map
   * @param builderName ignored by the worker
   */
  @AmpCommand(name = "start_command")
  record StartCommand(
      @Field(name = "command_id") String commandId,
      @Field(name = "command_name") String commandName,
      Object args,
      @Field(name = "builder_name", optional = true) String builderName)
      implements Command<Void> {}

  /** Flushes a command's output and kills it; answered nil even for an unknown id. */
  @AmpCommand(name = "interrupt_command")
  record InterruptCommand(@Field(name = "command_id") String commandId, String why)
      implements Command<Void> {}

  /** Makes the worker process exit shortly after it answers. */
  @AmpCommand(name = "shutdown")
  record Shutdown() implements Command<Void> {}
}
