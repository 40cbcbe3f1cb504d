package org.amp4j.transport.tcp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.EventLoop;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.amp4j.ConnectionLostException;
import org.amp4j.Limits;
import org.amp4j.spi.Codec;
import org.amp4j.spi.Connection;
import org.amp4j.spi.ConnectionHandler;
import org.amp4j.spi.FrameBuffer;
import org.amp4j.spi.OutboundMessage;
import org.amp4j.spi.PendingWrites;
import org.amp4j.spi.WriteQueue;

/**
 * A {@link Connection} over one Netty {@link Channel}; thread-safe.
 *
 * <p>The channel starts with auto-read off, so nothing is read before {@link #start}. After it, the
 * channel reads unless the protocol paused reading or the channel is not writable (more bytes
 * queued than the high water mark): a peer that does not read its answers then stops having its
 * requests read, instead of making memory grow. Independently, {@link #write} refuses bytes beyond
 * {@link Limits#maxPendingWriteBytes()}.
 *
 * <p>Writes are coalesced. Frames go out in the order of the {@code write} calls, those of other
 * threads through one queue and one task on the event loop ({@link WriteQueue}). The frames
 * appended during one turn of the event loop are copied into one batch, handed to the channel and
 * flushed together at the end of the turn, so that many small frames cost one channel write, one
 * completion and one system call instead of one each. But while the connection has its event loop
 * to itself ({@link WriteTurns}), a batch that reaches {@link #FLUSH_BYTES} goes out at once, and
 * the turn's later frames start the next. So a lone busy connection's peer is not left idle while
 * this side works through a long read: with many calls in flight, the answers to the first of them
 * reach the peer, which makes its next calls, while this side is still answering the rest. When the
 * event loop writes to other connections too, their work fills that time, and a system call per
 * {@link #FLUSH_BYTES} would be a cost with nothing to win back. In interleaved A/B runs of the
 * loopback benchmark (1 connection with 128 Sum calls in flight, and 8 such connections, the two
 * cores busy), flushing every 4 KiB on any connection made the one connection 27 % and 45 % faster
 * than one flush per turn, and the eight 5 % and 18 % slower; flushing early only when the event
 * loop is not shared gave the one connection +31 % against one flush per turn (−2 % against every 4
 * KiB, within the noise) and the eight +7 % against every 4 KiB (+2 % against one flush per turn).
 * A frame of {@link #BATCH_BYTES} or more is handed over and flushed as it is. The batch is an
 * array the connection keeps (a {@link FrameBuffer}, made at its first write): a message written on
 * the event loop with {@link #write(Codec, OutboundMessage)} is encoded straight into it, a frame
 * written as an array is copied into it (where appending to a Netty buffer would cost a call
 * through its checks and a native copy per frame), and the batch is copied once into a pooled
 * direct buffer of its exact length as it is handed over.
 *
 * <p>Handler calls run on the channel's event loop. Received buffers are released after {@link
 * ConnectionHandler#onBytes} returns.
 */
final class NettyConnection implements Connection {

  /** How long a graceful close waits for queued bytes to be written before closing anyway. */
  static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  // Netty's default high water mark; lower when maxPendingWriteBytes is small, so that reading
  // stops before writes start failing.
  private static final int MAX_HIGH_WATER_MARK = 64 * 1024;

  /**
   * Frames shorter than this are copied into the current batch (which holds at most this); longer
   * ones go out on their own.
   */
  static final int BATCH_BYTES = 16 * 1024;

  /**
   * A batch is handed over and flushed as soon as it holds this many bytes, without waiting for the
   * end of the turn, when the event loop writes to no other connection ({@link WriteTurns#shared}):
   * the peer starts on the first frames while this side writes the rest.
   */
  static final int FLUSH_BYTES = 4 * 1024;

  /**
   * The batch's array is replaced by one of {@link #BATCH_BYTES} when it is handed over after a
   * large frame encoded into it grew it beyond this, so that the connection does not keep that
   * memory.
   */
  static final int MAX_KEPT_BATCH = 4 * BATCH_BYTES;

