package org.amp4j.buildbot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.amp4j.PeerConfig;
import org.amp4j.transport.websocket.Framing;
import org.amp4j.transport.websocket.WebSocketConnection;
import org.amp4j.transport.websocket.WebSocketServer;
import org.amp4j.transport.websocket.WebSocketServerConfig;

/**
 * A Buildbot master's end of the worker protocol {@code msgpack_experimental_v7}: a WebSocket
 * server that unmodified {@code buildbot-worker} 3.7 processes connect to, and the registry of the
 * workers connected.
 *
 * <pre>{@code
 * try (BuildbotMaster master = BuildbotMaster.start(
 *     BuildbotMasterConfig.builder().port(9989).worker("wk1", "s3cret").build())) {
 *   Worker w = master.awaitWorkers(List.of("wk1"), Duration.ofMinutes(1))
 *       .toCompletableFuture().join().get(0);
 *   CommandListener print = new CommandListener() {
 *     public void stdout(String text) { System.out.print(text); }
 *   };
 *   CommandResult r = w.shell(ShellCommand.builder(w.info().resolve("build"))
 *       .command("make").build(), print).completion().toCompletableFuture().join();
 * }
 * }</pre>
 *
 * <p>A worker authenticates with HTTP Basic (wrong credentials are answered {@code 401}). Each
 * connection goes through the handshake ({@code print}, {@code get_worker_info}, {@code
 * set_worker_settings}, then interrupts for the commands orphaned by its last connection) before it
 * is published in {@link #workers()}. A connection for a name already connected is a reconnect or
 * an impostor: the older connection is probed with a {@code keepalive}; if it answers within the
 * {@linkplain BuildbotMasterConfig#probeTimeout() probe timeout} the new one is closed, otherwise
 * the older one is closed and replaced. When a connection closes, its running commands fail with
 * {@link org.amp4j.ConnectionLostException}; when the worker connects again, the master interrupts
 * them. Bad input from a worker ends at most that worker's connection. Thread-safe.
 */
public final class BuildbotMaster implements AutoCloseable {

  private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

  private final BuildbotMasterConfig config;
  private final PeerConfig peerConfig;
  private final BuildbotCodec codec;
  private final Executor executor;
  private final ScheduledExecutorService timer;
  private final WorkerRegistry registry = new WorkerRegistry();
  private final WorkerHandshake handshake;
  private final WorkerLifecycle lifecycle;
  private final List<WorkerListener> listeners = new CopyOnWriteArrayList<>();
  private final String idPrefix = Long.toString(System.nanoTime() & 0xFFFFFFFFL, 36);
  private final AtomicLong nextId = new AtomicLong();
  private volatile WebSocketServer server;

  private BuildbotMaster(BuildbotMasterConfig config) {
    this.config = config;
    this.executor = config.executor() != null ? config.executor() : DaemonThreads.pool();
    this.peerConfig =
        PeerConfig.builder()
            .handshake(false)
            .codec(BuildbotCodecProvider.NAME)
            .limits(config.limits())
            .callTimeout(config.callTimeout())
            .executor(config.executor())
            .closeOnUnknownError(false)
            .types(BuildbotTypes.TYPES)
            .build();
    this.codec = new BuildbotCodec(config.limits());
    this.timer = DaemonThreads.timer();
    this.handshake = new WorkerHandshake(config, registry);
    this.lifecycle = new WorkerLifecycle(config, registry, handshake, executor, timer, listeners);
  }

  /**
   * Starts listening.
   *
   * @throws org.amp4j.AmpException if the address cannot be bound
   */
  public static BuildbotMaster start(BuildbotMasterConfig config) {
    BuildbotMaster master = new BuildbotMaster(config);
    WebSocketServerConfig ws =
        WebSocketServerConfig.builder()
            .authenticator(new Credentials(config.workers()))
            .framing(Framing.LENGTH_PREFIXED)
            .maxMessageBytes(config.maxMessageBytes())
            .limits(config.limits())
            .build();
    master.server = WebSocketServer.listen(config.host(), config.port(), ws, master::accept);
    return master;
  }

  /** A worker connected and authenticated (on an event loop: must not block). */
  private void accept(WebSocketConnection connection) {
    RealWorker worker =
        RealWorker.open(
            connection,
            connection.user(),
            peerConfig,
            codec,
            this::commandId,
            id -> registry.orphan(connection.user(), id));
    lifecycle.accepted(worker);
  }

  private String commandId() {
    return "cmd-" + idPrefix + "-" + nextId.incrementAndGet();
  }

  /** The bound host address. */
  public String host() {
    return server.host();
  }

  /** The bound port (the real one when 0 was configured). */
  public int port() {
    return server.port();
  }

  /** The workers connected and past their handshake, in the order they became ready. */
  public List<Worker> workers() {
    return registry.ready();
  }

  /** The connected worker with a name, if it is past its handshake. */
  public Optional<Worker> worker(String name) {
    return registry.ready(name);
  }

  /**
   * Completes with the named workers, in the order given, once all are connected and past their
   * handshake; fails with a {@link TimeoutException} after the timeout.
   */
  public CompletionStage<List<Worker>> awaitWorkers(Collection<String> names, Duration timeout) {
    List<String> wanted = List.copyOf(names);
    return registry.await(
        ready -> {
          List<Worker> picked = new ArrayList<>();
          for (String name : wanted) {
            Worker w = ready.get(name);
            if (w == null) {
              return null;
            }
            picked.add(w);
          }
          return picked;
        },
        "workers " + wanted,
        timeout);
  }

  /**
   * Completes with {@code count} connected workers (any of them) once that many are past their
   * handshake; fails with a {@link TimeoutException} after the timeout.
   */
  public CompletionStage<List<Worker>> awaitWorkers(int count, Duration timeout) {
    return registry.await(
        ready -> ready.size() >= count ? List.copyOf(ready.values()).subList(0, count) : null,
        count + " workers",
        timeout);
  }

  /** Registers a listener for workers connecting and disconnecting. */
  public void addListener(WorkerListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** Removes a listener. */
  public void removeListener(WorkerListener listener) {
    listeners.remove(listener);
  }

  /**
   * Stops listening and closes every worker connection; their running commands fail with {@link
   * org.amp4j.ConnectionLostException}. Waits a few seconds at most for the connections to close.
   * Idempotent.
   */
  @Override
  public void close() {
    WebSocketServer s = server;
    if (s != null) {
      s.close();
    }
    registry.close();
    List<CompletableFuture<Void>> closing = new ArrayList<>();
    for (RealWorker w : registry.all()) {
      closing.add(lifecycle.closed(w).toCompletableFuture());
      w.close();
    }
    try {
      CompletableFuture.allOf(closing.toArray(CompletableFuture<?>[]::new))
          .get(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // closing is best effort; the connections end on their own
    }
    timer.shutdownNow();
  }

  @Override
  public String toString() {
    WebSocketServer s = server;
    return "BuildbotMaster["
        + (s == null ? "" : s.host() + ":" + s.port())
        + ", workers "
        + registry.ready().stream().map(Worker::name).toList()
        + "]";
  }
}
