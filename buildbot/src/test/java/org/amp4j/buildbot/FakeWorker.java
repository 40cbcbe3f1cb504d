package org.amp4j.buildbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.amp4j.Limits;
import org.amp4j.spi.ConnectionHandler;
import org.amp4j.transport.websocket.Framing;
import org.amp4j.transport.websocket.WebSocketClient;
import org.amp4j.transport.websocket.WebSocketConnection;

/**
 * A Buildbot 3.7 worker in Java, built on WebSocketClient and raw msgpack-core, behaving as
 * buildbot-msgpack.md describes: it answers the master's requests (commands by {@link
 * FakeCommands}), numbers its own requests from 0, waits for each transfer request's answer, and
 * records every message from the master plus every protocol rule the master breaks.
 */
final class FakeWorker implements AutoCloseable {

  static final Duration WAIT = Duration.ofSeconds(10);

  final String name;

  /** Files on the "worker", by absolute path: read by uploads, written by downloads. */
  final Map<String, byte[]> files = new ConcurrentHashMap<>();

  /** How many update_read_file requests each download made, by path. */
  final Map<String, Integer> reads = new ConcurrentHashMap<>();

  /** Running "sleep" commands by id: the interrupt completes them. */
  final Map<String, CompletableFuture<String>> sleeping = new ConcurrentHashMap<>();

  final CompletableFuture<Void> closed = new CompletableFuture<>();
  volatile boolean answerKeepalive = true;

  private final WebSocketConnection connection;
  private final List<Map<String, Object>> received = new ArrayList<>();
  private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
  private final Map<Long, CompletableFuture<Map<String, Object>>> pending =
      new ConcurrentHashMap<>();
  private final AtomicLong nextSeq = new AtomicLong();
  private final ExecutorService pool = Executors.newCachedThreadPool(r -> daemon(r));
  private ByteBuffer inbox = ByteBuffer.allocate(0);

  private FakeWorker(String name, WebSocketConnection connection) {
    this.name = name;
    this.connection = connection;
  }

  /** Connects and starts answering; fails as the upgrade does (e.g. 401). */
  static CompletableFuture<FakeWorker> connect(int port, String name, String password) {
    return WebSocketClient.connect(
            URI.create("ws://127.0.0.1:" + port),
            name,
            password,
            Framing.LENGTH_PREFIXED,
            1 << 24,
            Limits.DEFAULTS)
        .thenApply(
            c -> {
              FakeWorker w = new FakeWorker(name, c);
              c.start(w.handler());
              return w;
            })
        .toCompletableFuture();
  }

  static FakeWorker connected(int port, String name, String password) throws Exception {
    return connect(port, name, password).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
  }

  private ConnectionHandler handler() {
    return new ConnectionHandler() {
      @Override
      public void onBytes(ByteBuffer data) {
        ByteBuffer all = ByteBuffer.allocate(inbox.remaining() + data.remaining());
        all.put(inbox).put(data).flip();
        while (all.remaining() >= 4 && all.remaining() >= 4 + all.getInt(all.position())) {
          byte[] payload = new byte[all.getInt()];
          all.get(payload);
          onMessage(payload);
        }
        inbox = all;
      }

      @Override
      public void onClosed(Throwable cause) {
        closed.complete(null);
        pending.values().forEach(f -> f.completeExceptionally(new IllegalStateException("closed")));
        sleeping.values().forEach(f -> f.cancel(false));
        pool.shutdown();
      }
    };
  }

  @SuppressWarnings("unchecked")
  private void onMessage(byte[] payload) {
    Object value = Msgpack.unpack(payload, violations);
    if (!(value instanceof Map)) {
      violations.add("a message that is not a map: " + value);
      return;
    }
    Map<String, Object> m = (Map<String, Object>) value;
    if (m.containsKey("is_exception") && !Boolean.TRUE.equals(m.get("is_exception"))) {
      violations.add("is_exception is " + m.get("is_exception"));
    }
    synchronized (received) {
      received.add(m);
      received.notifyAll();
    }
    if ("response".equals(m.get("op"))) {
      CompletableFuture<Map<String, Object>> f = pending.remove((Long) m.get("seq_number"));
      if (f == null) {
        violations.add("a response nobody asked for: " + m);
      } else {
        f.complete(m);
      }
      return;
    }
    pool.execute(() -> FakeCommands.handle(this, m));
  }

  // ---- sending ----

  /** Sends a request of the worker and returns the master's response message. */
  CompletableFuture<Map<String, Object>> request(String op, Map<String, Object> fields) {
    long seq = nextSeq.getAndIncrement();
    CompletableFuture<Map<String, Object>> f = new CompletableFuture<>();
    pending.put(seq, f);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("op", op);
    m.putAll(fields);
    m.put("seq_number", seq);
    sendPayload(Msgpack.pack(m));
    return f;
  }

  /** Sends a request and waits for its response. */
  Map<String, Object> call(String op, Map<String, Object> fields) throws Exception {
    return request(op, fields).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Answers a request of the master with a result (null for nil). */
  void respond(Object seq, Object result) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("op", "response");
    m.put("seq_number", seq);
    m.put("result", result);
    sendPayload(Msgpack.pack(m));
  }

  /** Answers a request of the master with an error. */
  void respondError(Object seq, String text) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("op", "response");
    m.put("seq_number", seq);
    m.put("result", text);
    m.put("is_exception", true);
    sendPayload(Msgpack.pack(m));
  }

  /** Sends one binary message. */
  void sendPayload(byte[] payload) {
    connection.write(
        ByteBuffer.allocate(4 + payload.length).putInt(payload.length).put(payload).array());
  }

  // ---- observing ----

  /** Waits for a message from the master that matches, bounded by {@link #WAIT}. */
  Map<String, Object> await(Predicate<Map<String, Object>> matches) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    synchronized (received) {
      while (true) {
        for (Map<String, Object> m : received) {
          if (matches.test(m)) {
            return m;
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("no matching message from the master; got " + received);
        }
        TimeUnit.NANOSECONDS.timedWait(received, left);
      }
    }
  }

  /** Waits for a request of the master with an op. */
  Map<String, Object> awaitOp(String op) throws InterruptedException {
    return await(m -> op.equals(m.get("op")));
  }

  /** The ops of the master's requests so far, in order. */
  List<Object> ops() {
    synchronized (received) {
      return received.stream()
          .filter(m -> !"response".equals(m.get("op")))
          .map(m -> m.get("op"))
          .toList();
    }
  }

  /** Asserts that the master broke no rule of the protocol. */
  void assertNoViolations() {
    assertThat(violations).isEmpty();
  }

  void awaitClosed() throws Exception {
    closed.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Drops the connection. */
  @Override
  public void close() {
    connection.close();
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "fake-worker");
    t.setDaemon(true);
    return t;
  }
}
