package org.amp4j.transport.tcp;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The one event loop group shared by every {@link TcpTransport} in the process.
 *
 * <p>It is created on first use, with Netty's default number of threads (twice the processors), and
 * never shut down. Its threads are daemons, so a program whose own threads have finished exits even
 * while connections are open; bytes still queued for writing at that moment are lost, so close
 * connections first when they matter.
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
            0, new DefaultThreadFactory("amp4j-tcp", true), NioIoHandler.newFactory());
  }
}
