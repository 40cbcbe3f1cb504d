package org.amp4j;

import java.time.Duration;
import java.util.Objects;

/**
 * How sessions behave: the layer that keeps calls alive across dropped connections (see {@code
 * docs/sessions.md}). Immutable; build with {@link #builder()}.
 *
 * @param enabled whether this peer asks for (as a client) or grants (as a server) sessions in the
 *     handshake (default false)
 * @param maxQueuedCalls calls sent or queued but not yet acknowledged by the other side (default
 *     10,000); see {@code overflow}
 * @param maxQueuedBytes bytes of such calls (default 64 MiB)
 * @param overflow what a call does when the queue is full (default {@link Overflow#FAIL})
 * @param overflowWait how long {@link Overflow#WAIT} waits for room (default 5 s)
 * @param reconnectInitial the first reconnect delay (default 10 ms)
 * @param reconnectMultiplier the factor between successive delays (default 2)
 * @param reconnectMax the longest delay (default 1 s)
 * @param reconnectJitter the random spread of each delay, as a fraction of it (default 0.2)
 * @param giveUpAfter how long a client keeps trying before the session is lost (default 60 s)
 * @param failoverAfter how long a client keeps trying one endpoint before the next (default 5 s)
 * @param expiry how long a server keeps a disconnected session (default 60 s)
 * @param heartbeatInterval how often a connection is checked; one that nothing came from for half
 *     of it is probed with a PING (default 5 s)
 * @param heartbeatTimeout how long without any byte from the other side before the connection is
 *     taken for dead (default 15 s)
 * @param listener hears disconnects, reconnects, resumes and losses (default none)
 */
