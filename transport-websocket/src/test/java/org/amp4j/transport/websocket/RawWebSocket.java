package org.amp4j.transport.websocket;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.amp4j.transport.tcp.RecordingHandler;

/**
 * A WebSocket client written by hand over a plain socket (RFC 6455), to see the server's bytes
 * exactly: raw HTTP requests, frames built and parsed here.
 */
final class RawWebSocket implements AutoCloseable {

  static final int TEXT = 1;
  static final int BINARY = 2;
  static final int CONTINUATION = 0;
  static final int CLOSE = 8;
  static final int PING = 9;
  static final int PONG = 10;

  /** The key of RFC 6455's example. */
  static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";

  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;
  private final int port;

  /** An HTTP response's status line and headers (names in lower case). */
  record Head(String statusLine, Map<String, List<String>> headers) {
    String header(String name) {
      List<String> values = headers.get(name);
      return values == null ? null : String.join(", ", values);
    }
  }

  /** A frame as it was on the wire, payload unmasked. */
  record Frame(boolean fin, int opcode, boolean masked, byte[] payload) {
    int closeStatus() {
      return payload.length < 2 ? -1 : ((payload[0] & 0xff) << 8) | (payload[1] & 0xff);
    }
  }

  RawWebSocket(int port) throws IOException {
    this.port = port;
    socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(RecordingHandler.WAIT_SECONDS));
    in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
    out = socket.getOutputStream();
  }

  /**
   * A minimal valid upgrade request to {@code /}, with extra header lines (each ending in CRLF).
   */
  String request(String extraHeaders) {
    return "GET / HTTP/1.1\r\n"
        + "Host: 127.0.0.1:"
        + port
        + "\r\n"
        + "Upgrade: websocket\r\n"
        + "Connection: Upgrade\r\n"
        + "Sec-WebSocket-Key: "
        + KEY
        + "\r\n"
        + "Sec-WebSocket-Version: 13\r\n"
        + extraHeaders
        + "\r\n";
  }

  /** Sends a minimal upgrade request and checks that it is answered 101. */
  Head upgrade(String extraHeaders) throws IOException {
    send(request(extraHeaders));
    Head head = readHead();
    if (!head.statusLine().startsWith("HTTP/1.1 101")) {
      throw new AssertionError("not upgraded: " + head);
    }
    return head;
  }

  void send(String text) throws IOException {
    out.write(text.getBytes(ISO_8859_1));
    out.flush();
  }

  int port() {
    return port;
  }

  /** Reads a response's status line and headers, up to and including the empty line. */
  Head readHead() throws IOException {
    String status = readLine();
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String line = readLine(); !line.isEmpty(); line = readLine()) {
      int colon = line.indexOf(':');
      headers
          .computeIfAbsent(line.substring(0, colon).trim().toLowerCase(), k -> new ArrayList<>())
          .add(line.substring(colon + 1).trim());
    }
    return new Head(status, headers);
  }

  private String readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new EOFException("end of stream in an HTTP head after " + line);
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(ISO_8859_1);
  }

  /** Writes one masked frame, as a client must. */
  void writeFrame(boolean fin, int opcode, byte[] payload) throws IOException {
    writeFrame(fin, opcode, payload, true);
  }

  /** Writes one frame, masked or not, with the shortest length encoding. */
  void writeFrame(boolean fin, int opcode, byte[] payload, boolean masked) throws IOException {
    ByteBuffer frame = ByteBuffer.allocate(14 + payload.length);
    frame.put((byte) ((fin ? 0x80 : 0) | opcode));
    int maskBit = masked ? 0x80 : 0;
    if (payload.length < 126) {
      frame.put((byte) (maskBit | payload.length));
    } else if (payload.length < 65_536) {
      frame.put((byte) (maskBit | 126)).putShort((short) payload.length);
    } else {
      frame.put((byte) (maskBit | 127)).putLong(payload.length);
    }
    byte[] mask = {0x37, (byte) 0xfa, 0x21, 0x3d};
    if (masked) {
      frame.put(mask);
    }
    for (int i = 0; i < payload.length; i++) {
      frame.put((byte) (masked ? payload[i] ^ mask[i % 4] : payload[i]));
    }
    out.write(frame.array(), 0, frame.position());
    out.flush();
  }

  /** A close frame's payload: the status, then the reason. */
  static byte[] closePayload(int status, String reason) {
    byte[] text = reason.getBytes(US_ASCII);
    return ByteBuffer.allocate(2 + text.length).putShort((short) status).put(text).array();
  }

  /** Reads one frame. */
  Frame readFrame() throws IOException {
    int first = in.readUnsignedByte();
    int second = in.readUnsignedByte();
    long length = second & 0x7f;
    if (length == 126) {
      length = in.readUnsignedShort();
    } else if (length == 127) {
      length = in.readLong();
    }
    boolean masked = (second & 0x80) != 0;
    byte[] mask = new byte[4];
    if (masked) {
      in.readFully(mask);
    }
    byte[] payload = new byte[Math.toIntExact(length)];
    in.readFully(payload);
    if (masked) {
      for (int i = 0; i < payload.length; i++) {
        payload[i] ^= mask[i % 4];
      }
    }
    return new Frame((first & 0x80) != 0, first & 0x0f, masked, payload);
  }

  /** Whether the server closed the connection: end of stream (or a reset) within the timeout. */
  boolean closedByServer() throws IOException {
    try {
      return in.read() < 0;
    } catch (SocketException e) {
      return true; // reset
    }
  }

  InputStream input() {
    return in;
  }

  /** The Sec-WebSocket-Accept value for a key (RFC 6455, section 4.2.2). */
  static String accept(String key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-1")
              .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(US_ASCII));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
