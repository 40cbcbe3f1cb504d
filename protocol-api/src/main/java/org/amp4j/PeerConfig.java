package org.amp4j;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.amp4j.value.TypeRegistry;

/**
 * How a peer behaves: codec, transport, limits, timeouts, and where handlers run. Immutable; build
 * with {@link #builder()}.
 *
 * @param codecs the codecs this peer accepts, most preferred first. Empty (the default) means every
 *     codec on the class path: {@code json} first, then the others by name, {@code amp} last. A
 *     name not on the class path fails when a connection starts, with the names that are. AMP is
 *     always accepted in the end: it is what a plain AMP peer speaks
 * @param handshake whether connections negotiate the codec with the hello (default true). Without
 *     it both ends must be configured with the same first codec, which is used from the first byte
 * @param endpoints where a client connects, in order of preference (default none)
 * @param listen where a server listens (default {@code 127.0.0.1:0}, a free port)
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
 * @param session the session settings (default {@link SessionConfig#DEFAULTS}, sessions off)
 * @param types the type registry for command definitions (default {@link TypeRegistry#standard()})
 */
public record PeerConfig(
    List<String> codecs,
    boolean handshake,
    List<Endpoint> endpoints,
    Endpoint listen,
    String transport,
    Limits limits,
    Duration callTimeout,
    Duration connectTimeout,
    Executor executor,
    boolean closeOnUnknownError,
    SessionConfig session,
    TypeRegistry types) {

  /** The defaults. */
  public static final PeerConfig DEFAULTS = builder().build();

  /** Validates the configuration. */
  public PeerConfig {
    codecs = List.copyOf(codecs);
    endpoints = List.copyOf(endpoints);
    Objects.requireNonNull(listen, "listen");
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(callTimeout, "callTimeout");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(types, "types");
    Objects.requireNonNull(session, "session");
    if (callTimeout.isNegative() || connectTimeout.isNegative()) {
      throw new IllegalArgumentException("timeouts must not be negative");
    }
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The defaults, overridden by a configuration file, overridden by {@code amp4j.*} system
   * properties. Override further with {@code load(file).toBuilder()...build()}.
   *
   * <p>The file is UTF-8 YAML ({@code .yaml}, {@code .yml}) or properties ({@code .properties}),
   * with the keys of docs/configuration.md: {@code codecs}, {@code handshake}, {@code endpoints},
   * {@code listen}, {@code transport}, {@code callTimeout}, {@code connectTimeout}, {@code
   * closeOnUnknownError}, {@code limits.}<i>name</i> for each of {@link Limits} and {@code
   * session.}<i>name</i> for each setting of {@link SessionConfig} but the listener. The system
   * property of a key is {@code amp4j.}<i>key</i>, as in {@code -Damp4j.callTimeout=5s}. The
   * executor and the type registry are not configurable this way. Codec names are checked when a
   * connection starts, not here.
   *
   * @throws IllegalArgumentException if the file is missing or unreadable, or its extension is not
   *     one of those; or, naming every key at fault, if a key is unknown (with the closest valid
   *     key) or a value is bad (with the form expected)
   */
  public static PeerConfig load(Path file) {
    return load(file, DEFAULTS);
  }

  /**
   * As {@link #load(Path)}, starting from {@code base} instead of the defaults: what the file and
   * the system properties leave unset keeps its value in {@code base}.
   */
  public static PeerConfig load(Path file, PeerConfig base) {
    return ConfigLoader.load(Objects.requireNonNull(file, "file"), base);
  }

  /**
   * The defaults, overridden by {@code amp4j.*} system properties; see {@link #load(Path)}. An
   * {@code amp4j.*} property that is no key is ignored unless it is close to one or lies under
   * {@code amp4j.limits.}, since tests and tools use the prefix too.
   *
   * @throws IllegalArgumentException if a property is misspelt or has a bad value
   */
  public static PeerConfig fromSystemProperties() {
    return fromSystemProperties(DEFAULTS);
  }

  /** As {@link #fromSystemProperties()}, starting from {@code base} instead of the defaults. */
  public static PeerConfig fromSystemProperties(PeerConfig base) {
    return ConfigLoader.fromSystemProperties(base);
  }

  /** A builder starting from this configuration. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.codecs = codecs;
    b.handshake = handshake;
    b.endpoints = endpoints;
    b.listen = listen;
    b.transport = transport;
    b.limits = limits;
    b.callTimeout = callTimeout;
    b.connectTimeout = connectTimeout;
    b.executor = executor;
    b.closeOnUnknownError = closeOnUnknownError;
    b.session = session;
    b.types = types;
    return b;
  }

  /** Builds a {@link PeerConfig}; not thread-safe. */
  public static final class Builder {
    private List<String> codecs = List.of();
    private boolean handshake = true;
    private List<Endpoint> endpoints = List.of();
    private Endpoint listen = new Endpoint("127.0.0.1", 0);
    private String transport = "tcp";
    private Limits limits = Limits.DEFAULTS;
    private Duration callTimeout = Duration.ofSeconds(60);
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Executor executor;
    private boolean closeOnUnknownError = true;
    private SessionConfig session = SessionConfig.DEFAULTS;
    private TypeRegistry types = TypeRegistry.standard();

    private Builder() {}

    /** See {@link PeerConfig#codecs()}. */
    public Builder codecs(List<String> v) {
      codecs = v;
      return this;
    }

    /** Accepts one codec only (and AMP, for plain AMP peers); see {@link PeerConfig#codecs()}. */
    public Builder codec(String v) {
      codecs = List.of(v);
      return this;
    }

    /** See {@link PeerConfig#handshake()}. */
    public Builder handshake(boolean v) {
      handshake = v;
      return this;
    }

    /** See {@link PeerConfig#endpoints()}. */
    public Builder endpoints(List<Endpoint> v) {
      endpoints = v;
      return this;
    }

    /** See {@link PeerConfig#listen()}. */
    public Builder listen(Endpoint v) {
      listen = v;
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

    /** See {@link PeerConfig#session()}. */
    public Builder session(SessionConfig v) {
      session = v;
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
          codecs,
          handshake,
          endpoints,
          listen,
          transport,
          limits,
          callTimeout,
          connectTimeout,
          executor,
          closeOnUnknownError,
          session,
          types);
    }
  }
}