  private final Channel channel;
  private final PendingWrites pendingWriteBytes;
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean closing = new AtomicBoolean();
  // Frames in the order of the write calls, whichever threads make them.
  private final WriteQueue<byte[]> writes;
  private volatile boolean readingPaused;
  private volatile String remote;
  private volatile Throwable closeCause;

  // Confined to the event loop.
  private ConnectionHandler handler;
  private boolean inactive;
  private boolean flushQueued;
  // frames written in this turn of the event loop, not yet handed over (made at the first write)
  private FrameBuffer batch;
  private byte[] received = new byte[0]; // holds the last read's bytes, see Bridge.heapView
  private WriteTurns turns; // the event loop's, taken at the first write to the channel
  private long lastTurn = -1;

  /** Wraps a channel that has auto-read off, adding this connection's handler to its pipeline. */
  NettyConnection(Channel channel, Limits limits) {
    this.channel = channel;
    this.pendingWriteBytes = new PendingWrites(limits.maxPendingWriteBytes());
    this.writes =
        new WriteQueue<>(channel.eventLoop(), channel.eventLoop()::inEventLoop, this::append);
    channel.pipeline().addLast("amp4j-connection", new Bridge());
  }

  /** The water marks for channels whose connections enforce these limits. */
  static WriteBufferWaterMark waterMark(Limits limits) {
    int high = (int) Math.min(MAX_HIGH_WATER_MARK, Math.max(1, limits.maxPendingWriteBytes() / 2));
    return new WriteBufferWaterMark(high / 2, high);
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
    checkOpen();
    int length = data.length;
    if (length == 0) {
      return;
    }
    pendingWriteBytes.reserve(length, remoteAddress());
    writes.write(data);
  }

  /**
   * On the event loop, the header and the frame are copied straight into the batch (after the
   * frames other threads queued before); from another thread they are joined and queued as one.
   */
  @Override
  public void write(byte[] header, int headerLength, byte[] data, int offset, int length) {
    Objects.checkFromIndexSize(0, headerLength, header.length);
    Objects.checkFromIndexSize(offset, length, data.length);
    if (!channel.eventLoop().inEventLoop()) {
      Connection.super.write(header, headerLength, data, offset, length);
      return;
    }
    checkOpen();
    if (headerLength + length == 0) {
      return;
    }
    pendingWriteBytes.reserve(headerLength + length, remoteAddress());
    writes.drain();
    append(header, headerLength, data, offset, length, false);
  }

  /**
   * On the event loop, the message is encoded straight into the batch (after the frames other
   * threads queued before), so that its frame has no array of its own; from another thread it is
   * encoded into an array and queued.
   */
  @Override
  public void write(Codec codec, OutboundMessage message) {
    if (!channel.eventLoop().inEventLoop()) {
      write(codec.encode(message));
      return;
    }
    checkOpen();
    writes.drain();
    if (batch == null) {
      batch = new FrameBuffer(BATCH_BYTES);
    }
    int start = batch.size();
    int length;
    try {
      codec.encode(message, batch);
      length = batch.size() - start;
      pendingWriteBytes.reserve(length, remoteAddress());
    } catch (RuntimeException e) {
      batch.truncate(start); // nothing of the message stays
      throw e;
    }
    if (length > 0) {
      appended();
    }
  }

  private void checkOpen() {
    if (closing.get() || !channel.isActive()) {
      throw new ConnectionLostException(
          "connection to " + remoteAddress() + " is closed", closeCause);
    }
  }

  /**
   * Adds a frame to the batch, or hands it over on its own when large; flushes what reached {@link
   * #FLUSH_BYTES}. Event loop only.
   */
  private void append(byte[] data) {
    append(data, 0, data, 0, data.length, true);
  }

