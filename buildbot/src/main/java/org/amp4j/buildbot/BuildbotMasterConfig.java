package org.amp4j.buildbot;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import org.amp4j.Limits;

/**
 * How a {@link BuildbotMaster} listens and treats its workers. Immutable; build with {@link
 * #builder()}. {@link #toString()} does not show passwords.
 *
 * @param host the interface to listen on (default {@code 127.0.0.1})
 * @param port the port, 0 for one chosen by the system (default 0; Buildbot's is 9989)
 * @param workers the workers allowed to connect, name to password (default none); names must not
 *     contain {@code :}, which HTTP Basic authentication cannot carry
 * @param keepaliveInterval how often each worker is sent a {@code keepalive}, whose timeout closes
 *     the connection; {@link Duration#ZERO} for never (default; the 3.7.0 master uses one hour)
 * @param settings what {@code set_worker_settings} sends in each handshake (default {@link
 *     WorkerSettings#DEFAULTS})
 * @param maxMessageBytes the largest WebSocket message accepted (default 16 MiB)
 * @param limits the limits of each connection (default {@link Limits#DEFAULTS}); {@code
 *     maxFrameLength} bounds one message, {@code maxValueLength} one value (and so one download
 *     chunk)
 * @param callTimeout how long a request to a worker may wait for its answer, {@link Duration#ZERO}
 *     for ever (default 60 s); the handshake's requests use it too
 * @param probeTimeout how long the connection of a worker that connects again may take to answer a
 *     {@code keepalive} before it is taken for dead and replaced (default 10 s)
 * @param executor where worker requests are handled and listeners and results are called; null for
 *     shared daemon threads (default)
 * @param attachMessage what the master {@code print}s to each worker when it connects (default
 *     {@code attached})
 */
public record BuildbotMasterConfig(
    String host,
    int port,
    Map<String, String> workers,
    Duration keepaliveInterval,
    WorkerSettings settings,
    int maxMessageBytes,
    Limits limits,
    Duration callTimeout,
    Duration probeTimeout,
    Executor executor,
    String attachMessage) {

  /** Validates and copies the parts. */
  public BuildbotMasterConfig {
    Objects.requireNonNull(host, "host");
    workers = Map.copyOf(workers);
    Objects.requireNonNull(keepaliveInterval, "keepaliveInterval");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(callTimeout, "callTimeout");
    Objects.requireNonNull(probeTimeout, "probeTimeout");
    Objects.requireNonNull(attachMessage, "attachMessage");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0..65535, is " + port);
    }
    if (maxMessageBytes <= 0) {
      throw new IllegalArgumentException("maxMessageBytes must be positive");
    }
    if (keepaliveInterval.isNegative() || callTimeout.isNegative()) {
      throw new IllegalArgumentException("keepaliveInterval and callTimeout must not be negative");
    }
    if (probeTimeout.isNegative() || probeTimeout.isZero()) {
      throw new IllegalArgumentException("probeTimeout must be positive");
    }
    for (String name : workers.keySet()) {
      if (name.isEmpty() || name.indexOf(':') >= 0) {
        throw new IllegalArgumentException(
            "worker name '" + name + "' is empty or has a ':', which cannot authenticate");
      }
    }
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String toString() {
    return "BuildbotMasterConfig[host="
        + host
        + ", port="
        + port
        + ", workers="
        + new TreeSet<>(workers.keySet())
        + ", keepaliveInterval="
        + keepaliveInterval
        + ", settings="
        + settings
        + ", maxMessageBytes="
        + maxMessageBytes
        + ", limits="
        + limits
        + ", callTimeout="
        + callTimeout
        + ", probeTimeout="
        + probeTimeout
        + "]";
  }

  /** Builds a {@link BuildbotMasterConfig}; not thread-safe. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port;
    private final Map<String, String> workers = new LinkedHashMap<>();
    private Duration keepaliveInterval = Duration.ZERO;
    private WorkerSettings settings = WorkerSettings.DEFAULTS;
    private int maxMessageBytes = 16 * 1024 * 1024;
    private Limits limits = Limits.DEFAULTS;
    private Duration callTimeout = Duration.ofSeconds(60);
    private Duration probeTimeout = Duration.ofSeconds(10);
    private Executor executor;
    private String attachMessage = "attached";

    private Builder() {}

    /** See {@link BuildbotMasterConfig#host()}. */
    public Builder host(String v) {
      host = v;
      return this;
    }

    /** See {@link BuildbotMasterConfig#port()}. */
    public Builder port(int v) {
      port = v;
      return this;
    }

    /** Allows a worker to connect with a name and password. */
    public Builder worker(String name, String password) {
      workers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(password));
      return this;
    }

    /** Allows these workers, name to password, besides those already allowed. */
    public Builder workers(Map<String, String> v) {
      v.forEach(this::worker);
      return this;
    }

    /** See {@link BuildbotMasterConfig#keepaliveInterval()}. */
    public Builder keepaliveInterval(Duration v) {
      keepaliveInterval = v;
      return this;
    }

    /** See {@link BuildbotMasterConfig#settings()}. */
    public Builder settings(WorkerSettings v) {
      settings = v;
      return this;
    }

    /** See {@link BuildbotMasterConfig#maxMessageBytes()}. */
    public Builder maxMessageBytes(int v) {
      maxMessageBytes = v;
      return this;
    }

    /** See {@link BuildbotMasterConfig#limits()}. */
    public Builder limits(Limits v) {
      limits = v;
      return this;
    }

    /** See {@link BuildbotMasterConfig#callTimeout()}. */
    public Builder callTimeout(Duration v) {
      callTimeout = v;
      return this;
    }

    /** See {@link BuildbotMasterConfig#probeTimeout()}. */
    public Builder probeTimeout(Duration v) {
      probeTimeout = v;
      return this;
    }

    /** See {@link BuildbotMasterConfig#executor()}. */
    public Builder executor(Executor v) {
      executor = v;
      return this;
    }

    /** See {@link BuildbotMasterConfig#attachMessage()}. */
    public Builder attachMessage(String v) {
      attachMessage = v;
      return this;
    }

    /**
     * The configuration.
     *
     * @throws IllegalArgumentException for an invalid port, size, timeout or worker name
     */
    public BuildbotMasterConfig build() {
      return new BuildbotMasterConfig(
          host,
          port,
          workers,
          keepaliveInterval,
          settings,
          maxMessageBytes,
          limits,
          callTimeout,
          probeTimeout,
          executor,
          attachMessage);
    }
  }
}
