package org.amp4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.amp4j.Amp;
import org.amp4j.AmpServer;
import org.amp4j.ConnectionLostException;
import org.amp4j.Limits;
import org.amp4j.Peer;
import org.amp4j.PeerConfig;
import org.amp4j.ProtocolException;
import org.amp4j.Responders;
import org.amp4j.cli.Interop.Sum;
import org.amp4j.cli.Interop.Total;
import org.amp4j.cli.InteropResponders;
import org.amp4j.spi.Codec;
import org.amp4j.spi.OutboundMessage;
import org.amp4j.spi.Plugins;
import org.amp4j.spi.Transport;
import org.amp4j.spi.TypedValue;
import org.amp4j.value.ValueTypes;
import org.junit.jupiter.api.Test;

/**
 * The codec handshake at the byte level: a raw end plays the other side, so the exact point where
 * each side switches codecs is checked.
 */
class HandshakeTest {
  static final Duration WAIT = Duration.ofSeconds(20);
  static final Codec AMP = Plugins.codec("amp", Limits.DEFAULTS);
  static final Codec JSON = Plugins.codec("json", Limits.DEFAULTS);
  static final Transport MEMORY = Plugins.transport("memory");
  static final PeerConfig OVER_MEMORY = PeerConfig.builder().transport("memory").build();

  static byte[] hello(String tag, String... codecs) {
    return AMP.encode(
        OutboundMessage.call(
            "amp4j.hello",
            tag,
            List.of(
                new TypedValue<>("version", ValueTypes.INTEGER, BigInteger.ONE),
                new TypedValue<>("codecs", ValueTypes.listOf(ValueTypes.UNICODE), List.of(codecs)),
                new TypedValue<>(
                    "extensions", ValueTypes.listOf(ValueTypes.UNICODE), List.<String>of()))));
  }

  static byte[] welcome(String tag, String codec) {
    return AMP.encode(
        OutboundMessage.answer(tag, List.of(new TypedValue<>("codec", ValueTypes.UNICODE, codec))));
  }

  static byte[] sum(Codec codec, String tag, long a, long b) {
    return codec.encode(
        OutboundMessage.call(
            "Sum",
            tag,
            List.of(
                new TypedValue<>("a", ValueTypes.LONG, a),
                new TypedValue<>("b", ValueTypes.LONG, b))));
  }

  static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  static RawEnd rawClient(int port) throws Exception {
    return new RawEnd(
        MEMORY
            .connect("memory", port, Limits.DEFAULTS)
            .toCompletableFuture()
            .get(5, TimeUnit.SECONDS));
  }

  @Test
  void server_switchesCodecRightAfterTheHello_evenInTheSameRead() throws Exception {
    PeerConfig config = OVER_MEMORY.toBuilder().codec("json").build();
    try (AmpServer server = Amp.serve("memory", 0, config, InteropResponders::forPeer)) {
      RawEnd raw = rawClient(server.port());
      // the hello and a JSON call in one write: the server must read the call as JSON
      raw.connection.write(concat(hello("1", "json", "amp"), sum(JSON, "2", 40, 2)));
      byte[] welcome =
          AMP.encode(
              OutboundMessage.answer(
                  "1",
                  List.of(
                      new TypedValue<>("version", ValueTypes.INTEGER, BigInteger.ONE),
                      new TypedValue<>("codec", ValueTypes.UNICODE, "json"),
                      new TypedValue<>(
                          "extensions", ValueTypes.listOf(ValueTypes.UNICODE), List.of()))));
      byte[] answer =
          JSON.encode(
              OutboundMessage.answer(
                  "2", List.of(new TypedValue<>("total", ValueTypes.LONG, 42L))));
      String expected = HexFormat.of().formatHex(concat(welcome, answer));
      assertThat(raw.await(r -> r.receivedHex().equals(expected), WAIT))
          .as(raw.receivedHex())
          .isTrue();
      raw.connection.close();
    }
  }

  @Test
  void plainAmpClient_withoutHello_isServedInAmp_byAServerPreferringJson() throws Exception {
    PeerConfig config = OVER_MEMORY.toBuilder().codec("json").build();
    try (AmpServer server = Amp.serve("memory", 0, config, InteropResponders::forPeer)) {
      RawEnd raw = rawClient(server.port());
      raw.connection.write(sum(AMP, "1", 1, 2));
      byte[] expected =
          AMP.encode(
              OutboundMessage.answer("1", List.of(new TypedValue<>("total", ValueTypes.LONG, 3L))));
      String hex = HexFormat.of().formatHex(expected);
      assertThat(raw.await(r -> r.receivedHex().equals(hex), WAIT)).as(raw.receivedHex()).isTrue();
      raw.connection.close();
    }
  }

