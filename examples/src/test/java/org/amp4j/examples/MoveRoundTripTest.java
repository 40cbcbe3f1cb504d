package org.amp4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.amp4j.Amp;
import org.amp4j.AmpServer;
import org.amp4j.Peer;
import org.amp4j.PeerConfig;
import org.amp4j.RemoteException;
import org.amp4j.Responders;
import org.amp4j.UntypedCommand;
import org.amp4j.spi.TypedValue;
import org.amp4j.value.TypeRegistry;
import org.amp4j.value.ValueTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Move} between two amp4j peers, in each codec. */
class MoveRoundTripTest {

  @ParameterizedTest
  @ValueSource(strings = {"amp", "json", "msgpack", "cbor"})
  void move_roundTripsBetweenPeers(String codec) throws Exception {
    // From here to the end of the try block: quoted in docs/extending.md.
    TypeRegistry types = TypeRegistry.discovered(); // built-ins + ExampleTypes
    PeerConfig config = PeerConfig.builder().transport("memory").codec(codec).types(types).build();
    Responders board =
        Responders.builder(types)
            .on(
                Move.class,
                m -> new Move.Moved(m.id(), m.path().get(m.path().size() - 1), m.path().size()))
            .build();
    UUID id = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
    try (AmpServer server = Amp.serve("memory", 0, config, peer -> board);
        Peer peer = Amp.connect("memory", server.port(), config)) {
      Move.Moved moved =
          peer.call(new Move(id, new Point(3, 4), List.of(new Point(5, 4), new Point(-5, 9))))
              .toCompletableFuture()
              .get(10, TimeUnit.SECONDS);

      assertThat(peer.codec()).isEqualTo(codec);
      assertThat(moved).isEqualTo(new Move.Moved(id, new Point(-5, 9), 2));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"amp", "json", "msgpack", "cbor"})
  void move_extremeCoordinatesAndEmptyPath_roundTrip(String codec) throws Exception {
    TypeRegistry types = TypeRegistry.discovered();
    PeerConfig config = PeerConfig.builder().transport("memory").codec(codec).types(types).build();
    Responders echo =
        Responders.builder(types)
            .on(Move.class, m -> new Move.Moved(m.id(), m.from(), m.path().size()))
            .build();
    UUID id = new UUID(-1L, Long.MIN_VALUE);
    Point corner = new Point(Long.MIN_VALUE, Long.MAX_VALUE);
    try (AmpServer server = Amp.serve("memory", 0, config, peer -> echo);
        Peer peer = Amp.connect("memory", server.port(), config)) {
      Move.Moved moved =
          peer.call(new Move(id, corner, List.of()))
              .toCompletableFuture()
              .get(10, TimeUnit.SECONDS);

      assertThat(peer.codec()).isEqualTo(codec);
      assertThat(moved).isEqualTo(new Move.Moved(id, corner, 0));
    }
  }

  @Test
  void malformedPoint_isAnsweredUnknown_andNeverReachesTheHandler() throws Exception {
    TypeRegistry types = TypeRegistry.discovered();
    PeerConfig config = PeerConfig.builder().transport("memory").codec("amp").types(types).build();
    Responders board =
        Responders.builder(types)
            .on(
                Move.class,
                m -> {
                  throw new AssertionError("handler called with " + m);
                })
            .build();
    try (AmpServer server = Amp.serve("memory", 0, config, peer -> board);
        Peer peer = Amp.connect("memory", server.port(), config)) {
      // What a Twisted peer could send: the arguments as plain Unicode, one of them not "x,y".
      UntypedCommand move =
          UntypedCommand.of(
              "Move",
              List.of(
                  new TypedValue<>(
                      "id", ValueTypes.UNICODE, "123e4567-e89b-12d3-a456-426614174000"),
                  new TypedValue<>("from", ValueTypes.UNICODE, "3;4"),
                  new TypedValue<>("path", ValueTypes.listOf(ValueTypes.UNICODE), List.of())));
      Throwable failure =
          catchThrowable(() -> peer.call(move).toCompletableFuture().get(10, TimeUnit.SECONDS));

      assertThat(failure).hasCauseInstanceOf(RemoteException.class);
      assertThat(((RemoteException) failure.getCause()).code()).isEqualTo(RemoteException.UNKNOWN);
    }
  }
}
