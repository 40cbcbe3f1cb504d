package org.amp4j.bench.loopback;

import org.amp4j.Command;
import org.amp4j.Responders;

/** The benchmark's only command: adds two integers. Every system under test answers it. */
public record Sum(long a, long b) implements Command<Sum.Total> {

  /** A sum. */
  public record Total(long total) {}

  /** The amp4j responders of a benchmark server: they answer {@code Sum} with its total. */
  public static Responders responders() {
    return Responders.builder().on(Sum.class, s -> new Total(s.a() + s.b())).build();
  }
}
