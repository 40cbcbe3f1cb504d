package org.amp4j.it.session;

import static org.amp4j.it.session.Events.WAIT_SECONDS;
import static org.amp4j.it.session.ServerRestartTest.sum;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.amp4j.Amp;
import org.amp4j.AmpServer;
import org.amp4j.Limits;
import org.amp4j.Peer;
import org.amp4j.PeerConfig;
import org.amp4j.SessionStats;
import org.amp4j.spi.Codec;
import org.amp4j.spi.Connection;
import org.amp4j.spi.ConnectionHandler;
import org.amp4j.spi.InboundMessage;
import org.amp4j.spi.MessageDecoder;
import org.amp4j.spi.MessageKind;
import org.amp4j.spi.OutboundMessage;
import org.amp4j.spi.Plugins;
import org.amp4j.spi.TypedValue;
import org.amp4j.value.ValueTypes;
import org.junit.jupiter.api.Test;

/**
 * A hello that resumes a live session with the wrong token is refused with {@code SESSION_REFUSED}
 * and its connection closed; the session itself does not notice.
 */
class WrongTokenTest {
  static final Codec AMP = Plugins.codec("amp", Limits.DEFAULTS);

  @Test
  void resumeWithWrongToken_isRefused_andTheRealSessionGoesOn() throws Exception {
    Events events = new Events();
    PeerConfig config = Events.peer(Events.fast(events).build());
    try (AmpServer server = Amp.serve("127.0.0.1", 0, config, p -> SessionExpiryTest.sumOnly());
        Peer client = Amp.connect("127.0.0.1", server.port(), config)) {
      assertThat(sum(client, 1, 2).get(WAIT_SECONDS, TimeUnit.SECONDS).total()).isEqualTo(3);
      String id = client.session().id();

      RawClient raw = RawClient.connect(server.port());
      raw.connection.write(AMP.encode(resumeHello("1", id, new byte[32], 0)));
      InboundMessage answer = raw.firstMessage.get(WAIT_SECONDS, TimeUnit.SECONDS);
      assertThat(answer.kind()).isEqualTo(MessageKind.ERROR);
      assertThat(answer.tag()).isEqualTo("1");
      assertThat(answer.errorCode()).isEqualTo("SESSION_REFUSED");
      raw.closed.get(WAIT_SECONDS, TimeUnit.SECONDS);

      assertThat(sum(client, 40, 2).get(WAIT_SECONDS, TimeUnit.SECONDS).total()).isEqualTo(42);
      SessionStats stats = client.session();
      assertThat(stats.id()).isEqualTo(id);
      assertThat(stats.connected()).isTrue();
      assertThat(stats.disconnects()).isZero();
      assertThat(stats.resumes()).isZero();
      assertThat(stats.losses()).isZero();
      assertThat(events.disconnects).isEmpty();
      assertThat(events.losses).isEmpty();
    }
  }

  /** The client's hello (amp4j.hello, in AMP) asking to resume session {@code id}. */
  static OutboundMessage resumeHello(String tag, String id, byte[] token, long received) {
    List<TypedValue<?>> values = new ArrayList<>();
    values.add(new TypedValue<>("version", ValueTypes.INTEGER, BigInteger.ONE));
    values.add(new TypedValue<>("codecs", ValueTypes.listOf(ValueTypes.UNICODE), List.of("amp")));
    values.add(new TypedValue<>("extensions", ValueTypes.listOf(ValueTypes.UNICODE), List.of()));
    values.add(new TypedValue<>("session", ValueTypes.UNICODE, id));
    values.add(new TypedValue<>("token", ValueTypes.BYTES, token));
    values.add(new TypedValue<>("received", ValueTypes.LONG, received));
    return OutboundMessage.call("amp4j.hello", tag, values);
  }

  /** A bare TCP connection that reads the first AMP message it receives and notes the close. */
  static final class RawClient implements ConnectionHandler {
    final Connection connection;
    final CompletableFuture<InboundMessage> firstMessage = new CompletableFuture<>();
    final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final MessageDecoder decoder = AMP.newDecoder();

    private RawClient(Connection connection) {
      this.connection = connection;
      connection.start(this);
    }

    static RawClient connect(int port) throws Exception {
      return new RawClient(
          Plugins.transport("tcp")
              .connect("127.0.0.1", port, Limits.DEFAULTS)
              .toCompletableFuture()
              .get(WAIT_SECONDS, TimeUnit.SECONDS));
    }

    @Override
    public synchronized void onBytes(ByteBuffer data) {
      if (firstMessage.isDone()) {
        return;
      }
      try {
        InboundMessage m = decoder.next(data); // the decoder keeps a partial message itself
        if (m != null) {
          firstMessage.complete(m);
        }
      } catch (RuntimeException e) {
        firstMessage.completeExceptionally(e);
      }
    }

    @Override
    public void onClosed(Throwable cause) {
      closed.complete(null);
    }
  }
}