public record SessionConfig(
    boolean enabled,
    int maxQueuedCalls,
    long maxQueuedBytes,
    Overflow overflow,
    Duration overflowWait,
    Duration reconnectInitial,
    double reconnectMultiplier,
    Duration reconnectMax,
    double reconnectJitter,
    Duration giveUpAfter,
    Duration failoverAfter,
    Duration expiry,
    Duration heartbeatInterval,
    Duration heartbeatTimeout,
    SessionListener listener) {

  /** What a call does when the session's queue is full. */
  public enum Overflow {
    /** Fail at once with {@link LimitExceededException}. */
    FAIL,
    /** Wait up to {@link SessionConfig#overflowWait()} for room, then fail. */
    WAIT
  }

  /** The defaults (sessions off). */
  public static final SessionConfig DEFAULTS = builder().build();

  /** Validates the settings. */
  public SessionConfig {
    Objects.requireNonNull(overflow, "overflow");
    Objects.requireNonNull(listener, "listener");
    if (maxQueuedCalls <= 0 || maxQueuedBytes <= 0) {
      throw new IllegalArgumentException("maxQueuedCalls and maxQueuedBytes must be positive");
    }
    if (reconnectMultiplier < 1 || reconnectJitter < 0 || reconnectJitter > 1) {
      throw new IllegalArgumentException(
          "reconnectMultiplier must be >= 1 and reconnectJitter within 0..1");
    }
    for (Duration d :
        new Duration[] {
          overflowWait,
          reconnectInitial,
          reconnectMax,
          giveUpAfter,
          failoverAfter,
          expiry,
          heartbeatInterval,
          heartbeatTimeout
        }) {
      if (Objects.requireNonNull(d, "durations").isNegative()) {
        throw new IllegalArgumentException("session durations must not be negative");
      }
    }
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.enabled = enabled;
    b.maxQueuedCalls = maxQueuedCalls;
    b.maxQueuedBytes = maxQueuedBytes;
    b.overflow = overflow;
    b.overflowWait = overflowWait;
    b.reconnectInitial = reconnectInitial;
    b.reconnectMultiplier = reconnectMultiplier;
    b.reconnectMax = reconnectMax;
    b.reconnectJitter = reconnectJitter;
    b.giveUpAfter = giveUpAfter;
    b.failoverAfter = failoverAfter;
    b.expiry = expiry;
    b.heartbeatInterval = heartbeatInterval;
    b.heartbeatTimeout = heartbeatTimeout;
    b.listener = listener;
    return b;
  }

  /** The delay before reconnect attempt {@code attempt} (from 1), before jitter. */
  Duration backoff(int attempt) {
    double millis =
        reconnectInitial.toMillis() * Math.pow(reconnectMultiplier, Math.max(0, attempt - 1));
    return Duration.ofMillis((long) Math.min(millis, reconnectMax.toMillis()));
  }

  /** Builds a {@link SessionConfig}; not thread-safe. */
  public static final class Builder {
    private boolean enabled;
    private int maxQueuedCalls = 10_000;
    private long maxQueuedBytes = 64L * 1024 * 1024;
    private Overflow overflow = Overflow.FAIL;
    private Duration overflowWait = Duration.ofSeconds(5);
    private Duration reconnectInitial = Duration.ofMillis(10);
    private double reconnectMultiplier = 2;
    private Duration reconnectMax = Duration.ofSeconds(1);
    private double reconnectJitter = 0.2;
    private Duration giveUpAfter = Duration.ofSeconds(60);
    private Duration failoverAfter = Duration.ofSeconds(5);
    private Duration expiry = Duration.ofSeconds(60);
    private Duration heartbeatInterval = Duration.ofSeconds(5);
    private Duration heartbeatTimeout = Duration.ofSeconds(15);
    private SessionListener listener = SessionListener.NONE;

    private Builder() {}

    /** See {@link SessionConfig#enabled()}. */
    public Builder enabled(boolean v) {
      enabled = v;
      return this;
    }

    /** See {@link SessionConfig#maxQueuedCalls()}. */
    public Builder maxQueuedCalls(int v) {
      maxQueuedCalls = v;
      return this;
    }

    /** See {@link SessionConfig#maxQueuedBytes()}. */
    public Builder maxQueuedBytes(long v) {
      maxQueuedBytes = v;
      return this;
    }

    /** See {@link SessionConfig#overflow()}. */
    public Builder overflow(Overflow v) {
      overflow = v;
      return this;
    }

    /** See {@link SessionConfig#overflowWait()}. */
    public Builder overflowWait(Duration v) {
      overflowWait = v;
      return this;
    }

    /** See {@link SessionConfig#reconnectInitial()}. */
    public Builder reconnectInitial(Duration v) {
      reconnectInitial = v;
      return this;
    }

    /** See {@link SessionConfig#reconnectMultiplier()}. */
    public Builder reconnectMultiplier(double v) {
      reconnectMultiplier = v;
      return this;
    }

    /** See {@link SessionConfig#reconnectMax()}. */
    public Builder reconnectMax(Duration v) {
      reconnectMax = v;
      return this;
    }

    /** See {@link SessionConfig#reconnectJitter()}. */
    public Builder reconnectJitter(double v) {
      reconnectJitter = v;
      return this;
    }

    /** See {@link SessionConfig#giveUpAfter()}. */
    public Builder giveUpAfter(Duration v) {
      giveUpAfter = v;
      return this;
    }

    /** See {@link SessionConfig#failoverAfter()}. */
    public Builder failoverAfter(Duration v) {
      failoverAfter = v;
      return this;
    }

    /** See {@link SessionConfig#expiry()}. */
    public Builder expiry(Duration v) {
      expiry = v;
      return this;
    }

    /** See {@link SessionConfig#heartbeatInterval()}. */
    public Builder heartbeatInterval(Duration v) {
      heartbeatInterval = v;
      return this;
    }

    /** See {@link SessionConfig#heartbeatTimeout()}. */
    public Builder heartbeatTimeout(Duration v) {
      heartbeatTimeout = v;
      return this;
    }

    /** See {@link SessionConfig#listener()}. */
    public Builder listener(SessionListener v) {
      listener = v;
      return this;
    }

    /** The settings. */
    public SessionConfig build() {
      return new SessionConfig(
          enabled,
          maxQueuedCalls,
          maxQueuedBytes,
          overflow,
          overflowWait,
          reconnectInitial,
          reconnectMultiplier,
          reconnectMax,
          reconnectJitter,
          giveUpAfter,
          failoverAfter,
          expiry,
          heartbeatInterval,
          heartbeatTimeout,
          listener);
    }
  }
}
