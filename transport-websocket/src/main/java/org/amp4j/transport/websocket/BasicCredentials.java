package org.amp4j.transport.websocket;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * HTTP Basic credentials (RFC 7617): {@code Basic base64(utf8(user ":" password))}.
 *
 * @param user the user name, without colons
 * @param password the password, which may contain colons
 */
record BasicCredentials(String user, String password) {

  /** Thrown for an {@code Authorization} header that names Basic but cannot be decoded. */
  static final class MalformedException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedException(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * The credentials of an {@code Authorization} header value.
   *
   * @return null if the header is absent or names another scheme
   * @throws MalformedException if the Basic credentials are not base64, not UTF-8 or have no colon
   */
  static BasicCredentials parse(String header) throws MalformedException {
    if (header == null) {
      return null;
    }
    String value = header.strip();
    int space = value.indexOf(' ');
    String scheme = space < 0 ? value : value.substring(0, space);
    if (!scheme.equalsIgnoreCase("Basic")) {
      return null;
    }
    String token = space < 0 ? "" : value.substring(space + 1).strip();
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(token);
    } catch (IllegalArgumentException e) {
      throw new MalformedException("Basic credentials are not base64");
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(decoded))
              .toString();
    } catch (CharacterCodingException e) {
      throw new MalformedException("Basic credentials are not UTF-8");
    }
    int colon = text.indexOf(':');
    if (colon < 0) {
      throw new MalformedException("Basic credentials have no colon");
    }
    return new BasicCredentials(text.substring(0, colon), text.substring(colon + 1));
  }

  /** The header value for these credentials. */
  String header() {
    byte[] bytes = (user + ":" + password).getBytes(StandardCharsets.UTF_8);
    return "Basic " + Base64.getEncoder().encodeToString(bytes);
  }

  /** Never shows the password. */
  @Override
  public String toString() {
    return "BasicCredentials[user=" + user + "]";
  }
}
