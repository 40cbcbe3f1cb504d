package org.amp4j.cli;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.amp4j.Peer;
import org.amp4j.Responders;
import org.amp4j.cli.Interop.AskBack;
import org.amp4j.cli.Interop.BadCount;
import org.amp4j.cli.Interop.CounterValue;
import org.amp4j.cli.Interop.Crash;
import org.amp4j.cli.Interop.Delay;
import org.amp4j.cli.Interop.Divide;
import org.amp4j.cli.Interop.Echo;
import org.amp4j.cli.Interop.Explode;
import org.amp4j.cli.Interop.Exploded;
import org.amp4j.cli.Interop.GetCounter;
import org.amp4j.cli.Interop.GetNotifications;
import org.amp4j.cli.Interop.Increment;
import org.amp4j.cli.Interop.MakeRecords;
import org.amp4j.cli.Interop.Noop;
import org.amp4j.cli.Interop.Notify;
import org.amp4j.cli.Interop.Sum;
import org.amp4j.cli.Interop.Total;
import org.amp4j.cli.Interop.ZeroDivision;

/** The responders of the interop command set, one instance per connection. */
public final class InteropResponders {
  private InteropResponders() {}

  /**
   * The responders for one connection's peer (notifications are kept per connection). Counters
   * ({@link Increment}, {@link GetCounter}) are this connection's own; {@link #sharingCounters()}
   * shares them between connections.
   */
  public static Responders forPeer(Peer peer) {
    return forPeer(peer, new ConcurrentHashMap<>());
  }

  /**
   * A responder factory for a server whose connections share one set of counters, as {@code amp4j
   * serve} does.
   */
  public static Function<Peer, Responders> sharingCounters() {
    Map<String, BigInteger> counters = new ConcurrentHashMap<>();
    return peer -> forPeer(peer, counters);
  }

  private static Responders forPeer(Peer peer, Map<String, BigInteger> counters) {
    List<String> notifications = new ArrayList<>();
    return Responders.builder()
        .onVoid(Noop.class, n -> {})
        .on(Sum.class, s -> new Total(s.a().add(s.b())))
        .on(Divide.class, InteropResponders::divide)
        .on(Echo.class, e -> e)
        .onVoid(
            Explode.class,
            e -> {
              throw new Exploded(e.message());
            })
        .onVoid(
            Crash.class,
            c -> {
              throw new IllegalStateException("Crash was asked to fail");
            })
        .onVoid(
            Notify.class,
            n -> {
              synchronized (notifications) {
                notifications.add(n.message());
              }
            })
        .on(
            GetNotifications.class,
            g -> {
              synchronized (notifications) {
                List<String> copy = List.copyOf(notifications);
                notifications.clear();
                return new GetNotifications.Messages(copy);
              }
            })
        .on(MakeRecords.class, InteropResponders::makeRecords)
        .onAsync(
            Delay.class,
            d ->
                CompletableFuture.supplyAsync(
                    () -> new Delay.Token(d.token()),
                    CompletableFuture.delayedExecutor(
                        d.millis()
                            .max(BigInteger.ZERO)
                            .min(BigInteger.valueOf(600_000))
                            .longValue(),
                        TimeUnit.MILLISECONDS)))
        .onAsync(AskBack.class, a -> peer.call(new Sum(a.a(), a.b())))
        .on(
            Increment.class,
            i -> new CounterValue(counters.merge(i.counter(), i.by(), BigInteger::add)))
        .on(
            GetCounter.class,
            g -> new CounterValue(counters.getOrDefault(g.counter(), BigInteger.ZERO)))
        .build();
  }

  private static Divide.Quotient divide(Divide d) {
    if (d.denominator().signum() == 0) {
      throw new ZeroDivision("division by zero");
    }
    return new Divide.Quotient(
        new java.math.BigDecimal(d.numerator())
            .divide(new java.math.BigDecimal(d.denominator()), new java.math.MathContext(60))
            .doubleValue());
  }

  private static MakeRecords.Records makeRecords(MakeRecords m) {
    if (m.count().signum() < 0 || m.count().compareTo(BigInteger.valueOf(1000)) > 0) {
      throw new BadCount("count must be 0..1000, is " + m.count());
    }
    int n = m.count().intValue();
    List<MakeRecords.Item> items = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      items.add(new MakeRecords.Item(BigInteger.valueOf(i), m.prefix() + i, i % 2 == 0));
    }
    return new MakeRecords.Records(items);
  }
}
