package org.amp4j.transport.tcp;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.amp4j.codectest.NameCodec.named;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.amp4j.ConnectionLostException;
import org.amp4j.EncodingException;
import org.amp4j.LimitExceededException;
import org.amp4j.Limits;
import org.amp4j.codectest.NameCodec;
import org.amp4j.spi.Codec;
import org.amp4j.spi.OutboundMessage;
import org.junit.jupiter.api.Test;

/** {@link NettyConnection#write(Codec, OutboundMessage)}: messages encoded into the batch. */
class EncodedWritesTest {

  private static final long WAIT = RecordingHandler.WAIT_SECONDS;

  private static final Codec CODEC = new NameCodec();

  @Test
  void messages_onAndOffTheEventLoop_arriveInOrder_amongFramesWrittenAsArrays() throws Exception {
    try (Loopback loop = Loopback.open()) {
      RecordingHandler client = new RecordingHandler();
      loop.client.start(client);
      ByteArrayOutputStream sent = new ByteArrayOutputStream();
      String large = "L".repeat(5 * NettyConnection.BATCH_BYTES); // grows the batch
      CompletableFuture<Integer> capacityAfter = new CompletableFuture<>();
      // from this thread: encoded into an array and queued
      loop.server.write(CODEC, named("first;"));
      sent.writeBytes("first;".getBytes(US_ASCII));
      // on the event loop: encoded into the batch, between frames written as arrays
      List<String> onLoop = List.of("small;", large, "after;");
      loop.server.start(
          new RecordingHandler(
              bytes -> {
                loop.server.write("array;".getBytes(US_ASCII));
                for (String name : onLoop) {
                  loop.server.write(CODEC, named(name));
                }
                loop.server.write(new byte[] {'h', ';'}, 2, "-tail-".getBytes(US_ASCII), 1, 4);
                capacityAfter.complete(loop.server.batchCapacity());
              }));
      sent.writeBytes("array;".getBytes(US_ASCII));
      onLoop.forEach(name -> sent.writeBytes(name.getBytes(US_ASCII)));
      sent.writeBytes("h;tail".getBytes(US_ASCII));

      loop.client.write(new byte[] {1});

      assertThat(client.awaitBytes(sent.size())).asString(US_ASCII).isEqualTo(sent.toString());
      // the large message grew the batch beyond what is kept: it was replaced once handed over
      assertThat(capacityAfter.get(WAIT, TimeUnit.SECONDS))
          .isLessThanOrEqualTo(NettyConnection.MAX_KEPT_BATCH);
      loop.server.close();
      assertThat(client.awaitClosed()).isNull();
      assertThat(loop.server.pendingWriteBytes()).isZero();
    }
  }

  @Test
  void failedEncoding_onTheEventLoop_leavesNothingOfTheMessage() throws Exception {
    try (Loopback loop = Loopback.open()) {
      assertThat(refusedOnTheLoop(loop, "before;", "bad-message;", "after"))
          .isInstanceOf(EncodingException.class)
          .hasMessage("cannot encode bad-message;");
    }
  }

  @Test
  void messageOverMaxPendingWriteBytes_isRefused_andNothingOfItIsQueued() throws Exception {
    Limits limits = Limits.DEFAULTS.toBuilder().maxPendingWriteBytes(1_000).build();
    try (Loopback loop = Loopback.open(limits)) {
      assertThat(refusedOnTheLoop(loop, "", "x".repeat(1_001), "ok"))
          .isInstanceOf(LimitExceededException.class)
          .hasMessageContaining("maxPendingWriteBytes 1000");
      assertThat(loop.server.pendingWriteBytes()).isZero();
    }
  }

  /**
   * Writes {@code before}, {@code refused} and {@code after} on the server's event loop, when the
   * client's first byte arrives, checks that the client receives exactly {@code before} and {@code
   * after} up to the server's close, and returns what writing {@code refused} threw (null if
   * nothing).
   */
  private static Throwable refusedOnTheLoop(
      Loopback loop, String before, String refused, String after) throws Exception {
    RecordingHandler client = new RecordingHandler();
    loop.client.start(client);
    CompletableFuture<Throwable> failure = new CompletableFuture<>();
    loop.server.start(
        new RecordingHandler(
            bytes -> {
              if (!before.isEmpty()) {
                loop.server.write(CODEC, named(before));
              }
              try {
                loop.server.write(CODEC, named(refused));
                failure.complete(null);
              } catch (RuntimeException e) {
                failure.complete(e);
              }
              loop.server.write(CODEC, named(after));
            }));

    loop.client.write(new byte[] {1});

    Throwable thrown = failure.get(WAIT, TimeUnit.SECONDS);
    String expected = before + after;
    assertThat(client.awaitBytes(expected.length())).asString(US_ASCII).isEqualTo(expected);
    loop.server.close();
    assertThat(client.awaitClosed()).isNull();
    assertThat(client.received()).hasSize(expected.length());
    return thrown;
  }

  @Test
  void message_afterClose_failsWithConnectionLost() throws Exception {
    try (Loopback loop = Loopback.open()) {
      loop.server.start(new RecordingHandler());
      loop.server.close();
      assertThatThrownBy(() -> loop.server.write(CODEC, named("late")))
          .isInstanceOf(ConnectionLostException.class);
    }
  }
}
