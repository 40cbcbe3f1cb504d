package org.amp4j.transport.tcp;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.amp4j.ConnectionLostException;
import org.amp4j.EncodingException;
import org.amp4j.LimitExceededException;
import org.amp4j.Limits;
import org.amp4j.spi.Codec;
import org.amp4j.spi.FrameBuffer;
import org.amp4j.spi.MessageDecoder;
import org.amp4j.spi.OutboundMessage;
import org.junit.jupiter.api.Test;

/** {@link NettyConnection#write(Codec, OutboundMessage)}: messages encoded into the batch. */
class EncodedWritesTest {

  private static final long WAIT = RecordingHandler.WAIT_SECONDS;

  /**
   * Encodes a call as its command name's bytes; a name starting with {@code bad} fails half-way,
   * after writing some of its bytes.
   */
  private static final class NameCodec implements Codec {
    @Override
    public String name() {
      return "names";
    }

    @Override
    public byte[] encode(OutboundMessage message) {
      FrameBuffer out = new FrameBuffer(0);
      encode(message, out);
      return Arrays.copyOf(out.array(), out.size());
    }

    @Override
    public void encode(OutboundMessage message, FrameBuffer out) {
      byte[] name = message.command().getBytes(US_ASCII);
      if (message.command().startsWith("bad")) {
        out.write(name, 0, name.length / 2);
        throw new EncodingException("cannot encode " + message.command());
      }
      out.write(name);
    }

    @Override
    public MessageDecoder newDecoder() {
      throw new UnsupportedOperationException();
    }
  }

  private static final Codec CODEC = new NameCodec();

  private static OutboundMessage named(String name) {
    return OutboundMessage.call(name, null, List.of());
  }

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
      RecordingHandler client = new RecordingHandler();
      loop.client.start(client);
      CompletableFuture<Throwable> failure = new CompletableFuture<>();
      loop.server.start(
          new RecordingHandler(
              bytes -> {
                loop.server.write(CODEC, named("before;"));
                try {
                  loop.server.write(CODEC, named("bad-message;"));
                  failure.complete(null);
                } catch (RuntimeException e) {
                  failure.complete(e);
                }
                loop.server.write(CODEC, named("after"));
              }));

      loop.client.write(new byte[] {1});

      assertThat(failure.get(WAIT, TimeUnit.SECONDS))
          .isInstanceOf(EncodingException.class)
          .hasMessage("cannot encode bad-message;");
      assertThat(client.awaitBytes(12)).asString(US_ASCII).isEqualTo("before;after");
      loop.server.close();
      assertThat(client.awaitClosed()).isNull();
      assertThat(client.received()).hasSize(12);
    }
  }

  @Test
  void messageOverMaxPendingWriteBytes_isRefused_andNothingOfItIsQueued() throws Exception {
    Limits limits = Limits.DEFAULTS.toBuilder().maxPendingWriteBytes(1_000).build();
    try (Loopback loop = Loopback.open(limits)) {
      RecordingHandler client = new RecordingHandler();
      loop.client.start(client);
      CompletableFuture<Throwable> failure = new CompletableFuture<>();
      loop.server.start(
          new RecordingHandler(
              bytes -> {
                try {
                  loop.server.write(CODEC, named("x".repeat(1_001)));
                  failure.complete(null);
                } catch (RuntimeException e) {
                  failure.complete(e);
                }
                loop.server.write(CODEC, named("ok"));
              }));

      loop.client.write(new byte[] {1});

      assertThat(failure.get(WAIT, TimeUnit.SECONDS))
          .isInstanceOf(LimitExceededException.class)
          .hasMessageContaining("maxPendingWriteBytes 1000");
      assertThat(client.awaitBytes(2)).asString(US_ASCII).isEqualTo("ok");
      loop.server.close();
      assertThat(client.awaitClosed()).isNull();
      assertThat(client.received()).hasSize(2);
      assertThat(loop.server.pendingWriteBytes()).isZero();
    }
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
