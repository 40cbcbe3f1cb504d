package org.amp4j.bench.loopback;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One raw Netty connection (see {@link RawNettySystem} for the layout). Calls are matched to
 * answers by id. A call made on the event loop while it handles answers (the harness's next call)
 * is written then and flushed once when the read completes; other calls are flushed at once.
 */
final class RawNettyClient implements LoopbackSystem.Caller {
  private final Map<Long, CompletableFuture<Long>> pending = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private final Handler handler = new Handler();
  private volatile Channel channel;

  Handler handler() {
    return handler;
  }

  void attach(Channel channel) {
    this.channel = channel;
  }

  @Override
  public CompletionStage<Long> sum(long a, long b) {
    Channel ch = channel;
    long id = ids.incrementAndGet();
    CompletableFuture<Long> answer = new CompletableFuture<>();
    pending.put(id, answer);
    ByteBuf out = ch.alloc().buffer(4 + RawNettySystem.REQUEST_LENGTH);
    out.writeInt(RawNettySystem.REQUEST_LENGTH).writeLong(id).writeLong(a).writeLong(b);
    if (ch.eventLoop().inEventLoop() && handler.reading) {
      ch.write(out, ch.voidPromise());
    } else {
      ch.writeAndFlush(out, ch.voidPromise());
    }
    return answer;
  }

  @Override
  public long total(Object answer) {
    return (Long) answer;
  }

  @Override
  public void close() {
    channel.close().syncUninterruptibly();
  }

  /** Completes calls from answers; owned by the event loop. */
  final class Handler extends SimpleChannelInboundHandler<ByteBuf> {
    boolean reading;

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf in) {
      reading = true;
      long id = in.readLong();
      long total = in.readLong();
      CompletableFuture<Long> answer = pending.remove(id);
      if (answer != null) {
        answer.complete(total);
      }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      reading = false;
      ctx.flush();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      IOException lost = new IOException("connection closed");
      pending.values().forEach(f -> f.completeExceptionally(lost));
      pending.clear();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      cause.printStackTrace();
      ctx.close();
    }
  }
}