  /**
   * Adds {@code headerLength} bytes of {@code header} and then {@code length} bytes of {@code data}
   * from {@code offset} to the batch, or hands them over on their own when large ({@link
   * #BATCH_BYTES}), flushed at once: as they are when {@code data} is the whole frame and {@code
   * owned} (the connection may keep it), else copied. Event loop only.
   */
  private void append(
      byte[] header, int headerLength, byte[] data, int offset, int length, boolean owned) {
    int total = headerLength + length;
    if (!channel.isActive()) {
      pendingWriteBytes.release(total); // lost with the connection, as Netty fails the write
      return;
    }
    if (total >= BATCH_BYTES) {
      wroteThisTurn(); // large frames count too
      handOverBatch();
      ByteBuf out;
      if (owned && headerLength == 0) {
        out = Unpooled.wrappedBuffer(data, offset, length);
      } else {
        out = channel.alloc().ioBuffer(total, total);
        out.writeBytes(header, 0, headerLength);
        out.writeBytes(data, offset, length);
      }
      channel.write(out).addListener((ChannelFuture f) -> written(f, total));
      channel.flush();
      return;
    }
    if (batch == null) {
      batch = new FrameBuffer(BATCH_BYTES);
    } else if (batch.size() + total > BATCH_BYTES) {
      handOverBatch();
    }
    batch.write(header, 0, headerLength);
    batch.write(data, offset, length);
    appended();
  }

  /**
   * After bytes were added to the batch: hands it over and flushes at once when it reached {@link
   * #BATCH_BYTES} (a large frame encoded into it), or {@link #FLUSH_BYTES} on an event loop not
   * shared in this turn; otherwise at the end of the turn. Event loop only.
   */
  private void appended() {
    wroteThisTurn();
    int size = batch.size();
    if (size >= BATCH_BYTES || (size >= FLUSH_BYTES && !turns.shared())) {
      handOverBatch();
      channel.flush();
    } else {
      flushSoon();
    }
  }

  /** Counts a write to this connection in its event loop's turn ({@link WriteTurns}). */
  private void wroteThisTurn() {
    if (turns == null) {
      turns = WriteTurns.current();
    }
    lastTurn = turns.wrote(lastTurn, channel.eventLoop());
  }

  /**
   * The bytes written and not yet flushed: the batch, and what the channel holds unflushed. Event
   * loop only; for tests.
   */
  long unflushedBytes() {
    ChannelOutboundBuffer handed = channel.unsafe().outboundBuffer();
    return batchBytes() + (handed == null ? 0 : handed.totalPendingWriteBytes());
  }

  /** The length of the batch's array (0 before the first write). Event loop only; for tests. */
  int batchCapacity() {
    return batch == null ? 0 : batch.capacity();
  }

  private int batchBytes() {
    return batch == null ? 0 : batch.size();
  }

  /**
   * Gives the batch to the channel (not yet flushed), copied into a pooled direct buffer of its
   * exact length. Event loop only.
   */
  private void handOverBatch() {
    int length = batchBytes();
    if (length == 0) {
      return;
    }
    ByteBuf b = channel.alloc().ioBuffer(length, length);
    b.writeBytes(batch.array(), 0, length);
    batch.clear(MAX_KEPT_BATCH);
    channel.write(b).addListener((ChannelFuture f) -> written(f, length));
  }

  /** Drops the frames that can no longer be written. Event loop only. */
  private void dropUnwritten() {
    writes.drop(data -> pendingWriteBytes.release(data.length));
    pendingWriteBytes.release(batchBytes());
    if (batch != null) {
      batch.clear(MAX_KEPT_BATCH);
    }
  }

  /**
   * Flushes once for all the writes queued on the event loop so far, instead of once per write (a
   * system call each). Event loop only: a flush task queued after a write runs after it, and a
   * write that runs after the flush task has started queues another.
   */
  private void flushSoon() {
    if (!flushQueued) {
      flushQueued = true;
      channel
          .eventLoop()
          .execute(
              () -> {
                flushQueued = false;
                handOverBatch();
                channel.flush();
              });
    }
  }

