package org.amp4j;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.amp4j.value.TypeRegistry;

/**
 * How a peer behaves: codec, transport, limits, timeouts, and where handlers run. Immutable; build
 * with {@link #builder()}.
 *
 * @param codec the codec name (default {@code amp})
 * @param transport the transport name (default {@code tcp})
 * @param limits the limits (default {@link Limits#DEFAULTS})
 * @param callTimeout the timeout of calls made without one; {@link Duration#ZERO} for none (default
 *     60 s)
 * @param connectTimeout how long {@link Amp#connect} waits for a connection (default 10 s); a
 *     transport may give up sooner on its own (TcpTransport's default is also 10 s)
 * @param executor where responders run and answers are delivered; null for a shared pool of daemon
 *     threads (default)
 * @param closeOnUnknownError whether to close the connection after answering a request with {@code
 *     UNKNOWN}, as Twisted does (default true)
 * @param types the type registry for command definitions (default {@link TypeRegistry#standard()})
 */
public record PeerConfig(
    String codec,
    String transport,
    Limits limits,
    Duration callTimeout,
    Duration connectTimeout,
    Executor executor,
    boolean closeOnUnknownError,
    TypeRegistry types) {

  /** The defaults. */
  public static final PeerConfig DEFAULTS = builder().build();

  /** Validates the configuration. */
  public PeerConfig {
    Objects.requireNonNull(codec, "codec");
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(callTimeout, "callTimeout");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(types, "types");
    if (callTimeout.isNegative() || connectTimeout.isNegative()) {
      throw new IllegalArgumentException("timeouts must not be negative");
    }
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this configuration. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.codec = codec;
    b.transport = transport;
    b.limits = limits;
    b.callTimeout = callTimeout;
    b.connectTimeout = connectTimeout;
    b.executor = executor;
    b.closeOnUnknownError = closeOnUnknownError;
    b.types = types;
    return b;
  }

  /** Builds a {@link PeerConfig}; not thread-safe. */
  public static final class Builder {
    private String codec = "amp";
    private String transport = "tcp";
    private Limits limits = Limits.DEFAULTS;
    private Duration callTimeout = Duration.ofSeconds(60);
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Executor executor;
    private boolean closeOnUnknownError = true;
    private TypeRegistry types = TypeRegistry.standard();

    private Builder() {}

    /** See {@link PeerConfig#codec()}. */
    public Builder codec(String v) {
      codec = v;
      return this;
    }

    /** See {@link PeerConfig#transport()}. */
    public Builder transport(String v) {
      transport = v;
      return this;
    }

    /** See {@link PeerConfig#limits()}. */
    public Builder limits(Limits v) {
      limits = v;
      return this;
    }

    /** See {@link PeerConfig#callTimeout()}. */
    public Builder callTimeout(Duration v) {
      callTimeout = v;
      return this;
    }

    /** See {@link PeerConfig#connectTimeout()}. */
    public Builder connectTimeout(Duration v) {
      connectTimeout = v;
      return this;
    }

    /** See {@link PeerConfig#executor()}. */
    public Builder executor(Executor v) {
      executor = v;
      return this;
    }

    /** See {@link PeerConfig#closeOnUnknownError()}. */
    public Builder closeOnUnknownError(boolean v) {
      closeOnUnknownError = v;
      return this;
    }

    /** See {@link PeerConfig#types()}. */
    public Builder types(TypeRegistry v) {
      types = v;
      return this;
    }

    /** The configuration. */
    public PeerConfig build() {
      return new PeerConfig(
          codec,
          transport,
          limits,
          callTimeout,
          connectTimeout,
          executor,
          closeOnUnknownError,
          types);
    }
  }
}
