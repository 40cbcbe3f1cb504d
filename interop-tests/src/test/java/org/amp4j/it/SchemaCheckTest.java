package org.amp4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.amp4j.Amp;
import org.amp4j.AmpServer;
import org.amp4j.Limits;
import org.amp4j.Peer;
import org.amp4j.PeerConfig;
import org.amp4j.ProtocolException;
import org.amp4j.cli.Interop.Sum;
import org.amp4j.cli.InteropResponders;
import org.amp4j.spi.InboundMessage;
import org.amp4j.spi.MessageKind;
import org.amp4j.spi.Transport;
import org.junit.jupiter.api.Test;

/**
 * Decoding is checked against the schema (here in JSON; the codec conformance suite covers every
 * codec at the value level): a value of the wrong type fails the call (as an answer) or is answered
 * UNKNOWN (as an argument), with a message naming the command, the field and the expected type.
 */
class SchemaCheckTest {

  /** A JSON frame: the 4-byte length, then the text. */
  static byte[] jsonFrame(String json) {
    byte[] text = json.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(4 + text.length).putInt(text.length).put(text).array();
  }

  @Test
  void answerOfTheWrongType_failsThatCall_namingCommandFieldAndType() throws Exception {
    String codec = "json";
    CompletableFuture<RawEnd> serverEnd = new CompletableFuture<>();
    Transport memory = HandshakeTest.MEMORY;
    try (Transport.Listener l =
        memory.listen("memory", 0, Limits.DEFAULTS, c -> serverEnd.complete(new RawEnd(c)))) {
      PeerConfig config = HandshakeTest.OVER_MEMORY.toBuilder().codec(codec).build();
      CompletableFuture<Peer> connecting =
          Amp.connectAsync("memory", l.port(), config, null).toCompletableFuture();
      RawEnd raw = serverEnd.get(5, TimeUnit.SECONDS);
      assertThat(raw.await(r -> !r.receivedHex().isEmpty(), HandshakeTest.WAIT)).isTrue();
      raw.connection.write(HandshakeTest.welcome("1", codec));
      Peer peer = connecting.get(20, TimeUnit.SECONDS);
      CompletableFuture<?> call =
          peer.call(new Sum(BigInteger.ONE, BigInteger.TWO)).toCompletableFuture();
      // the call is tag 2 (the hello was 1); answer it with text where an integer belongs
      raw.connection.write(jsonFrame("{\"answer\":\"2\",\"values\":{\"total\":\"three\"}}"));
      Throwable t = VectorPeerTest.failure(call);
      assertThat(t)
          .isInstanceOf(ProtocolException.class)
          .hasMessageContaining("Sum")
          .hasMessageContaining("total")
          .hasMessageContaining("expected integer");
      assertThat(peer.isOpen()).isTrue();
      peer.close();
    }
  }

  @Test
  void argumentOfTheWrongType_isAnsweredUnknown_andTheConnectionCloses() throws Exception {
    String codec = "json";
    PeerConfig config = HandshakeTest.OVER_MEMORY.toBuilder().codec(codec).build();
    try (AmpServer server = Amp.serve("memory", 0, config, InteropResponders::forPeer)) {
      RawEnd raw = HandshakeTest.rawClient(server.port());
      raw.connection.write(
          HandshakeTest.concat(
              HandshakeTest.hello("1", codec),
              jsonFrame("{\"call\":\"Sum\",\"tag\":\"2\",\"args\":{\"a\":1,\"b\":[2]}}")));
      assertThat(raw.await(RawEnd::isClosed, HandshakeTest.WAIT)).as("closed").isTrue();
      ByteBuffer in = ByteBuffer.wrap(HexFormat.of().parseHex(raw.receivedHex()));
      assertThat(HandshakeTest.AMP.newDecoder().next(in).kind()).isEqualTo(MessageKind.ANSWER);
      InboundMessage error = HandshakeTest.JSON.newDecoder().next(in);
      assertThat(error.kind()).isEqualTo(MessageKind.ERROR);
      assertThat(error.tag()).isEqualTo("2");
      assertThat(error.errorCode()).isEqualTo("UNKNOWN");
    }
  }
}
