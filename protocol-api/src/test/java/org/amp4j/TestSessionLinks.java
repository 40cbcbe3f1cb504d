package org.amp4j;

import java.util.List;

/** Session links for unit tests, not attached to anything yet. */
final class TestSessionLinks {
  private TestSessionLinks() {}

  /** A link with the default session settings, speaking AMP, whose owner ignores what happens. */
  static SessionLink withDefaults(String id) {
    return with(id, SessionConfig.builder().enabled(true).build());
  }

  /** A link with these session settings, speaking AMP, whose owner ignores what happens. */
  static SessionLink with(String id, SessionConfig session) {
    return new SessionLink(
        id,
        new byte[16],
        "amp",
        List.of(),
        PeerConfig.builder().session(session).build(),
        (l, cause) -> {});
  }
}
