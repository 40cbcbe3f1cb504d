package org.amp4j.bench.loopback;

import java.util.Locale;

/** The three workloads: how many connections, and how many calls each keeps in flight. */
enum Workload {
  /** One connection, one call outstanding: latency. */
  A(1, 1, "1 connection, 1 call outstanding"),
  /** One connection, 128 calls in flight: pipelining on one connection. */
  B(1, 128, "1 connection, 128 calls in flight"),
  /** Eight connections, 128 calls in flight on each. */
  C(8, 128, "8 connections x 128 calls in flight");

  final int connections;
  final int inFlight;
  final String description;

  Workload(int connections, int inFlight, String description) {
    this.connections = connections;
    this.inFlight = inFlight;
    this.description = description;
  }

  /** The workload's short name ({@code a}, {@code b}, {@code c}). */
  String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Workload of(String key) {
    for (Workload w : values()) {
      if (w.key().equals(key)) {
        return w;
      }
    }
    throw new IllegalArgumentException("unknown workload " + key + ", expected a, b or c");
  }
}
