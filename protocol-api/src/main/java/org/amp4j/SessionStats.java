package org.amp4j;

/**
 * A snapshot of a session's counts, from {@link Peer#session()}.
 *
 * @param id the session's current id
 * @param connected whether a connection is under the session now
 * @param disconnects connections under the session that dropped
 * @param resumes times the session resumed on a new connection
 * @param replayed messages sent again after a resume
 * @param duplicatesDropped messages received twice and dropped
 * @param heartbeatTimeouts connections dropped because nothing was heard for too long
 * @param losses times the session was lost (and replaced, or ended)
 */
public record SessionStats(
    String id,
    boolean connected,
    long disconnects,
    long resumes,
    long replayed,
    long duplicatesDropped,
    long heartbeatTimeouts,
    long losses) {}