  @Test
  void client_answersACallThatArrivedBeforeTheWelcome_inTheNewCodec() throws Exception {
    CompletableFuture<RawEnd> serverEnd = new CompletableFuture<>();
    try (Transport.Listener l =
        MEMORY.listen("memory", 0, Limits.DEFAULTS, c -> serverEnd.complete(new RawEnd(c)))) {
      Responders clientSide =
          Responders.builder().on(Sum.class, s -> new Total(s.a().add(s.b()))).build();
      CompletableFuture<Peer> connecting =
          Amp.connectAsync("memory", l.port(), OVER_MEMORY, p -> clientSide).toCompletableFuture();
      RawEnd raw = serverEnd.get(5, TimeUnit.SECONDS);
      assertThat(raw.await(r -> !r.receivedHex().isEmpty(), WAIT)).isTrue();
      // a call from the server in AMP, then the welcome, in one write
      raw.connection.write(concat(sum(AMP, "a", 20, 22), welcome("1", "json")));
      Peer peer = connecting.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      assertThat(peer.codec()).isEqualTo("json");
      byte[] answer =
          JSON.encode(
              OutboundMessage.answer(
                  "a", List.of(new TypedValue<>("total", ValueTypes.LONG, 42L))));
      // the hello (in AMP), then the answer to the early call (in JSON), and nothing else
      String expected = HexFormat.of().formatHex(answer);
      assertThat(raw.await(r -> r.receivedHex().endsWith(expected), WAIT))
          .as(raw.receivedHex())
          .isTrue();
      java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(HexFormat.of().parseHex(raw.receivedHex()));
      assertThat(AMP.newDecoder().next(in).command()).isEqualTo("amp4j.hello");
      assertThat(in.remaining()).isEqualTo(answer.length);
      peer.close();
    }
  }

  @Test
  void client_refusesACodecItDidNotOffer() throws Exception {
    // the client offers json (and amp); the server picks msgpack anyway
    Throwable t =
        connectAgainst(welcome("1", "msgpack"), OVER_MEMORY.toBuilder().codec("json").build());
    assertThat(t).isInstanceOf(ConnectionLostException.class);
    assertThat(t.getCause()).isInstanceOf(ProtocolException.class);
    assertThat(t).hasMessageContaining("not offered");
  }

  @Test
  void client_failsWhenTheHelloIsRefusedWithAnotherError() throws Exception {
    byte[] refusal = AMP.encode(OutboundMessage.error("1", "NOPE", "go away"));
    Throwable t = connectAgainst(refusal, OVER_MEMORY);
    assertThat(t).hasMessageContaining("handshake refused").hasMessageContaining("NOPE");
  }

  @Test
  void client_staysAmp_whenTheHelloIsUnhandled() throws Exception {
    byte[] unhandled =
        AMP.encode(OutboundMessage.error("1", "UNHANDLED", "Unhandled Command: b'amp4j.hello'"));
    CompletableFuture<RawEnd> serverEnd = new CompletableFuture<>();
    try (Transport.Listener l =
        MEMORY.listen("memory", 0, Limits.DEFAULTS, c -> serverEnd.complete(new RawEnd(c)))) {
      CompletableFuture<Peer> connecting =
          Amp.connectAsync("memory", l.port(), OVER_MEMORY, null).toCompletableFuture();
      RawEnd raw = serverEnd.get(5, TimeUnit.SECONDS);
      assertThat(raw.await(r -> !r.receivedHex().isEmpty(), WAIT)).isTrue();
      raw.connection.write(unhandled);
      Peer peer = connecting.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      assertThat(peer.codec()).isEqualTo("amp");
      peer.close();
    }
  }

  @Test
  void client_givesUpWhenNoAnswerComesWithinTheConnectTimeout() throws Exception {
    PeerConfig config = OVER_MEMORY.toBuilder().connectTimeout(Duration.ofMillis(200)).build();
    Throwable t = connectAgainst(null, config);
    assertThat(t).isInstanceOf(ConnectionLostException.class);
    assertThat(t).hasMessageContaining("no answer to the handshake");
  }

  @Test
  void withoutHandshake_bothEndsSpeakTheFirstConfiguredCodecFromTheFirstByte() throws Exception {
    PeerConfig config = OVER_MEMORY.toBuilder().codec("msgpack").handshake(false).build();
    try (AmpServer server = Amp.serve("memory", 0, config, InteropResponders::forPeer);
        Peer peer = Amp.connect("memory", server.port(), config)) {
      assertThat(peer.codec()).isEqualTo("msgpack");
      Total t =
          peer.call(new Sum(BigInteger.ONE, BigInteger.TWO))
              .toCompletableFuture()
              .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      assertThat(t.total()).isEqualTo(3);
    }
  }

  /** Connects a client to a raw server that answers its hello with the given bytes (or never). */
  private static Throwable connectAgainst(byte[] reply, PeerConfig config) throws Exception {
    CompletableFuture<RawEnd> serverEnd = new CompletableFuture<>();
    try (Transport.Listener l =
        MEMORY.listen("memory", 0, Limits.DEFAULTS, c -> serverEnd.complete(new RawEnd(c)))) {
      CompletableFuture<Peer> connecting =
          Amp.connectAsync("memory", l.port(), config, null).toCompletableFuture();
      RawEnd raw = serverEnd.get(5, TimeUnit.SECONDS);
      assertThat(raw.await(r -> !r.receivedHex().isEmpty(), WAIT)).isTrue();
      if (reply != null) {
        raw.connection.write(reply);
      }
      Throwable t = VectorPeerTest.failure(connecting);
      assertThat(raw.await(RawEnd::isClosed, WAIT)).as("connection closed").isTrue();
      return t;
    }
  }
}
