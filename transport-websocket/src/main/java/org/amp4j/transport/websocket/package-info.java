/**
 * A WebSocket transport on Netty: binary messages carried as a byte stream, with HTTP Basic
 * authentication on the server side. Accepts a Buildbot worker's connection (protocol {@code
 * msgpack_experimental_v7}), and runs any amp4j codec as the {@code ws} transport.
 *
 * <p>Public: {@link org.amp4j.transport.websocket.WebSocketServer}, {@link
 * org.amp4j.transport.websocket.WebSocketClient}, {@link
 * org.amp4j.transport.websocket.WebSocketTransport} and their settings; Netty types never leave
 * this package.
 */
package org.amp4j.transport.websocket;
