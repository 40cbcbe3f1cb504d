package org.amp4j.it.chaos;

/** A direction of a proxied connection. */
public enum Direction {
  /** From the client that connected to the proxy towards the target. */
  TO_TARGET,
  /** From the target back to the client. */
  TO_CLIENT
}
