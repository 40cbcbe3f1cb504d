package org.amp4j.transport.websocket;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.EventLoop;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.amp4j.ConnectionLostException;
import org.amp4j.Limits;
import org.amp4j.spi.ConnectionHandler;
import org.amp4j.spi.PendingWrites;
import org.amp4j.spi.WriteQueue;

/**
 * A {@link WebSocketConnection} over a Netty channel whose upgrade is complete; thread-safe.
 *
 * <p>Reading is off until {@link #start}; after it, the channel reads unless the protocol paused
 * reading or the channel is not writable, as in the TCP transport. Messages that were already
 * decoded before start (the server's first frames can arrive with its 101 answer) are copied and
 * delivered by start. Handler calls run on the channel's event loop.
 *
 * <p>Closing: {@link #close()} queues a close frame (1000) behind every queued write, then waits up
 * to {@link #CLOSE_REPLY_TIMEOUT} for the peer's close frame or TCP close. Once a close frame has
 * been sent or received, received data messages are dropped and nothing more is written.
 */
final class NettyWebSocketConnection implements WebSocketConnection {

  /** How long a graceful close waits for queued bytes to be written before closing anyway. */
  static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  /** How long to wait for the peer's answer to our close frame before closing TCP anyway. */
  static final Duration CLOSE_REPLY_TIMEOUT = Duration.ofSeconds(2);

  // As in the TCP transport: reading stops before writes start failing.
  private static final int MAX_HIGH_WATER_MARK = 64 * 1024;

  private final Channel channel;
  private final Framing framing;
  private final String user;
  private final PendingWrites pending;
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean closing = new AtomicBoolean();
  private volatile boolean readingPaused;
  private volatile String remote;
  private volatile Throwable closeCause;

  // Confined to the event loop.
  private ConnectionHandler handler;
  private List<ByteBuffer> early;
  private boolean inactive;
  private boolean closeSent;
  private boolean flushQueued;

  // Writes in the order of the write calls, whichever threads make them.
  private final WriteQueue<Outgoing> writes;

  /**
   * Wraps a channel whose upgrade is done and whose auto-read is off, adding a message aggregator
   * and this connection's handler to the end of its pipeline. Event loop only.
   */
  NettyWebSocketConnection(
      Channel channel, Framing framing, int maxMessageBytes, Limits limits, String user) {
    this.channel = channel;
    this.framing = framing;
    this.user = user;
    this.pending = new PendingWrites(limits.maxPendingWriteBytes());
    this.writes =
        new WriteQueue<>(channel.eventLoop(), channel.eventLoop()::inEventLoop, this::send);
    channel.config().setWriteBufferWaterMark(waterMark(limits));
    channel
        .pipeline()
        .addLast("ws-aggregator", new WebSocketFrameAggregator(maxMessageBytes))
        .addLast("amp4j-connection", new InboundFrames(this, maxMessageBytes));
    remoteAddress(); // remember it while the channel knows it
  }

  static WriteBufferWaterMark waterMark(Limits limits) {
    int high = (int) Math.min(MAX_HIGH_WATER_MARK, Math.max(1, limits.maxPendingWriteBytes() / 2));
    return new WriteBufferWaterMark(high / 2, high);
  }

  @Override
  public String user() {
    return user;
  }

  @Override
  public void start(ConnectionHandler handler) {
    Objects.requireNonNull(handler, "handler");
    if (!started.compareAndSet(false, true)) {
      throw new IllegalStateException("connection to " + remoteAddress() + " already started");
    }
    onEventLoop(
        () -> {
          this.handler = handler;
          if (early != null) {
            List<ByteBuffer> held = early;
            early = null;
            held.forEach(handler::onBytes);
          }
          if (inactive) {
            handler.onClosed(closeCause);
          } else {
            updateReading();
          }
        });
  }

  @Override
  public void write(byte[] data) {
    Objects.requireNonNull(data, "data");
    if (closing.get() || !channel.isActive()) {
      throw new ConnectionLostException(
          "connection to " + remoteAddress() + " is closed", closeCause);
    }
    if (data.length == 0) {
      return;
    }
    int[] payloads =
        framing == Framing.STREAM ? new int[] {0, data.length} : LengthPrefixed.payloads(data);
    long total = 0;
    for (int i = 1; i < payloads.length; i += 2) {
      total += payloads[i];
    }
    pending.reserve(total, remoteAddress());
    writes.write(new Outgoing(data, payloads, total));
  }

  /** One write: its bytes, the offset and length of each message in them, and their total. */
  private record Outgoing(byte[] data, int[] payloads, long reserved) {}

  // Event loop only.
  private void send(Outgoing out) {
    if (closeSent) {
      pending.release(out.reserved()); // raced with close: dropped
      return;
    }
    int[] payloads = out.payloads();
    for (int i = 0; i < payloads.length; i += 2) {
      int length = payloads[i + 1];
      ByteBuf payload = Unpooled.wrappedBuffer(out.data(), payloads[i], length);
      channel
          .write(new BinaryWebSocketFrame(payload))
          .addListener((ChannelFuture f) -> written(f, length));
    }
    flushSoon();
  }

