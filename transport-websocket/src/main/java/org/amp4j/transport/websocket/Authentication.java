package org.amp4j.transport.websocket;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outcome of checking an upgrade request's HTTP Basic credentials.
 *
 * @param user the user name the request carried, or null
 * @param refusal the status to refuse the request with, or null to accept it
 * @param reason why it is refused, for the log; never contains the password
 */
record Authentication(String user, HttpResponseStatus refusal, String reason) {

  private static final Logger log = LoggerFactory.getLogger(WebSocketServer.class);

  private static final Authentication ANONYMOUS = new Authentication(null, null, null);

  /**
   * Checks the {@code Authorization} header: 401 when it is missing, is not Basic or the
   * authenticator refuses it; 400 when the Basic credentials cannot be decoded; 500 when the
   * authenticator throws. Accepts anything when there is no authenticator.
   */
  static Authentication check(Authenticator authenticator, HttpHeaders headers) {
    if (authenticator == null) {
      return ANONYMOUS;
    }
    BasicCredentials credentials;
    try {
      credentials = BasicCredentials.parse(headers.get(HttpHeaderNames.AUTHORIZATION));
    } catch (BasicCredentials.MalformedException e) {
      return new Authentication(null, HttpResponseStatus.BAD_REQUEST, e.getMessage());
    }
    if (credentials == null) {
      return new Authentication(null, HttpResponseStatus.UNAUTHORIZED, "no Basic credentials");
    }
    String user = credentials.user();
    try {
      if (authenticator.authenticate(user, credentials.password())) {
        return new Authentication(user, null, null);
      }
    } catch (RuntimeException e) {
      log.warn("the authenticator failed for user '{}'", HttpRefusals.printable(user), e);
      return new Authentication(
          user, HttpResponseStatus.INTERNAL_SERVER_ERROR, "the authenticator failed");
    }
    return new Authentication(user, HttpResponseStatus.UNAUTHORIZED, "wrong credentials");
  }
}
