package org.amp4j.bench.loopback;

import org.amp4j.Command;

/** The benchmark's only command: adds two integers. Every system under test answers it. */
public record Sum(long a, long b) implements Command<Sum.Total> {

  /** A sum. */
  public record Total(long total) {}
}
