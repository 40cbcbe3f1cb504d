package org.amp4j.transport.websocket;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.amp4j.ConnectionLostException;
import org.amp4j.Limits;
import org.amp4j.transport.tcp.RecordingHandler;
import org.junit.jupiter.api.Test;

/** HTTP Basic authentication of the upgrade request. */
class AuthenticationTest {

  private final List<String> checked = new CopyOnWriteArrayList<>();

  private final WebSocketServerConfig config =
      WebSocketServerConfig.builder()
          .authenticator(
              (user, password) -> {
                checked.add(user);
                return user.equals("wk1") && password.equals("s3cret:pw");
              })
          .build();

  private CompletableFuture<WebSocketConnection> connect(Accepting server, String user, String pw) {
    return WebSocketClient.connect(
            Loopback.uri(server.server), user, pw, Framing.STREAM, 1024, Limits.DEFAULTS)
        .toCompletableFuture();
  }

  @Test
  void goodCredentials_withColonInPassword_giveTheUserOnTheServerSide() throws Exception {
    try (Loopback loop = Loopback.open(config, "wk1", "s3cret:pw")) {
      assertThat(loop.accepted.user()).isEqualTo("wk1");
      assertThat(loop.client.user()).isNull();
      assertThat(checked).containsExactly("wk1");
      RecordingHandler server = new RecordingHandler(Loopback.LOOP_THREADS);
      loop.accepted.start(server);
      loop.client.start(new RecordingHandler(Loopback.LOOP_THREADS));
      loop.client.write("in".getBytes(US_ASCII));
      assertThat(server.awaitBytes(2)).asString(US_ASCII).isEqualTo("in");
    }
  }

  @Test
  void wrongPassword_failsTheClientWith401() throws Exception {
    try (Accepting server = new Accepting(config)) {
      CompletableFuture<WebSocketConnection> connecting = connect(server, "wk1", "s3cret");
      assertThatThrownBy(() -> connecting.get(Loopback.WAIT, TimeUnit.SECONDS))
          .cause()
          .isInstanceOf(ConnectionLostException.class)
          .hasMessage("WebSocket upgrade refused: 401 Unauthorized");
      assertThat(server.noneAccepted()).isTrue();
    }
  }

  @Test
  void clientWithoutUser_isRefusedWith401() throws Exception {
    try (Accepting server = new Accepting(config)) {
      CompletableFuture<WebSocketConnection> connecting = connect(server, null, null);
      assertThatThrownBy(() -> connecting.get(Loopback.WAIT, TimeUnit.SECONDS))
          .cause()
          .hasMessageContaining("401");
      assertThat(checked).isEmpty();
    }
  }

  @Test
  void missingAuthorization_is401_withABasicChallenge_thenClose() throws Exception {
    try (Accepting server = new Accepting(config);
        RawWebSocket raw = server.raw()) {
      raw.send(raw.request(""));
      RawWebSocket.Head head = raw.readHead();
      assertThat(head.statusLine()).isEqualTo("HTTP/1.1 401 Unauthorized");
      assertThat(head.header("www-authenticate")).isEqualTo("Basic realm=\"amp4j\"");
      raw.input().skipNBytes(Integer.parseInt(head.header("content-length")));
      assertThat(raw.closedByServer()).isTrue();
    }
  }

  @Test
  void undecodableBasicCredentials_are400_withoutAskingTheAuthenticator() throws Exception {
    Base64.Encoder b64 = Base64.getEncoder();
    List<String> malformed =
        List.of(
            "Basic !!not-base64!!",
            "Basic " + b64.encodeToString(new byte[] {'w', (byte) 0xff, ':', 'p'}), // not UTF-8
            "Basic " + b64.encodeToString("no-colon".getBytes(US_ASCII)));
    try (Accepting server = new Accepting(config)) {
      for (String header : malformed) {
        try (RawWebSocket raw = server.raw()) {
          raw.send(raw.request("Authorization: " + header + "\r\n"));
          assertThat(raw.readHead().statusLine()).as(header).isEqualTo("HTTP/1.1 400 Bad Request");
        }
      }
      assertThat(checked).isEmpty();
      assertThat(server.noneAccepted()).isTrue();
    }
  }

  @Test
  void authenticatorThatThrows_is500() throws Exception {
    WebSocketServerConfig failing =
        config.toBuilder()
            .authenticator(
                (user, password) -> {
                  throw new IllegalStateException("expected by the test");
                })
            .build();
    try (Accepting server = new Accepting(failing);
        RawWebSocket raw = server.raw()) {
      raw.send(raw.request("Authorization: Basic d2sxOnMzY3JldDpwdw==\r\n"));
      assertThat(raw.readHead().statusLine()).isEqualTo("HTTP/1.1 500 Internal Server Error");
    }
  }

  @Test
  void parse_splitsAtTheFirstColon_andIgnoresOtherSchemes() throws Exception {
    BasicCredentials c =
        BasicCredentials.parse("basic  " + new BasicCredentials("ü", "a:b").header().substring(6));
    assertThat(c).isEqualTo(new BasicCredentials("ü", "a:b"));
    assertThat(c.toString()).doesNotContain("a:b");
    assertThat(BasicCredentials.parse("Bearer abc")).isNull();
    assertThat(BasicCredentials.parse(null)).isNull();
    assertThat(new BasicCredentials("wk1", "s3cret:pw").header())
        .isEqualTo("Basic d2sxOnMzY3JldDpwdw==");
  }
}
