package org.amp4j.buildbot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A master on 127.0.0.1 with an OS-chosen port, the fake workers connected to it, and waits. */
final class Fixture implements AutoCloseable {

  static final String NAME = "wk1";
  static final String PASSWORD = "s3cret:pw";

  final BuildbotMaster master;
  private final List<FakeWorker> fakes = new ArrayList<>();

  Fixture() {
    this(b -> {});
  }

  Fixture(Consumer<BuildbotMasterConfig.Builder> tweak) {
    BuildbotMasterConfig.Builder b =
        BuildbotMasterConfig.builder()
            .worker(NAME, PASSWORD)
            .worker("wk2", "other")
            .callTimeout(Duration.ofSeconds(10));
    tweak.accept(b);
    master = BuildbotMaster.start(b.build());
  }

  /** Connects a fake worker; it is closed with the fixture. */
  FakeWorker connect(String name) throws Exception {
    FakeWorker w =
        FakeWorker.connected(master.port(), name, name.equals(NAME) ? PASSWORD : "other");
    fakes.add(w);
    return w;
  }

  /** Connects a fake worker and waits until the master has it ready. */
  Worker ready(String name) throws Exception {
    connect(name);
    return awaitReady(name);
  }

  Worker awaitReady(String name) throws Exception {
    return join(master.awaitWorkers(List.of(name), FakeWorker.WAIT)).get(0);
  }

  /** The result of a stage, waiting at most {@link FakeWorker#WAIT}. */
  static <T> T join(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(FakeWorker.WAIT.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The failure of a stage, waiting at most {@link FakeWorker#WAIT}. */
  static Throwable failure(CompletionStage<?> stage) throws Exception {
    try {
      join(stage);
    } catch (ExecutionException e) {
      return e.getCause();
    }
    throw new AssertionError("expected the stage to fail");
  }

  @Override
  public void close() {
    fakes.forEach(FakeWorker::close);
    master.close();
  }
}
