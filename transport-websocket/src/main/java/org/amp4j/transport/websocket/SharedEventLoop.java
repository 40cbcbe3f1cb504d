package org.amp4j.transport.websocket;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The one event loop group shared by every WebSocket server and client in the process.
 *
 * <p>Created on first use with Netty's default number of threads (twice the processors) and never
 * shut down. Its threads are daemons named {@code amp4j-ws-…}, so a program whose own threads have
 * finished exits even while connections are open.
 */
final class SharedEventLoop {

  private SharedEventLoop() {}

  /** The shared group, created on first call. */
  static EventLoopGroup group() {
    return Holder.GROUP;
  }

  // Initialization-on-demand holder: the group is created, thread-safely, on first use only.
  private static final class Holder {
    static final EventLoopGroup GROUP =
        new MultiThreadIoEventLoopGroup(
            0, new DefaultThreadFactory("amp4j-ws", true), NioIoHandler.newFactory());
  }
}
