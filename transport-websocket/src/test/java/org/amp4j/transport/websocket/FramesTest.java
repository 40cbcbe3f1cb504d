package org.amp4j.transport.websocket;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.amp4j.ConnectionLostException;
import org.amp4j.LimitExceededException;
import org.amp4j.Limits;
import org.amp4j.ProtocolException;
import org.amp4j.transport.tcp.RecordingHandler;
import org.junit.jupiter.api.Test;

/** Frames after the upgrade, written and read by hand on the client side. */
class FramesTest {

  private static final WebSocketServerConfig STREAM = WebSocketServerConfig.builder().build();

  private static final WebSocketServerConfig PREFIXED =
      WebSocketServerConfig.builder().framing(Framing.LENGTH_PREFIXED).build();

  @Test
  void textMessage_isIgnored_andTheConnectionStaysOpen() throws Exception {
    try (Accepting server = new Accepting(STREAM);
        RawWebSocket raw = server.raw()) {
      raw.upgrade("");
      RecordingHandler handler = server.startNext();
      raw.writeFrame(true, RawWebSocket.TEXT, "ignored".getBytes(US_ASCII));
      raw.writeFrame(true, RawWebSocket.BINARY, "kept".getBytes(US_ASCII));
      assertThat(handler.awaitBytes(4)).asString(US_ASCII).isEqualTo("kept");
      assertThat(handler.isClosed()).isFalse();
    }
  }

  @Test
  void ping_isAnsweredWithPong_carryingTheSamePayload() throws Exception {
    try (Accepting server = new Accepting(STREAM);
        RawWebSocket raw = server.raw()) {
      raw.upgrade("");
      RecordingHandler handler = server.startNext();
      raw.writeFrame(true, RawWebSocket.PING, "are you there".getBytes(US_ASCII));
      RawWebSocket.Frame pong = raw.readFrame();
      assertThat(pong.opcode()).isEqualTo(RawWebSocket.PONG);
      assertThat(pong.payload()).asString(US_ASCII).isEqualTo("are you there");
      assertThat(handler.received()).isEmpty();
    }
  }

  @Test
  void fragmentedBinaryMessage_isDeliveredAsOneMessage() throws Exception {
    try (Accepting server = new Accepting(PREFIXED);
        RawWebSocket raw = server.raw()) {
      raw.upgrade("");
      RecordingHandler handler = server.startNext();
      raw.writeFrame(false, RawWebSocket.BINARY, "hel".getBytes(US_ASCII));
      raw.writeFrame(false, RawWebSocket.CONTINUATION, "lo ".getBytes(US_ASCII));
      raw.writeFrame(true, RawWebSocket.CONTINUATION, "world".getBytes(US_ASCII));
      byte[] received = handler.awaitBytes(4 + 11);
      assertThat(Arrays.copyOf(received, 4)).containsExactly(0, 0, 0, 11);
      assertThat(Arrays.copyOfRange(received, 4, received.length))
          .asString(US_ASCII)
          .isEqualTo("hello world");
    }
  }

  @Test
  void oversizedMessage_closesWith1009_andReportsTheLimit() throws Exception {
    WebSocketServerConfig small = STREAM.toBuilder().maxMessageBytes(1024).build();
    try (Accepting server = new Accepting(small);
        RawWebSocket raw = server.raw()) {
      raw.upgrade("");
      RecordingHandler handler = server.startNext();
      raw.writeFrame(true, RawWebSocket.BINARY, new byte[2000]);
      RawWebSocket.Frame close = raw.readFrame();
      assertThat(close.opcode()).isEqualTo(RawWebSocket.CLOSE);
      assertThat(close.closeStatus()).isEqualTo(1009);
      assertThat(raw.closedByServer()).isTrue();
      assertThat(handler.awaitClosed())
          .isInstanceOf(LimitExceededException.class)
          .hasMessageMatching(
              "WebSocket message from 127\\.0\\.0\\.1:\\d+ exceeds maxMessageBytes 1024");
      assertThat(handler.received()).isEmpty();
      assertThat(handler.closeCount()).isEqualTo(1);
    }
  }

  @Test
  void oversizedFragmentedMessage_closesWith1009() throws Exception {
    WebSocketServerConfig small = STREAM.toBuilder().maxMessageBytes(1024).build();
    try (Accepting server = new Accepting(small);
        RawWebSocket raw = server.raw()) {
      raw.upgrade("");
      RecordingHandler handler = server.startNext();
      raw.writeFrame(false, RawWebSocket.BINARY, new byte[600]);
      raw.writeFrame(true, RawWebSocket.CONTINUATION, new byte[600]);
      RawWebSocket.Frame close = raw.readFrame();
      assertThat(close.opcode()).isEqualTo(RawWebSocket.CLOSE);
      assertThat(close.closeStatus()).isEqualTo(1009);
      assertThat(handler.awaitClosed())
          .isInstanceOf(LimitExceededException.class)
          .hasMessageEndingWith("exceeds maxMessageBytes 1024");
      assertThat(handler.received()).isEmpty();
    }
  }