  /** One flush for all the writes queued on the event loop so far (see the TCP transport). */
  private void flushSoon() {
    if (!flushQueued) {
      flushQueued = true;
      channel
          .eventLoop()
          .execute(
              () -> {
                flushQueued = false;
                channel.flush();
              });
    }
  }

  private void written(ChannelFuture future, int length) {
    pending.release(length);
    Throwable cause = future.cause();
    if (cause != null) {
      if (!(cause instanceof ClosedChannelException)) {
        failed(cause);
      }
      channel.close();
    }
  }

  @Override
  public void setReadingPaused(boolean paused) {
    readingPaused = paused;
    onEventLoop(this::updateReading);
  }

  @Override
  public void close() {
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    onEventLoop(
        () -> {
          if (!channel.isActive()) {
            return;
          }
          writes.drain(); // what other threads wrote before closing goes before the close frame
          schedule(this::giveUp, CLOSE_TIMEOUT);
          sendClose();
        });
  }

  private void giveUp() {
    if (channel.isActive()) {
      failed(
          new ConnectionLostException(
              "gave up writing "
                  + pending.get()
                  + " bytes to "
                  + remoteAddress()
                  + " after "
                  + CLOSE_TIMEOUT.toSeconds()
                  + " s"));
      channel.close();
    }
  }

  /**
   * Sends our close frame (1000) after everything queued, then waits, bounded, for the peer to
   * answer it. Event loop only.
   */
  private void sendClose() {
    if (closeSent) {
      return;
    }
    closeSent = true;
    closing.set(true);
    channel
        .writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE.code(), null))
        .addListener(
            (ChannelFuture f) -> {
              if (!f.isSuccess()) {
                channel.close();
                return;
              }
              updateReading(); // to see the answer
              schedule(channel::close, CLOSE_REPLY_TIMEOUT);
            });
  }

  /** Answers a close frame from the peer, or takes it as the answer to ours. Event loop only. */
  void closeReceived(int status, String reason) {
    closing.set(true);
    if (closeSent) {
      channel.close();
      return;
    }
    closeSent = true;
    boolean orderly =
        status < 0
            || status == WebSocketCloseStatus.NORMAL_CLOSURE.code()
            || status == WebSocketCloseStatus.ENDPOINT_UNAVAILABLE.code();
    if (!orderly) {
      failed(
          new ConnectionLostException(
              remoteAddress() + " closed the WebSocket with status " + status + ": " + reason));
    }
    CloseWebSocketFrame answer =
        status < 0 ? new CloseWebSocketFrame() : new CloseWebSocketFrame(status, null);
    channel.writeAndFlush(answer).addListener(ChannelFutureListener.CLOSE);
  }

  /** Delivers a binary message, or holds it until start. Event loop only. */
  void messageReceived(ByteBuf payload) {
    if (closeSent) {
      return; // after a close frame nothing more is delivered
    }
    ByteBuffer bytes;
    if (framing == Framing.LENGTH_PREFIXED) {
      bytes = LengthPrefixed.prefixed(payload);
    } else if (payload.isReadable()) {
      bytes = payload.nioBuffer();
    } else {
      return;
    }
    if (handler != null) {
      handler.onBytes(bytes);
      return;
    }
    if (early == null) {
      early = new ArrayList<>();
    }
    early.add(ByteBuffer.allocate(bytes.remaining()).put(bytes).flip());
  }

  /** Whether a close frame was sent (or the decoder sent one). Event loop only. */
  boolean closeSent() {
    return closeSent;
  }

  /** Records that a close frame was sent outside {@link #sendClose}. Event loop only. */
  void markCloseSent() {
    closeSent = true;
    closing.set(true);
  }

  /** Records the first reason for the connection's end. */
  void failed(Throwable cause) {
    if (closeCause == null) {
      closeCause = cause;
    }
  }

  /** The channel closed. Event loop only. */
  void inactive() {
    inactive = true;
    closing.set(true);
    if (handler != null) {
      handler.onClosed(closeCause);
    }
  }

  /** Reads while started, not paused and writable, or while waiting for a close answer. */
  void updateReading() {
    boolean read = closeSent || (handler != null && !readingPaused && channel.isWritable());
    channel.config().setAutoRead(read);
  }

  @Override
  public String remoteAddress() {
    String r = remote;
    if (r == null) {
      if (channel.remoteAddress() == null) {
        return "(unconnected)";
      }
      r = Addresses.describe(channel.remoteAddress());
      remote = r;
    }
    return r;
  }

  /** Bytes passed to {@link #write} and not yet written to the socket. */
  long pendingWriteBytes() {
    return pending.get();
  }

  @Override
  public String toString() {
    return "WebSocket connection to " + remoteAddress() + (user == null ? "" : " (" + user + ")");
  }

  private void schedule(Runnable task, Duration delay) {
    var timer = channel.eventLoop().schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    channel.closeFuture().addListener(f -> timer.cancel(false));
  }

  private void onEventLoop(Runnable task) {
    EventLoop loop = channel.eventLoop();
    if (loop.inEventLoop()) {
      task.run();
    } else {
      loop.execute(task);
    }
  }
}
