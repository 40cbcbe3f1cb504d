package org.amp4j.bench.loopback;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * One system under test: something that can serve {@link Sum} and call it.
 *
 * <p>The amp4j systems run responders and complete answers on the connection's I/O thread, as the
 * gRPC system runs its handlers and callbacks ({@code directExecutor}): each protocol is measured
 * without a hop to a thread pool. {@code amp4j-amp-pool} keeps amp4j's default, a shared handler
 * pool, to show what that hop costs.
 */
interface LoopbackSystem {

  /** Every system, in the order the tables list them; the last is the baseline. */
  List<String> NAMES =
      List.of(
          "amp4j-amp",
          "amp4j-amp-session",
          "amp4j-amp-pool",
          "amp4j-json",
          "amp4j-msgpack",
          "amp4j-cbor",
          GrpcSystem.NAME,
          RawNettySystem.NAME);

  /** The baseline every other system is compared with. */
  String BASELINE = RawNettySystem.NAME;

  /** Starts a server on 127.0.0.1 and an OS-chosen port. */
  Server serve() throws Exception;

  /** Opens one connection to a server of the same system. */
  Caller connect(String host, int port) throws Exception;

  /** A running server. */
  interface Server extends AutoCloseable {
    int port();

    @Override
    void close();
  }

  /**
   * One connection; {@link #sum} may be called from any thread, many calls in flight. A call's
   * answer is what the system's API gives, read by {@link #total}, so that no system pays for an
   * extra stage that turns it into a number.
   */
  interface Caller extends AutoCloseable {
    CompletionStage<?> sum(long a, long b);

    /** The total carried by an answer of {@link #sum}. */
    long total(Object answer);

    @Override
    void close();
  }

  /** The system with this name. */
  static LoopbackSystem named(String name) {
    return switch (name) {
      case "amp4j-amp" -> new AmpSystem("amp", false, true);
      case "amp4j-amp-session" -> new AmpSystem("amp", true, true);
      case "amp4j-amp-pool" -> new AmpSystem("amp", false, false);
      case "amp4j-json" -> new AmpSystem("json", false, true);
      case "amp4j-msgpack" -> new AmpSystem("msgpack", false, true);
      case "amp4j-cbor" -> new AmpSystem("cbor", false, true);
      case GrpcSystem.NAME -> new GrpcSystem();
      case RawNettySystem.NAME -> new RawNettySystem();
      default ->
          throw new IllegalArgumentException(
              "unknown system " + name + ", expected one of " + NAMES);
    };
  }
}