  private void written(ChannelFuture future, int length) {
    pendingWriteBytes.release(length);
    Throwable cause = future.cause();
    if (cause != null) {
      // Netty closes the channel after a failed write but tells only the write's listeners why.
      if (closeCause == null && !(cause instanceof ClosedChannelException)) {
        closeCause = cause;
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
    // On the event loop, after every write queued before: the batch goes first, then an empty
    // write that completes after all of them, and closing follows it.
    onEventLoop(
        () -> {
          writes.drain();
          handOverBatch();
          channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        });
    ScheduledFuture<?> giveUp =
        channel
            .eventLoop()
            .schedule(this::closeNow, CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    channel.closeFuture().addListener(f -> giveUp.cancel(false));
  }

  private void closeNow() {
    if (channel.isActive() && closeCause == null) {
      closeCause =
          new ConnectionLostException(
              "gave up writing "
                  + pendingWriteBytes.get()
                  + " bytes to "
                  + remoteAddress()
                  + " after "
                  + CLOSE_TIMEOUT.toSeconds()
                  + " s");
    }
    channel.close();
  }

  @Override
  public String remoteAddress() {
    String r = remote;
    if (r == null) {
      SocketAddress address = channel.remoteAddress();
      if (address == null) {
        return "(unconnected)";
      }
      r = describe(address);
      remote = r;
    }
    return r;
  }

  /** Bytes passed to {@link #write} and not yet written to the socket. */
  long pendingWriteBytes() {
    return pendingWriteBytes.get();
  }

  @Override
  public String toString() {
    return "tcp connection to " + remoteAddress();
  }

  /** An address as {@code 127.0.0.1:4242} or {@code [::1]:4242}. */
  static String describe(SocketAddress address) {
    if (address instanceof InetSocketAddress inet) {
      String host =
          inet.getAddress() == null ? inet.getHostString() : inet.getAddress().getHostAddress();
      return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + inet.getPort();
    }
    return String.valueOf(address);
  }

  private void onEventLoop(Runnable task) {
    EventLoop loop = channel.eventLoop();
    if (loop.inEventLoop()) {
      task.run();
    } else {
      loop.execute(task);
    }
  }

  // Runs on the event loop.
  private void updateReading() {
    boolean read = handler != null && !readingPaused && channel.isWritable();
    channel.config().setAutoRead(read);
  }

  /** Forwards pipeline events to the connection handler. Runs on the event loop. */
  private final class Bridge extends ChannelInboundHandlerAdapter {

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
      remoteAddress(); // remember it while the channel still knows it
      ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (!(msg instanceof ByteBuf buf)) {
        ReferenceCountUtil.release(msg);
        return;
      }
      try {
        if (buf.isReadable()) {
          handler.onBytes(heapView(buf));
        }
      } finally {
        buf.release();
      }
    }

    /**
     * The readable bytes as a heap buffer: a direct buffer is copied, in one go, into an array kept
     * for the next reads, since decoders read many small pieces and those are much cheaper from an
     * array than from native memory. The array grows to the largest read, which Netty's receive
     * buffer allocator bounds (64 KiB by default).
     */
    private ByteBuffer heapView(ByteBuf buf) {
      int n = buf.readableBytes();
      if (buf.hasArray()) {
        return ByteBuffer.wrap(buf.array(), buf.arrayOffset() + buf.readerIndex(), n).slice();
      }
      if (received.length < n) {
        received = new byte[n];
      }
      buf.getBytes(buf.readerIndex(), received, 0, n);
      return ByteBuffer.wrap(received, 0, n);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
      updateReading();
      ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      if (!ctx.channel().isActive()) {
        // Thrown after close, e.g. by onClosed: nobody left to tell but Netty's logger.
        ctx.fireExceptionCaught(cause);
        return;
      }
      if (closeCause == null) {
        closeCause = cause;
      }
      ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      inactive = true;
      dropUnwritten();
      if (handler != null) {
        handler.onClosed(closeCause);
      }
      ctx.fireChannelInactive();
    }
  }
}
