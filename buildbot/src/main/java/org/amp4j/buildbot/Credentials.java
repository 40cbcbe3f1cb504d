package org.amp4j.buildbot;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;
import org.amp4j.transport.websocket.Authenticator;

/**
 * Checks a worker's name and password against the master's table. Passwords are compared as SHA-256
 * digests with {@link MessageDigest#isEqual}, so the time taken depends neither on where they
 * differ nor on their lengths; an unknown name costs the same as a wrong password. Immutable and
 * thread-safe.
 */
final class Credentials implements Authenticator {

  private static final byte[] NO_SUCH_WORKER = sha256("\0no such worker\0");

  private final Map<String, byte[]> digests = new HashMap<>();

  Credentials(Map<String, String> passwords) {
    passwords.forEach((name, password) -> digests.put(name, sha256(password)));
  }

  @Override
  public boolean authenticate(String user, String password) {
    byte[] expected = digests.get(user);
    boolean same =
        MessageDigest.isEqual(expected == null ? NO_SUCH_WORKER : expected, sha256(password));
    return expected != null && same;
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
