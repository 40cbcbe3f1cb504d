package org.amp4j.cli;

import java.io.PrintStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.amp4j.Amp;
import org.amp4j.AmpServer;
import org.amp4j.Peer;
import org.amp4j.PeerConfig;
import org.amp4j.Responders;
import org.amp4j.cli.Interop.AskBack;
import org.amp4j.cli.Interop.Delay;
import org.amp4j.cli.Interop.Divide;
import org.amp4j.cli.Interop.GetNotifications;
import org.amp4j.cli.Interop.MakeRecords;
import org.amp4j.cli.Interop.Notify;
import org.amp4j.cli.Interop.Sum;
import org.amp4j.cli.Interop.Total;
import org.amp4j.cli.Interop.ZeroDivision;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code amp4j tour}: starts a server in-process on an ephemeral port and drives it through a short
 * scripted conversation of typed calls (what {@code amp4j demo} showed before it became a build).
 */
@Command(
    name = "tour",
    mixinStandardHelpOptions = true,
    description =
        "Start a server in-process and show typed calls, a declared error, out-of-order"
            + " answers, a call without answer and a call from the server back to the client.")
final class TourCommand implements Callable<Integer> {

  @Mixin ConfigOptions options = new ConfigOptions();

  @Override
  public Integer call() {
    PeerConfig config;
    try {
      config = options.config();
    } catch (IllegalArgumentException e) {
      System.err.println("amp4j: " + e.getMessage());
      return Main.USAGE;
    }
    return run(System.out, config);
  }

  static int run(PrintStream out, PeerConfig config) {
    try (AmpServer server = Amp.serve("127.0.0.1", 0, config, InteropResponders::forPeer)) {
      out.println("server listening on " + server.host() + ":" + server.port());
      List<String> serverCalls = Collections.synchronizedList(new ArrayList<>());
      Responders clientSide =
          Responders.builder()
              .on(
                  Sum.class,
                  s -> {
                    serverCalls.add("Sum(" + s.a() + ", " + s.b() + ")");
                    return new Total(s.a().add(s.b()));
                  })
              .build();
      try (Peer peer = Amp.connect(server.host(), server.port(), config, p -> clientSide)) {
        out.println(
            "client connected, codec "
                + peer.codec()
                + (peer.session() == null ? ", no session" : ", in a session"));

        Total t = join(peer.call(new Sum(BigInteger.valueOf(13), BigInteger.valueOf(81))));
        out.println("typed call       Sum(13, 81) -> total=" + t.total());
        BigInteger big = BigInteger.TWO.pow(64).add(BigInteger.ONE);
        out.println(
            "big integers     Sum(2^64+1, 2^64+1) -> total="
                + join(peer.call(new Sum(big, big))).total());
        out.println(
            "float answer     Divide(1, 4) -> quotient="
                + join(peer.call(new Divide(BigInteger.ONE, BigInteger.valueOf(4)))).quotient());

        try {
          join(peer.call(new Divide(BigInteger.ONE, BigInteger.ZERO)));
          out.println("declared error   Divide(1, 0) -> unexpectedly answered");
          return 1;
        } catch (ZeroDivision e) {
          out.println(
              "declared error   Divide(1, 0) -> "
                  + e.getClass().getSimpleName()
                  + ": "
                  + e.getMessage()
                  + " (code ZERO_DIVISION)");
        }

        List<String> order = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Delay.Token> slow =
            peer.call(new Delay(BigInteger.valueOf(300), "slow")).toCompletableFuture();
        CompletableFuture<Delay.Token> fast =
            peer.call(new Delay(BigInteger.valueOf(10), "fast")).toCompletableFuture();
        CompletableFuture.allOf(
                slow.thenAccept(tok -> order.add(tok.token())),
                fast.thenAccept(tok -> order.add(tok.token())))
            .join();
        out.println(
            "out of order     sent Delay(300,'slow') then Delay(10,'fast'); answers arrived: "
                + String.join(", ", order));

        join(peer.call(new Notify("first")));
        join(peer.call(new Notify("second")));
        out.println("no answer        Notify('first'), Notify('second') sent without tags");
        out.println(
            "                 GetNotifications -> "
                + join(peer.call(new GetNotifications())).messages());

        MakeRecords.Records records = join(peer.call(new MakeRecords(BigInteger.valueOf(3), "r")));
        out.println("nested records   MakeRecords(3, 'r') -> " + records.records());

        Total back = join(peer.call(new AskBack(BigInteger.valueOf(20), BigInteger.valueOf(22))));
        out.println(
            "server calls us  AskBack(20, 22) -> total="
                + back.total()
                + " (server called "
                + serverCalls
                + " on the client)");
      }
      out.println("tour finished: all calls answered as expected");
      return 0;
    } catch (RuntimeException e) {
      out.println("tour failed: " + e);
      return 1;
    }
  }

  private static <R> R join(java.util.concurrent.CompletionStage<R> stage) {
    try {
      return stage.toCompletableFuture().join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }
}
