package org.amp4j.bench.pump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.amp4j.ConnectionLostException;
import org.amp4j.Limits;
import org.amp4j.spi.Connection;
import org.amp4j.spi.ConnectionHandler;
import org.amp4j.spi.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The pump benchmark without JMH, so that it keeps working: every system answers every call of
 * every pump, and the transport moves bytes only when pumped. Checks correctness only, never speed.
 */
class PumpSmokeTest {

  @ParameterizedTest
  @CsvSource({
    "amp, 1",
    "amp, 8",
    "amp-session, 1",
    "amp-session, 8",
    "json, 8",
    "msgpack, 8",
    "cbor, 8",
    "json-session, 1"
  })
  void everyPump_answersEveryCallInFlight_andTheConnectionsCloseAfter(
      String system, int connections) {
    PumpBenchmark bench = new PumpBenchmark();
    bench.system = system;
    bench.connections = connections;
    bench.start();
    try {
      PumpBenchmark.Calls calls = new PumpBenchmark.Calls();
      calls.reset();
      int pumps = 50;
      for (int i = 0; i < pumps; i++) {
        assertThat(bench.pump(calls)).isTrue();
      }
      // each pump carries every connection's calls to the server and its answers back, and each
      // answer, checked, starts the next call: so exactly all of them, every time
      assertThat(calls.calls).isEqualTo((long) pumps * connections * PumpBenchmark.IN_FLIGHT);
    } finally {
      bench.stop();
    }
    assertThat(PumpTransport.openConnections()).isZero();
  }

  @Test
  void unknownSystem_failsAtStartSayingWhich() {
    PumpBenchmark bench = new PumpBenchmark();
    bench.system = "nosuch-session";
    bench.connections = 1;
    assertThatThrownBy(bench::start).hasMessageContaining("nosuch");
  }

  @Test
  void listen_picksItsOwnPorts_andRefusesAChosenOne() {
    Transport transport = new PumpTransport();
    try (Transport.Listener first = transport.listen("pump", 0, Limits.DEFAULTS, c -> {});
        Transport.Listener second = transport.listen("pump", 0, Limits.DEFAULTS, c -> {})) {
      assertThat(second.port()).isNotEqualTo(first.port());
      assertThatThrownBy(() -> transport.listen("pump", first.port(), Limits.DEFAULTS, c -> {}))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("listen on 0");
    }
  }

  @Test
  void bytes_moveOnlyWhenPumped_wholeAndInOrder_evenWhenWrittenByAnotherThread() throws Exception {
    Transport transport = new PumpTransport();
    List<byte[]> read = new ArrayList<>();
    ConnectionHandler reader =
        new ConnectionHandler() {
          @Override
          public void onBytes(ByteBuffer data) {
            byte[] b = new byte[data.remaining()];
            data.get(b);
            read.add(b);
          }

          @Override
          public void onClosed(Throwable cause) {}
        };
    try (Transport.Listener listener =
        transport.listen("pump", 0, Limits.DEFAULTS, server -> server.start(reader))) {
      Connection client =
          transport
              .connect("pump", listener.port(), Limits.DEFAULTS)
              .toCompletableFuture()
              .get(5, TimeUnit.SECONDS);
      client.write(new byte[] {1, 2});
      Thread other = new Thread(() -> client.write(new byte[] {3}));
      other.start();
      other.join(TimeUnit.SECONDS.toMillis(5));
      assertThat(read).isEmpty();

      assertThat(PumpTransport.pump()).isTrue();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      read.forEach(all::writeBytes);
      assertThat(read).hasSize(1);
      assertThat(all.toByteArray()).containsExactly(1, 2, 3);
      assertThat(PumpTransport.pump()).isFalse();

      client.close();
      assertThatThrownBy(() -> client.write(new byte[] {4}))
          .isInstanceOf(ConnectionLostException.class);
      assertThat(PumpTransport.pump()).isTrue(); // the close
      assertThat(PumpTransport.openConnections()).isZero();
    }
  }
}
