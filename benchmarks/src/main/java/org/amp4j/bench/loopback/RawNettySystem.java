package org.amp4j.bench.loopback;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.util.concurrent.TimeUnit;

/**
 * The baseline: a hand-written binary Sum over Netty, the practical limit of any protocol on the
 * same transport. Same event loop as amp4j (NIO, twice the processors in threads); writes made
 * while handling a read are flushed once when the read completes.
 *
 * <pre>
 * request:  +--------+---------+--------+--------+
 *           | len=24 | id (8)  | a (8)  | b (8)  |   len is a 4-byte big-endian int
 *           +--------+---------+--------+--------+
 * response: +--------+---------+-----------+
 *           | len=16 | id (8)  | total (8) |
 *           +--------+---------+-----------+
 * </pre>
 */
final class RawNettySystem implements LoopbackSystem {
  static final String NAME = "netty-raw";
  static final int REQUEST_LENGTH = 24;
  static final int RESPONSE_LENGTH = 16;

  private static final class Groups {
    static final EventLoopGroup GROUP =
        new MultiThreadIoEventLoopGroup(
            0, new DefaultThreadFactory("netty-raw", true), NioIoHandler.newFactory());
  }

  static EventLoopGroup group() {
    return Groups.GROUP;
  }

  static LengthFieldBasedFrameDecoder framer() {
    return new LengthFieldBasedFrameDecoder(1024, 0, 4, 0, 4);
  }

  /** How long {@link Server#close()} waits for the JDK to release the listening socket. */
  private static final long RELEASE_WAIT_NANOS = TimeUnit.SECONDS.toNanos(5);

  @Override
  public Server serve() throws InterruptedException, IOException {
    // kept to see when the JDK releases the socket (see close)
    ServerSocketChannel socket = ServerSocketChannel.open();
    Channel listener =
        new ServerBootstrap()
            .group(group())
            .channelFactory(() -> new NioServerSocketChannel(socket))
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ch.pipeline().addLast(framer(), new SumHandler());
                  }
                })
            .bind("127.0.0.1", 0)
            .sync()
            .channel();
    return new Server() {
      @Override
      public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
      }

      /**
       * Closes the listening socket and returns once the port refuses connections: a non-blocking
       * JDK channel closed while registered with a selector stays open, and accepting, until that
       * selector next runs, so the event loop is let turn until then (as amp4j's TCP listener does;
       * this baseline uses none of amp4j).
       */
      @Override
      public void close() {
        listener.close().syncUninterruptibly();
        long deadline = System.nanoTime() + RELEASE_WAIT_NANOS;
        while (socket.isRegistered() && System.nanoTime() - deadline < 0) {
          listener.eventLoop().submit(() -> {}).syncUninterruptibly();
        }
      }
    };
  }

  @Override
  public Caller connect(String host, int port) throws InterruptedException {
    RawNettyClient client = new RawNettyClient();
    Channel channel =
        new Bootstrap()
            .group(group())
            .channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .handler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ch.pipeline().addLast(framer(), client.handler());
                  }
                })
            .connect(host, port)
            .sync()
            .channel();
    client.attach(channel);
    return client;
  }

  /** Answers each request; flushes once per read. */
  private static final class SumHandler extends SimpleChannelInboundHandler<ByteBuf> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf in) {
      if (in.readableBytes() != REQUEST_LENGTH) {
        throw new IllegalStateException(
            "request of " + in.readableBytes() + " bytes, expected " + REQUEST_LENGTH);
      }
      long id = in.readLong();
      long a = in.readLong();
      long b = in.readLong();
      ByteBuf out = ctx.alloc().buffer(4 + RESPONSE_LENGTH);
      out.writeInt(RESPONSE_LENGTH).writeLong(id).writeLong(a + b);
      ctx.write(out, ctx.voidPromise());
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      ctx.flush();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      cause.printStackTrace();
      ctx.close();
    }
  }
}
