package org.amp4j.transport.websocket;

import java.time.Duration;
import java.util.Objects;
import org.amp4j.Limits;

/**
 * Settings of a {@link WebSocketServer}. Immutable; build with {@link #builder()}.
 *
 * @param authenticator checks the HTTP Basic credentials of every upgrade request; null (the
 *     default) accepts every request without looking at credentials
 * @param framing how binary messages map onto the byte stream (default {@link Framing#STREAM})
 * @param maxMessageBytes the largest message payload accepted, after fragments are reassembled
 *     (default {@value #DEFAULT_MAX_MESSAGE_BYTES}, 16 MiB); a larger one closes the connection
 *     with status 1009
 * @param limits the limits of accepted connections (default {@link Limits#DEFAULTS}); {@link
 *     Limits#maxPendingWriteBytes()} bounds the bytes queued for writing
 * @param handshakeTimeout how long a new TCP connection may take to send its whole upgrade request
 *     before it is closed (default 10 s)
 */
public record WebSocketServerConfig(
    Authenticator authenticator,
    Framing framing,
    int maxMessageBytes,
    Limits limits,
    Duration handshakeTimeout) {

  /** The default {@link #maxMessageBytes()}: 16 MiB. */
  public static final int DEFAULT_MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

  /** The default {@link #handshakeTimeout()}: 10 seconds. */
  public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);

  /**
   * Validates the settings.
   *
   * @throws NullPointerException if framing, limits or handshakeTimeout is null
   * @throws IllegalArgumentException if maxMessageBytes or handshakeTimeout is not positive
   */
  public WebSocketServerConfig {
    Objects.requireNonNull(framing, "framing");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
    if (maxMessageBytes <= 0) {
      throw new IllegalArgumentException("maxMessageBytes must be positive, is " + maxMessageBytes);
    }
    if (handshakeTimeout.isNegative() || handshakeTimeout.toMillis() == 0) {
      throw new IllegalArgumentException(
          "handshakeTimeout must be at least 1 ms, is " + handshakeTimeout);
    }
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these settings. */
  public Builder toBuilder() {
    return new Builder()
        .authenticator(authenticator)
        .framing(framing)
        .maxMessageBytes(maxMessageBytes)
        .limits(limits)
        .handshakeTimeout(handshakeTimeout);
  }

  /** Builds a {@link WebSocketServerConfig}; not thread-safe. */
  public static final class Builder {
    private Authenticator authenticator;
    private Framing framing = Framing.STREAM;
    private int maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES;
    private Limits limits = Limits.DEFAULTS;
    private Duration handshakeTimeout = DEFAULT_HANDSHAKE_TIMEOUT;

    private Builder() {}

    /** See {@link WebSocketServerConfig#authenticator()}; null for none. */
    public Builder authenticator(Authenticator v) {
      authenticator = v;
      return this;
    }

    /** See {@link WebSocketServerConfig#framing()}. */
    public Builder framing(Framing v) {
      framing = v;
      return this;
    }

    /** See {@link WebSocketServerConfig#maxMessageBytes()}. */
    public Builder maxMessageBytes(int v) {
      maxMessageBytes = v;
      return this;
    }

    /** See {@link WebSocketServerConfig#limits()}. */
    public Builder limits(Limits v) {
      limits = v;
      return this;
    }

    /** See {@link WebSocketServerConfig#handshakeTimeout()}. */
    public Builder handshakeTimeout(Duration v) {
      handshakeTimeout = v;
      return this;
    }

    /**
     * The settings.
     *
     * @throws NullPointerException if framing, limits or handshakeTimeout is null
     * @throws IllegalArgumentException if maxMessageBytes or handshakeTimeout is not positive
     */
    public WebSocketServerConfig build() {
      return new WebSocketServerConfig(
          authenticator, framing, maxMessageBytes, limits, handshakeTimeout);
    }
  }
}
