/**
 * The TCP transport on Netty, found by {@link java.util.ServiceLoader} under the name {@code tcp}.
 *
 * <p>{@link org.amp4j.transport.tcp.TcpTransport} is the only public type; Netty types never leave
 * this package.
 */
package org.amp4j.transport.tcp;
