/**
 * Buildbot's worker protocol {@code msgpack_experimental_v7} on amp4j: a master-side API that
 * drives unmodified {@code buildbot-worker} 3.7 processes over WebSocket.
 *
 * <ul>
 *   <li>{@link org.amp4j.buildbot.BuildbotMaster} listens for workers and keeps the registry of
 *       those connected; {@link org.amp4j.buildbot.Worker} runs commands on one of them ({@link
 *       org.amp4j.buildbot.ShellCommand}, file-system commands, file transfers), each a {@link
 *       org.amp4j.buildbot.RunningCommand} whose output streams to a {@link
 *       org.amp4j.buildbot.CommandListener}.
 *   <li>{@link org.amp4j.buildbot.BuildbotCodecProvider} plugs the protocol's message format, the
 *       {@code buildbot} codec, into amp4j; the protocol's requests are package-private typed
 *       commands, and {@link org.amp4j.buildbot.BuildbotTypes#ANY} carries its heterogeneous
 *       values.
 * </ul>
 *
 * <p>The protocol as the 3.7.0 worker really speaks it is described in {@code buildbot-msgpack.md};
 * the section numbers cited in this package refer to it.
 */
package org.amp4j.buildbot;
