package org.amp4j;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The keys of a configuration file and how each value is written. Adding a key is one line in
 * {@link #ALL} (and one in docs/configuration.md, which a test checks).
 */
final class ConfigKeys {

  /** The builders a configuration is applied to. Not thread-safe. */
  static final class Target {
    final PeerConfig.Builder peer;
    final Limits.Builder limits;
    final SessionConfig.Builder session;

    Target(PeerConfig base) {
      peer = base.toBuilder();
      limits = base.limits().toBuilder();
      session = base.session().toBuilder();
    }

    PeerConfig build() {
      return peer.limits(limits.build()).session(session.build()).build();
    }
  }

  /**
   * How a value is written.
   *
   * @param expected what a valid value looks like, for error messages
   * @param parse parses a value from YAML (a String, Number, Boolean, List or Map) or a string;
   *     throws IllegalArgumentException with a detail, or with none for plain "not of the form"
   */
  record Form<T>(String expected, Function<Object, T> parse) {}

  /** A key: its dotted name, the form of its value, and where the value goes. */
  record Key<T>(String name, Form<T> form, BiConsumer<Target, T> apply) {
    void parseAndApply(Target target, Object raw) {
      apply.accept(target, form.parse().apply(raw));
    }
  }

  static final Form<Boolean> BOOLEAN = scalar("true or false", ConfigKeys::parseBoolean);
  static final Form<String> NAME = scalar("a name", ConfigKeys::parseName);
  static final Form<List<String>> NAMES = listOf(NAME);
  static final Form<Endpoint> ENDPOINT =
      scalar("HOST:PORT, as in 127.0.0.1:7000", ConfigKeys::parseEndpoint);
  static final Form<List<Endpoint>> ENDPOINTS = listOf(ENDPOINT);
  static final Form<Duration> DURATION =
      scalar(
          "a duration, as in 500ms, 10s, 2m, 1h or ISO-8601 PT1M, or 0 for none",
          ConfigKeys::parseDuration);
  static final Form<Integer> COUNT =
      scalar("a positive integer", s -> (int) positive(s, false, Integer.MAX_VALUE));
  static final Form<Integer> BYTES =
      scalar(
          "a positive number of bytes, as in 65536, 64KiB, 16MiB or 1GiB",
          s -> (int) positive(s, true, Integer.MAX_VALUE));
  static final Form<Long> LONG_BYTES =
      scalar(
          "a positive number of bytes, as in 65536, 64KiB, 16MiB or 1GiB",
          s -> positive(s, true, Long.MAX_VALUE));
  static final Form<SessionConfig.Overflow> OVERFLOW =
      scalar("fail or wait", ConfigKeys::parseOverflow);
  static final Form<Double> FACTOR =
      scalar("a number of at least 1, as in 2 or 1.5", s -> decimal(s, 1, Double.MAX_VALUE));
  static final Form<Double> FRACTION =
      scalar("a number from 0 to 1, as in 0.2", s -> decimal(s, 0, 1));

  /** Every key, in the order of the documentation. */
  static final List<Key<?>> ALL =
      List.of(
          key("codecs", NAMES, (t, v) -> t.peer.codecs(v)),
          key("handshake", BOOLEAN, (t, v) -> t.peer.handshake(v)),
          key("endpoints", ENDPOINTS, (t, v) -> t.peer.endpoints(v)),
          key("listen", ENDPOINT, (t, v) -> t.peer.listen(v)),
          key("transport", NAME, (t, v) -> t.peer.transport(v)),
          key("callTimeout", DURATION, (t, v) -> t.peer.callTimeout(v)),
          key("connectTimeout", DURATION, (t, v) -> t.peer.connectTimeout(v)),
          key("closeOnUnknownError", BOOLEAN, (t, v) -> t.peer.closeOnUnknownError(v)),
          key("limits.maxValueLength", BYTES, (t, v) -> t.limits.maxValueLength(v)),
          key("limits.maxFrameLength", BYTES, (t, v) -> t.limits.maxFrameLength(v)),
          key("limits.maxOutstandingCalls", COUNT, (t, v) -> t.limits.maxOutstandingCalls(v)),
          key("limits.maxPendingRequests", COUNT, (t, v) -> t.limits.maxPendingRequests(v)),
          key(
              "limits.maxPendingWriteBytes",
              LONG_BYTES,
              (t, v) -> t.limits.maxPendingWriteBytes(v)),
          key("limits.maxNestingDepth", COUNT, (t, v) -> t.limits.maxNestingDepth(v)),
          key("limits.maxIntegerDigits", COUNT, (t, v) -> t.limits.maxIntegerDigits(v)),
          key("limits.maxListLength", COUNT, (t, v) -> t.limits.maxListLength(v)),
          key("limits.maxFieldCount", COUNT, (t, v) -> t.limits.maxFieldCount(v)),
          key("session.enabled", BOOLEAN, (t, v) -> t.session.enabled(v)),
          key("session.maxQueuedCalls", COUNT, (t, v) -> t.session.maxQueuedCalls(v)),
          key("session.maxQueuedBytes", LONG_BYTES, (t, v) -> t.session.maxQueuedBytes(v)),
          key("session.overflow", OVERFLOW, (t, v) -> t.session.overflow(v)),
          key("session.overflowWait", DURATION, (t, v) -> t.session.overflowWait(v)),
          key("session.reconnectInitial", DURATION, (t, v) -> t.session.reconnectInitial(v)),
          key("session.reconnectMultiplier", FACTOR, (t, v) -> t.session.reconnectMultiplier(v)),
          key("session.reconnectMax", DURATION, (t, v) -> t.session.reconnectMax(v)),
          key("session.reconnectJitter", FRACTION, (t, v) -> t.session.reconnectJitter(v)),
          key("session.giveUpAfter", DURATION, (t, v) -> t.session.giveUpAfter(v)),
          key("session.failoverAfter", DURATION, (t, v) -> t.session.failoverAfter(v)),
          key("session.expiry", DURATION, (t, v) -> t.session.expiry(v)),
          key("session.heartbeatInterval", DURATION, (t, v) -> t.session.heartbeatInterval(v)),
          key("session.heartbeatTimeout", DURATION, (t, v) -> t.session.heartbeatTimeout(v)));

  private static final Pattern DURATION_WITH_UNIT = Pattern.compile("(\\d{1,18})\\s*(ms|s|m|h)");
  private static final Pattern SIZE = Pattern.compile("(\\d{1,19})\\s*(KiB|MiB|GiB)?");
  private static final Pattern INTEGER = Pattern.compile("(\\d{1,19})");
  private static final Pattern DECIMAL =
      Pattern.compile("\\d{1,18}(\\.\\d{1,18})?([eE][-+]?\\d{1,3})?");

  private ConfigKeys() {}

  private static <T> Key<T> key(String name, Form<T> form, BiConsumer<Target, T> apply) {
    return new Key<>(name, form, apply);
  }

  /** The key with this name, or null. */
  static Key<?> find(String name) {
    for (Key<?> k : ALL) {
      if (k.name().equals(name)) {
        return k;
      }
    }
    return null;
  }

  /** Whether keys exist under {@code name.}, as {@code limits} has. */
  static boolean isSection(String name) {
    return ALL.stream().anyMatch(k -> k.name().startsWith(name + "."));
  }

  private static <T> Form<T> scalar(String expected, Function<String, T> parse) {
    return new Form<>(expected, raw -> parse.apply(scalarText(raw)));
  }

  /** A list in YAML, or comma-separated text; empty text is the empty list. */
  private static <T> Form<List<T>> listOf(Form<T> element) {
    return new Form<>(
        "a list or comma-separated text of " + element.expected(),
        raw -> {
          List<?> items;
          if (raw instanceof List<?> l) {
            items = l;
          } else {
            String text = scalarText(raw);
            items = text.isEmpty() ? List.of() : List.of(text.split(",", -1));
          }
          List<T> out = new ArrayList<>(items.size());
          for (Object item : items) {
            if (item instanceof String s && s.isBlank()) {
              throw new IllegalArgumentException("an entry is empty");
            }
            out.add(element.parse().apply(item));
          }
          return List.copyOf(out);
        });
  }

  private static String scalarText(Object raw) {
    if (raw == null) {
      throw new IllegalArgumentException("no value given");
    }
    if (raw instanceof List<?>) {
      throw new IllegalArgumentException("a list is not allowed here");
    }
    if (raw instanceof Map<?, ?>) {
      throw new IllegalArgumentException("a map is not allowed here");
    }
    return raw.toString().trim();
  }

  private static boolean parseBoolean(String s) {
    if (s.equalsIgnoreCase("true")) {
      return true;
    }
    if (s.equalsIgnoreCase("false")) {
      return false;
    }
    throw new IllegalArgumentException();
  }

  private static SessionConfig.Overflow parseOverflow(String s) {
    if (s.equalsIgnoreCase("fail")) {
      return SessionConfig.Overflow.FAIL;
    }
    if (s.equalsIgnoreCase("wait")) {
      return SessionConfig.Overflow.WAIT;
    }
    throw new IllegalArgumentException();
  }

  /** Parses a decimal number ({@code 2}, {@code 0.25}, {@code 1.0E-5}) within {@code min..max}. */
  static double decimal(String s, double min, double max) {
    if (!DECIMAL.matcher(s).matches()) {
      throw new IllegalArgumentException();
    }
    double value = Double.parseDouble(s);
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("too large");
    }
    if (value < min) {
      throw new IllegalArgumentException("must be at least " + format(min));
    }
    if (value > max) {
      throw new IllegalArgumentException("must be at most " + format(max));
    }
    return value;
  }

  private static String format(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  private static String parseName(String s) {
    if (s.isEmpty()) {
      throw new IllegalArgumentException("empty");
    }
    return s;
  }

  private static Endpoint parseEndpoint(String s) {
    try {
      return Endpoint.parse(s);
    } catch (IllegalArgumentException e) {
      // "expected HOST:PORT, got ..." says no more than the form does
      throw new IllegalArgumentException(
          e.getMessage().startsWith("expected") ? null : e.getMessage());
    }
  }

  /** Parses {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}, ISO-8601, or {@code 0}. */
  static Duration parseDuration(String s) {
    if (s.equals("0")) {
      return Duration.ZERO;
    }
    Matcher m = DURATION_WITH_UNIT.matcher(s);
    try {
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
          case "ms" -> Duration.ofMillis(n);
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.of(n, ChronoUnit.MINUTES);
          default -> Duration.of(n, ChronoUnit.HOURS);
        };
      }
      if (s.startsWith("P") || s.startsWith("p") || s.startsWith("-")) {
        Duration d = Duration.parse(s);
        if (d.isNegative()) {
          throw new IllegalArgumentException("must not be negative");
        }
        return d;
      }
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("too long");
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException();
    }
    if (s.matches("\\d+")) {
      throw new IllegalArgumentException("a number other than 0 needs a unit");
    }
    throw new IllegalArgumentException();
  }

  /** Parses a positive integer, with a binary suffix if {@code bytes}, at most {@code max}. */
  static long positive(String s, boolean bytes, long max) {
    Matcher m = (bytes ? SIZE : INTEGER).matcher(s);
    if (!m.matches()) {
      throw new IllegalArgumentException();
    }
    long value;
    try {
      int shift = !bytes || m.group(2) == null ? 0 : "KMG".indexOf(m.group(2).charAt(0)) * 10 + 10;
      value = Math.multiplyExact(Long.parseLong(m.group(1)), 1L << shift);
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException("at most " + max);
    }
    if (value <= 0) {
      throw new IllegalArgumentException("must be positive");
    }
    if (value > max) {
      throw new IllegalArgumentException("at most " + max);
    }
    return value;
  }
}
