package org.amp4j.transport.websocket;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** Formats socket addresses for messages and logs. */
final class Addresses {

  private Addresses() {}

  /** An address as {@code 127.0.0.1:4242} or {@code [::1]:4242}. */
  static String describe(SocketAddress address) {
    if (address instanceof InetSocketAddress inet) {
      String host =
          inet.getAddress() == null ? inet.getHostString() : inet.getAddress().getHostAddress();
      return hostPort(host, inet.getPort());
    }
    return String.valueOf(address);
  }

  /** {@code host:port}, with an IPv6 host in brackets. */
  static String hostPort(String host, int port) {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }
}
