package org.amp4j.transport.websocket;

/**
 * Checks HTTP Basic credentials of an upgrade request.
 *
 * <p>Called on a Netty event loop thread, once per upgrade request that carries decodable {@code
 * Authorization: Basic} credentials, so it must be thread-safe and must not block. A request it
 * refuses is answered {@code 401 Unauthorized}; one it throws for is answered {@code 500 Internal
 * Server Error}. Either way the connection closes.
 */
@FunctionalInterface
public interface Authenticator {

  /**
   * Whether the credentials are good.
   *
   * @param user the user name: the decoded credentials up to their first colon
   * @param password the password: everything after that colon (it may contain colons itself)
   */
  boolean authenticate(String user, String password);
}
