package org.amp4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.amp4j.Amp;
import org.amp4j.ConnectionLostException;
import org.amp4j.Limits;
import org.amp4j.Peer;
import org.amp4j.PeerConfig;
import org.amp4j.ProtocolException;
import org.amp4j.RemoteException;
import org.amp4j.UnhandledCommandException;
import org.amp4j.it.VectorCommands.Divide;
import org.amp4j.it.VectorCommands.Notify;
import org.amp4j.it.VectorCommands.Sum;
import org.amp4j.it.VectorCommands.ZeroDivide;
import org.amp4j.spi.Codec;
import org.amp4j.spi.MemoryTransport;
import org.amp4j.spi.Plugins;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The peer-level vectors of amp-vectors.json (categories receive, requester, sequence): bytes a
 * real Twisted sent or received, replayed against an amp4j peer.
 */
class VectorPeerTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private final Codec codec = Plugins.codec("amp", Limits.DEFAULTS);
  private final PeerConfig config = PeerConfig.DEFAULTS;

  private MemoryTransport.Pair pair() {
    return new MemoryTransport().pair(Limits.DEFAULTS, Limits.DEFAULTS, "server", "client");
  }

  @TestFactory
  Stream<DynamicTest> receive_asTwistedDoes() {
    return Vectors.category("receive").stream()
        .map(v -> dynamicTest(v.get("name").asText(), () -> receive(v)));
  }

  private void receive(JsonNode v) throws Exception {
    String name = v.get("name").asText();
    JsonNode result = v.get("twisted_result");
    String expected = result.get("response_hex").asText();
    boolean closes = result.get("connection_closed_by_twisted").asBoolean();
    if (name.equals("recv_unknown_command_non_ascii_name")) {
      // Deliberate deviation (README, "Compatibility"): Twisted fails to decode the name and
      // drops the connection; amp4j answers UNHANDLED like for any unknown name and stays open.
      expected =
          errorBox("1", "UNHANDLED", "Unhandled Command: b'caf\\xc3\\xa9'") + answerBox("2", "3");
      closes = false;
    }
    MemoryTransport.Pair p = pair();
    Peer server = Amp.open(p.server(), codec, config, peer -> VectorCommands.responders());
    RawEnd raw = new RawEnd(p.client());
    raw.send(v.get("input_hex").asText());
    String want = expected;
    if (!closes && want.isEmpty()) {
      // Truncated input: the server waits for the rest of the box. When the sender gives up
      // and closes, the partial box is dropped silently and nothing is ever answered.
      raw.connection.close();
      server.closeFuture().toCompletableFuture().get(10, TimeUnit.SECONDS);
      assertThat(raw.receivedHex()).isEmpty();
      return;
    }
    if (closes) {
      assertThat(raw.await(RawEnd::isClosed, WAIT)).as("connection closed").isTrue();
      assertThat(raw.receivedHex()).isEqualTo(want);
    } else {
      assertThat(raw.await(r -> r.receivedHex().length() >= want.length(), WAIT)).isTrue();
      assertThat(raw.receivedHex()).isEqualTo(want);
      // still open and answering:
      raw.send(request("77", "Sum", "a", "5", "b", "6"));
      String more = want + answerBox("77", "11");
      assertThat(raw.await(r -> r.receivedHex().length() >= more.length(), WAIT)).isTrue();
      assertThat(raw.receivedHex()).isEqualTo(more);
      assertThat(raw.isClosed()).isFalse();
    }
  }

  @TestFactory
  Stream<DynamicTest> requester_asTwistedDoes() {
    return Vectors.category("requester").stream()
        .map(v -> dynamicTest(v.get("name").asText(), () -> requester(v)));
  }

  private void requester(JsonNode v) throws Exception {
    String name = v.get("name").asText();
    MemoryTransport.Pair p = pair();
    Peer client = Amp.open(p.client(), codec, config, null);
    RawEnd raw = new RawEnd(p.server());
    String requestHex = v.get("request_hex").asText();
    CompletableFuture<?> call =
        requestHex.contains(hex("Divide"))
            ? client.call(new Divide(BigInteger.ONE, BigInteger.ZERO)).toCompletableFuture()
            : client.call(new Sum(BigInteger.ONE, BigInteger.TWO)).toCompletableFuture();
    assertThat(raw.await(r -> r.receivedHex().length() >= requestHex.length(), WAIT)).isTrue();
    assertThat(raw.receivedHex()).as("request bytes").isEqualTo(requestHex);
    raw.send(v.get("reply_hex").asText());
    JsonNode outcome = v.get("outcome");
    boolean dropped = !v.get("exception_from_dataReceived").isNull();
    switch (outcome.get("result").asText()) {
      case "success" -> {
        Object answer = call.get(10, TimeUnit.SECONDS);
        assertThat(((Sum.Total) answer).total())
            .isEqualTo(new BigInteger(outcome.get("value").get(0).get("value").asText()));
      }
      case "failure" -> {
        Throwable t = failure(call);
        String exception = outcome.get("exception").asText();
        switch (exception) {
          case "ZeroDivide" ->
              assertThat(t)
                  .isInstanceOf(ZeroDivide.class)
                  .hasMessage(outcome.get("message").asText());
          case "UnhandledCommand" -> assertThat(t).isInstanceOf(UnhandledCommandException.class);
          case "UnknownRemoteError" -> {
            assertThat(t).isExactlyInstanceOf(RemoteException.class);
            assertThat(((RemoteException) t).description())
                .isEqualTo(outcome.get("remote_description").asText());
          }
          case "KeyError" ->
              assertThat(t).isInstanceOf(ProtocolException.class).hasMessageContaining("total");
          default -> throw new AssertionError("unmapped exception " + exception + " in " + name);
        }
      }
      case "pending" ->
          // Twisted leaves the call pending and drops the connection; amp4j fails the call.
          assertThat(failure(call)).isInstanceOf(ConnectionLostException.class);
      default -> throw new AssertionError("unknown outcome in " + name);
    }
    if (dropped) {
      assertThat(raw.await(RawEnd::isClosed, WAIT)).as("connection dropped").isTrue();
    } else {
      assertThat(client.isOpen()).isTrue();
      client.call(new Sum(BigInteger.TWO, BigInteger.TWO));
      String next = request("2", "Sum", "a", "2", "b", "2");
      assertThat(raw.await(r -> r.receivedHex().endsWith(next), WAIT)).as("still usable").isTrue();
    }
  }

  @Test
  void sequence_tagsCountEveryCall_includingCallsWithoutAnswer() throws Exception {
    JsonNode v = Vectors.named("sequence_ask_tags");
    MemoryTransport.Pair p = pair();
    Peer client = Amp.open(p.client(), codec, config, null);
    RawEnd raw = new RawEnd(p.server());
    List<JsonNode> tags = new ArrayList<>();
    v.get("tags").forEach(tags::add);
    for (int i = 0; i < tags.size(); i++) {
      if (tags.get(i).isNull()) {
        client.call(new Notify("x"));
      } else {
        client.call(new Sum(BigInteger.valueOf(i), BigInteger.ZERO));
      }
    }
    String expected = v.get("wire_hex").asText();
    assertThat(raw.await(r -> r.receivedHex().length() >= expected.length(), WAIT)).isTrue();
    assertThat(raw.receivedHex()).isEqualTo(expected);
  }

  @Test
  void unknownTag_answeredAfterLocalTimeout_isIgnored() throws Exception {
    MemoryTransport.Pair p = pair();
    Peer client = Amp.open(p.client(), codec, config, null);
    RawEnd raw = new RawEnd(p.server());
    CompletableFuture<Sum.Total> call =
        client
            .call(new Sum(BigInteger.ONE, BigInteger.ONE), Duration.ofMillis(50))
            .toCompletableFuture();
    assertThat(failure(call)).isInstanceOf(org.amp4j.CallTimeoutException.class);
    raw.send(answerBox("1", "2"));
    CompletableFuture<Sum.Total> next =
        client.call(new Sum(BigInteger.ONE, BigInteger.TWO)).toCompletableFuture();
    String req2 = request("2", "Sum", "a", "1", "b", "2");
    assertThat(raw.await(r -> r.receivedHex().endsWith(req2), WAIT)).isTrue();
    raw.send(answerBox("2", "3"));
    assertThat(next.get(10, TimeUnit.SECONDS).total()).isEqualTo(3);
    assertThat(client.isOpen()).isTrue();
  }

  static Throwable failure(CompletableFuture<?> f) throws Exception {
    try {
      f.get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    }
    throw new AssertionError("call succeeded but a failure was expected");
  }

  static String hex(String s) {
    return HexFormat.of().formatHex(s.getBytes(StandardCharsets.UTF_8));
  }

  static String pair(String key, String value) {
    byte[] k = key.getBytes(StandardCharsets.UTF_8);
    byte[] v = value.getBytes(StandardCharsets.UTF_8);
    return String.format("%04x", k.length)
        + hex(key)
        + String.format("%04x", v.length)
        + hex(value);
  }

  static String answerBox(String tag, String total) {
    return pair("_answer", tag) + pair("total", total) + "0000";
  }

  static String errorBox(String tag, String code, String description) {
    return pair("_error", tag)
        + pair("_error_code", code)
        + pair("_error_description", description)
        + "0000";
  }

  /** A request box with keys already in sorted order. */
  static String request(String tag, String command, String... kv) {
    StringBuilder b = new StringBuilder(pair("_ask", tag) + pair("_command", command));
    for (int i = 0; i < kv.length; i += 2) {
      b.append(pair(kv[i], kv[i + 1]));
    }
    return b.append("0000").toString();
  }
}
