package org.amp4j.buildbot;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the master does on every new worker connection before anyone may use the worker
 * (buildbot-msgpack.md §6.3, §11): {@code print} the attach message, {@code get_worker_info},
 * {@code set_worker_settings}, then {@code interrupt_command} for each command the worker may still
 * be running from a lost connection. An orphan whose interrupt fails stays remembered for the next
 * connection.
 */
final class WorkerHandshake {
  private static final Logger log = LoggerFactory.getLogger(WorkerHandshake.class);

  static final String ORPHAN_REASON =
      "the master lost its connection to this worker while the command ran";

  private final BuildbotMasterConfig config;
  private final WorkerRegistry registry;

  WorkerHandshake(BuildbotMasterConfig config, WorkerRegistry registry) {
    this.config = config;
    this.registry = registry;
  }

  /** Runs the handshake; fails if the worker refuses a step or its info is unusable. */
  CompletionStage<Void> run(RealWorker worker) {
    return worker
        .print(config.attachMessage())
        .thenCompose(v -> worker.getWorkerInfo())
        .thenAccept(worker::info)
        .thenCompose(v -> worker.setWorkerSettings(config.settings()))
        .thenCompose(v -> interruptOrphans(worker));
  }

  private CompletionStage<Void> interruptOrphans(RealWorker worker) {
    List<String> ids = registry.orphans(worker.name());
    CompletableFuture<?>[] interrupts = new CompletableFuture<?>[ids.size()];
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      interrupts[i] =
          worker
              .interrupt(id, ORPHAN_REASON)
              .handle(
                  (v, failure) -> {
                    if (failure == null) {
                      log.info("worker {}: interrupted orphaned command {}", worker.name(), id);
                      registry.interrupted(worker.name(), id);
                    } else {
                      log.warn(
                          "worker {}: cannot interrupt orphaned command {}: {}",
                          worker.name(),
                          id,
                          RealWorker.unwrap(failure).toString());
                    }
                    return null;
                  })
              .toCompletableFuture();
    }
    return CompletableFuture.allOf(interrupts);
  }
}