  @Test
  void oversizedMessageToTheClient_closesWith1009_seenByBothSides() throws Exception {
    try (Accepting server = new Accepting(STREAM)) {
      WebSocketConnection client =
          WebSocketClient.connect(
                  Loopback.uri(server.server), null, null, Framing.STREAM, 100, Limits.DEFAULTS)
              .toCompletableFuture()
              .get(RecordingHandler.WAIT_SECONDS, TimeUnit.SECONDS);
      WebSocketConnection accepted = server.next();
      RecordingHandler serverSide = new RecordingHandler(Loopback.LOOP_THREADS);
      accepted.start(serverSide);
      RecordingHandler clientSide = new RecordingHandler(Loopback.LOOP_THREADS);
      client.start(clientSide);
      accepted.write(new byte[200]);
      assertThat(clientSide.awaitClosed())
          .isInstanceOf(LimitExceededException.class)
          .hasMessageEndingWith("exceeds maxMessageBytes 100");
      assertThat(serverSide.awaitClosed())
          .isInstanceOf(ConnectionLostException.class)
          .hasMessageContaining("closed the WebSocket with status 1009");
      assertThat(clientSide.received()).isEmpty();
    }
  }

  @Test
  void closeFrameFromClient_isAnswered_andClosesOrderlyOnce() throws Exception {
    try (Accepting server = new Accepting(STREAM);
        RawWebSocket raw = server.raw()) {
      raw.upgrade("");
      WebSocketConnection connection = server.next();
      RecordingHandler handler = new RecordingHandler(Loopback.LOOP_THREADS);
      connection.start(handler);
      raw.writeFrame(true, RawWebSocket.CLOSE, RawWebSocket.closePayload(1000, "done"));
      RawWebSocket.Frame answer = raw.readFrame();
      assertThat(answer.opcode()).isEqualTo(RawWebSocket.CLOSE);
      assertThat(answer.closeStatus()).isEqualTo(1000);
      assertThat(raw.closedByServer()).isTrue();
      assertThat(handler.awaitClosed()).isNull();
      assertThat(handler.closeCount()).isEqualTo(1);
    }
  }

  @Test
  void closeFrameWithAnErrorStatus_isReportedAsConnectionLost() throws Exception {
    try (Accepting server = new Accepting(STREAM);
        RawWebSocket raw = server.raw()) {
      raw.upgrade("");
      RecordingHandler handler = server.startNext();
      raw.writeFrame(true, RawWebSocket.CLOSE, RawWebSocket.closePayload(1011, "crashed"));
      assertThat(raw.readFrame().closeStatus()).isEqualTo(1011);
      assertThat(handler.awaitClosed())
          .isInstanceOf(ConnectionLostException.class)
          .hasMessageEndingWith("closed the WebSocket with status 1011: crashed");
    }
  }

  @Test
  void serverClose_sendsQueuedMessages_thenCloseFrame1000() throws Exception {
    try (Accepting server = new Accepting(STREAM);
        RawWebSocket raw = server.raw()) {
      raw.upgrade("");
      WebSocketConnection connection = server.next();
      RecordingHandler handler = new RecordingHandler(Loopback.LOOP_THREADS);
      connection.start(handler);
      connection.write("last words".getBytes(US_ASCII));
      connection.close();

      RawWebSocket.Frame data = raw.readFrame();
      assertThat(data.payload()).asString(US_ASCII).isEqualTo("last words");
      RawWebSocket.Frame close = raw.readFrame();
      assertThat(close.opcode()).isEqualTo(RawWebSocket.CLOSE);
      assertThat(close.closeStatus()).isEqualTo(1000);
      raw.writeFrame(true, RawWebSocket.CLOSE, RawWebSocket.closePayload(1000, ""));
      assertThat(raw.closedByServer()).isTrue();
      assertThat(handler.awaitClosed()).isNull();
      assertThat(handler.closeCount()).isEqualTo(1);
    }
  }

  @Test
  void unmaskedClientFrame_closesWith1002_asAProtocolError() throws Exception {
    try (Accepting server = new Accepting(STREAM);
        RawWebSocket raw = server.raw()) {
      raw.upgrade("");
      RecordingHandler handler = server.startNext();
      raw.writeFrame(true, RawWebSocket.BINARY, new byte[] {1, 2, 3}, false);
      assertThat(raw.readFrame().closeStatus()).isEqualTo(1002);
      assertThat(handler.awaitClosed())
          .isInstanceOf(ProtocolException.class)
          .hasMessageStartingWith("WebSocket protocol error from 127.0.0.1:");
      assertThat(handler.received()).isEmpty();
    }
  }

  @Test
  void binaryMessagesSentBeforeStart_areDeliveredAfterIt() throws Exception {
    try (Accepting server = new Accepting(STREAM);
        RawWebSocket raw = server.raw()) {
      raw.upgrade("");
      WebSocketConnection connection = server.next();
      raw.writeFrame(true, RawWebSocket.BINARY, "early".getBytes(US_ASCII));
      raw.writeFrame(true, RawWebSocket.BINARY, " bird".getBytes(US_ASCII));
      RecordingHandler handler = new RecordingHandler(Loopback.LOOP_THREADS);
      connection.start(handler);
      assertThat(handler.awaitBytes(10)).asString(US_ASCII).isEqualTo("early bird");
    }
  }
}
