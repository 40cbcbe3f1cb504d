package org.amp4j.transport.websocket;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import org.amp4j.Limits;
import org.amp4j.transport.tcp.RecordingHandler;
import org.junit.jupiter.api.Test;

/** {@link Framing#LENGTH_PREFIXED}: frames in writes, one binary message per frame. */
class LengthPrefixedTest {

  private static final WebSocketServerConfig PREFIXED =
      WebSocketServerConfig.builder().framing(Framing.LENGTH_PREFIXED).build();

  /** Frames {@code [length][payload]} for each payload, concatenated. */
  static byte[] frames(String... payloads) {
    int size = 0;
    for (String p : payloads) {
      size += 4 + p.length();
    }
    ByteBuffer b = ByteBuffer.allocate(size);
    for (String p : payloads) {
      b.putInt(p.length()).put(p.getBytes(US_ASCII));
    }
    return b.array();
  }

  @Test
  void payloads_locatesEveryFrame() {
    assertThat(LengthPrefixed.payloads(frames("abc", "", "de")))
        .containsExactly(4, 3, 11, 0, 15, 2);
    assertThat(LengthPrefixed.payloads(new byte[0])).isEmpty();
  }

  @Test
  void payloads_ofPartialFrames_fail() {
    assertThatThrownBy(() -> LengthPrefixed.payloads(new byte[] {0, 0, 0, 5, 1, 2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "write of 6 bytes is not made of whole length-prefixed frames: at offset 0 there is a"
                + " length of 5 but only 2 bytes follow");
    byte[] trailing = {0, 0, 0, 1, 9, 0, 0};
    assertThatThrownBy(() -> LengthPrefixed.payloads(trailing))
        .hasMessageEndingWith("at offset 5 there is 2 bytes, too few for a length");
    assertThatThrownBy(() -> LengthPrefixed.payloads(new byte[] {(byte) 0x80, 0, 0, 0}))
        .hasMessageContaining("a negative length");
  }

  @Test
  void prefixed_putsTheLengthInFront() {
    ByteBuf payload = Unpooled.copiedBuffer("xyz", US_ASCII);
    try {
      ByteBuffer framed = LengthPrefixed.prefixed(payload);
      byte[] bytes = new byte[framed.remaining()];
      framed.get(bytes);
      assertThat(bytes).isEqualTo(frames("xyz"));
      assertThat(payload.readerIndex()).isZero();
    } finally {
      payload.release();
    }
  }

  @Test
  void severalFramesInOneWrite_areSentAsSeparateBinaryMessages() throws Exception {
    try (Accepting server = new Accepting(PREFIXED);
        RawWebSocket raw = server.raw()) {
      raw.upgrade("");
      WebSocketConnection connection = server.next();
      connection.start(new RecordingHandler(Loopback.LOOP_THREADS));
      connection.write(frames("abc", "d", ""));
      for (String expected : new String[] {"abc", "d", ""}) {
        RawWebSocket.Frame frame = raw.readFrame();
        assertThat(frame.opcode()).isEqualTo(RawWebSocket.BINARY);
        assertThat(frame.fin()).isTrue();
        assertThat(frame.payload()).asString(US_ASCII).isEqualTo(expected);
      }
    }
  }

  @Test
  void partialFrameWrite_throws_andSendsNothing() throws Exception {
    try (Accepting server = new Accepting(PREFIXED);
        RawWebSocket raw = server.raw()) {
      raw.upgrade("");
      WebSocketConnection connection = server.next();
      connection.start(new RecordingHandler(Loopback.LOOP_THREADS));
      byte[] wholeThenPartial = {0, 0, 0, 1, 'a', 0, 0, 0, 9, 'b'};
      assertThatThrownBy(() -> connection.write(wholeThenPartial))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("at offset 5");
      connection.write(frames("ok"));
      assertThat(raw.readFrame().payload()).asString(US_ASCII).isEqualTo("ok");
    }
  }

  @Test
  void receivedMessages_areDeliveredWithTheirLength() throws Exception {
    try (Accepting server = new Accepting(PREFIXED);
        RawWebSocket raw = server.raw()) {
      raw.upgrade("");
      RecordingHandler handler = server.startNext();
      raw.writeFrame(true, RawWebSocket.BINARY, "one".getBytes(US_ASCII));
      raw.writeFrame(true, RawWebSocket.BINARY, new byte[0]);
      raw.writeFrame(true, RawWebSocket.BINARY, "three".getBytes(US_ASCII));
      assertThat(handler.awaitBytes(4 + 3 + 4 + 4 + 5)).isEqualTo(frames("one", "", "three"));
    }
  }

  @Test
  void roundTrip_betweenClientAndServer_keepsTheFrames() throws Exception {
    try (Loopback loop = Loopback.open(Framing.LENGTH_PREFIXED, Limits.DEFAULTS)) {
      loop.accepted.start(new RecordingHandler(loop.accepted::write)); // echo, frame for frame
      RecordingHandler client = new RecordingHandler(Loopback.LOOP_THREADS);
      loop.client.start(client);
      byte[] sent = frames("first", "second", "", "fourth");
      loop.client.write(sent.clone());
      assertThat(client.awaitBytes(sent.length)).isEqualTo(sent);
    }
  }
}
