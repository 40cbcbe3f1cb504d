package org.amp4j;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.amp4j.spi.Codec;
import org.amp4j.spi.Connection;
import org.amp4j.spi.ConnectionHandler;
import org.amp4j.spi.OutboundMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One session as a {@link Connection} that outlives the connections under it: the peer writes codec
 * frames to it and reads them from it, while connections come and go underneath.
 *
 * <p>Every frame the peer writes gets the next sequence number and stays in {@link #pending} until
 * the other side acknowledges it; on a new connection everything the other side has not received is
 * sent again, in order. Frames received are handed on once each, in order, and acknowledged
 * cumulatively. So each call reaches the other side's handler exactly once, and each answer reaches
 * the caller exactly once, while the session lives.
 *
 * <p>Frames written on the thread that is handing on a read (responders and callbacks that run on
 * the I/O thread) are held until the read is handled, and then go out together as RUN frames to a
 * side that reads them ({@link SessionOutput}): one header for many frames, which the other side
 * decodes as one run.
 *
 * <p>Thread-safe: writers on any thread, reading on the current connection's I/O thread. The peer's
 * handler is never called with this object's lock held.
 */
final class SessionLink implements Connection {
  private static final Logger log = LoggerFactory.getLogger(SessionLink.class);

  /**
   * How long received frames may wait for their acknowledgement to ride on a data frame before it
   * is sent on its own.
   */
  static final Duration ACK_DELAY = Duration.ofMillis(5);

  /**
   * An idempotent call with a tag, kept after its acknowledgement until settled (see writeCall).
   */
  static final class Tracked {
    final byte[] frame;
    final String tag;
    // the caller has its answer, or gave up on it: never sent again (under the session's lock)
    boolean settled;

    Tracked(byte[] frame, String tag) {
      this.frame = frame;
      this.tag = tag;
    }
  }

  /**
   * A peer that takes the frames of one read together, so that it batches their answers and calls
   * as it does for a read without a session. A peer that is only a {@link ConnectionHandler} gets
   * them one by one.
   */
  interface FramesHandler extends ConnectionHandler {
    /** The frames of one read, valid only during the call. */
    void onFrames(ReceivedFrames frames);

    /** Not called: the session hands on frames ({@link #onFrames}). */
    @Override
    default void onBytes(ByteBuffer data) {
      throw new UnsupportedOperationException("a session hands its peer frames, not bytes");
    }
  }

  /** What the client side does when a connection drops or the session must be replaced. */
  interface Owner {
    /** The connection under the session dropped. */
    void detached(SessionLink link, Throwable cause);

    /** The session ended (closed by either side, or lost). */
    default void ended(SessionLink link) {}
  }

  private final SessionConfig config;
  private final int maxPayload;
  private final Owner owner;
  private volatile String id;
  private volatile byte[] token;
  private final String codec;
  private final List<String> extensions;
  private ConnectionHandler peer;

  private Unacknowledged pending = new Unacknowledged();
  // The frames up to this sequence number were written to some connection of this session: the
  // frames written while detached are the last ones, and the next attach writes them all.
  private long writtenUpTo;
  // Idempotent calls the other side acknowledged but whose answer has not come yet, by tag, in
  // sequence order: sent again on a replacing session (see replace). Only idempotent calls written
  // with a tag and a done stage (writeCall) are kept, until done completes.
  private final java.util.LinkedHashMap<String, Tracked> unanswered =
      new java.util.LinkedHashMap<>();
  // What writes to the connection under the session (null: none), and reads from it.
  private SessionOutput out;
  private SessionFrames.Parser parser;
  private ReceivedFrames received; // of the reads of the current connection, with its parser
  private String lastAddress = "session";
  private volatile long delivered;
  // The highest acknowledgement received (written under the lock): a read whose frames carry no
  // higher one needs not take the lock for them.
  private volatile long acknowledgedUpTo;
  private long lastAckSent;
  // Whether an acknowledgement of its own is due after ACK_DELAY, unless a data frame carries it.
  private boolean ackDue;
  private int queuedCalls;
  private long queuedBytes;
  private boolean readingPaused;
  private boolean closed;
  private volatile long lastHeard = System.nanoTime();
  private ScheduledFuture<?> heartbeat;
  private final SessionCounters counters = new SessionCounters();

  SessionLink(
      String id,
      byte[] token,
      String codec,
      List<String> extensions,
      PeerConfig config,
      Owner owner) {
    this.id = id;
    this.token = token.clone();
    this.codec = codec;
    this.extensions = List.copyOf(extensions);
    this.config = config.session();
    this.maxPayload = config.limits().maxFrameLength() + 4;
    this.owner = owner;
  }

  String id() {
    return id;
  }

  byte[] token() {
    return token.clone();
  }

  String codec() {
    return codec;
  }

  List<String> extensions() {
    return extensions;
  }

  /** The last sequence number received and handed on. */
  long delivered() {
    return delivered;
  }

  SessionCounters counters() {
    return counters;
  }

  synchronized boolean isAttached() {
    return out != null;
  }

  /** The connection under the session, or null. Caller holds the lock. */
  private Connection physical() {
    return out == null ? null : out.connection();
  }

  // ---- the peer's side ----

  @Override
  public void start(ConnectionHandler handler) {
    this.peer = handler;
  }

  /** An answer or error: never refused, as it is bounded by the calls received. */
  @Override
  public synchronized void write(byte[] frame) {
    checkOpen();
    enqueue(append(null, null, frame), false, null, false, null);
  }

  /**
   * An answer or error, encoded straight into the frames kept for sending again ({@link
   * Unacknowledged#log()}): never refused, as it is bounded by the calls received. The encoding
   * runs under the session's lock, so that the frame is written where it stays; writers on other
   * threads wait for it meanwhile.
   */
  @Override
  public synchronized void write(Codec codec, OutboundMessage message) {
    checkOpen();
    enqueue(append(codec, message, null), false, null, false, null);
  }

  /**
   * A call ({@code tag} null when it wants no answer), encoded straight into the frames kept for
   * sending again, bounded by {@link SessionConfig#maxQueuedCalls()} and {@link
   * SessionConfig#maxQueuedBytes()}. {@code done} completes when the caller has the answer or no
   * longer waits for it (the call's future); an idempotent call with a tag is kept after the other
   * side acknowledges it, until then, so that {@link #replace} can send it again on a new session
   * even when the old one had received it.
   *
   * @throws LimitExceededException when the queue stays full (at once, or after waiting)
   * @throws EncodingException or {@link IllegalArgumentException} if the codec cannot encode it
   */
  void writeCall(
      Codec codec,
      OutboundMessage message,
      String tag,
      boolean idempotent,
      CompletionStage<?> done) {
    writeCall(codec, message, null, tag, idempotent, done);
  }

  /**
   * {@link #writeCall(Codec, OutboundMessage, String, boolean, CompletionStage)} of a frame already
   * encoded, which is copied.
   */
  void writeCall(byte[] frame, String tag, boolean idempotent, CompletionStage<?> done) {
    writeCall(null, null, frame, tag, idempotent, done);
  }

  /** A call: {@code message} encoded with {@code codec}, or else {@code frame}. */
  private void writeCall(
      Codec codec,
      OutboundMessage message,
      byte[] frame,
      String tag,
      boolean idempotent,
      CompletionStage<?> done) {
    Tracked tracked = null;
    synchronized (this) {
      long deadline = 0;
      int start;
      int length;
      while (true) {
        checkOpen();
        start = append(codec, message, frame);
        length = pending.log().size() - start;
        if (!full(length)) {
          break;
        }
        pending.abandon(start); // encoded again once there is room
        if (deadline == 0) {
          deadline = System.nanoTime() + config.overflowWait().toNanos();
        }
        long left = deadline - System.nanoTime();
        if (config.overflow() == SessionConfig.Overflow.FAIL || left <= 0) {
          throw new LimitExceededException(
              "session queue full: "
                  + queuedCalls
                  + " calls, "
                  + queuedBytes
                  + " bytes unacknowledged (maxQueuedCalls "
                  + config.maxQueuedCalls()
                  + ", maxQueuedBytes "
                  + config.maxQueuedBytes()
                  + ")");
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(this, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new LimitExceededException("interrupted waiting for room in the session queue");
        }
      }
      if (idempotent && tag != null && done != null) {
        // kept past its acknowledgement, when the log may have dropped it: an array of its own
        tracked = new Tracked(Arrays.copyOfRange(pending.bytes(), start, start + length), tag);
      }
      enqueue(start, true, tag, idempotent, tracked);
      queuedCalls++;
      queuedBytes += length;
    }
    if (tracked != null) {
      Tracked settled = tracked;
      done.whenComplete((r, t) -> settled(settled));
    }
  }

  /**
   * Appends a frame to the log of frames kept for sending again: {@code message} encoded with
   * {@code codec}, or else a copy of {@code frame}.
   *
   * @return where it starts in the log
   * @throws RuntimeException what encoding threw; nothing is appended then
   */
  private int append(Codec codec, OutboundMessage message, byte[] frame) {
    int start = pending.beginFrame();
    try {
      if (codec != null) {
        codec.encode(message, pending.log());
      } else {
        pending.log().write(frame);
      }
    } catch (RuntimeException e) {
      pending.abandon(start);
      throw e;
    }
    return start;
  }

  private void checkOpen() {
    if (closed) {
      throw new ConnectionLostException("session " + id + " is closed");
    }
  }

  /** The caller of an idempotent call has its answer (or gave up): it is never sent again. */
  private synchronized void settled(Tracked call) {
    call.settled = true;
    unanswered.remove(call.tag, call);
  }

  private boolean full(int bytes) {
    return queuedCalls >= config.maxQueuedCalls()
        || (queuedCalls > 0 && queuedBytes + bytes > config.maxQueuedBytes());
  }

  /**
   * Numbers the frame appended to the log from {@code start} and keeps it until acknowledged (see
   * {@link Unacknowledged#add}), and sends it if a connection is there: now, or, on the thread
   * handing on a read, with the others it writes meanwhile ({@link SessionOutput}). Caller holds
   * the lock.
   */
  private void enqueue(int start, boolean call, String tag, boolean idempotent, Tracked tracked) {
    boolean hold = out != null && out.holds();
    if (out != null && !hold) {
      sent(out.flushHeld(pending, delivered)); // the reading thread's, written before this one
    }
    long seq = pending.add(start, call, tag, idempotent, tracked);
    if (out == null) {
      return;
    }
    if (hold) {
      sent(out.hold(pending, delivered));
      return;
    }
    out.data(pending, pending.size() - 1, delivered);
    sent(seq);
  }

  /**
   * Notes that the frames up to {@code seq} went out, with the acknowledgement {@link #delivered}
   * (nothing if {@code seq} is 0). Caller holds the lock.
   */
  private void sent(long seq) {
    if (seq > 0) {
      writtenUpTo = seq;
      lastAckSent = delivered;
    }
  }

  @Override
  public synchronized void setReadingPaused(boolean paused) {
    readingPaused = paused;
    if (out != null) {
      out.connection().setReadingPaused(paused);
    }
  }

  @Override
  public String remoteAddress() {
    synchronized (this) {
      return out != null ? out.connection().remoteAddress() : lastAddress;
    }
  }

  /** Ends the session: the other side is told (BYE), and nothing more is sent or resumed. */
  @Override
  public void close() {
    end(null, true);
  }

  /** Ends the session and tells the peer why. */
  void end(Throwable cause) {
    end(cause, false);
  }

  /**
   * Ends the session, sending BYE first if asked. The session is marked closed before the BYE goes
   * out, in the same step under the lock: the other side may answer a BYE by closing the connection
   * at once, and that close must find the session ended, not a dropped connection to reconnect.
   */
  private void end(Throwable cause, boolean bye) {
    Connection c;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      if (bye && out != null) {
        out.control(SessionFrames.BYE, delivered);
      }
      c = physical();
      out = null;
      unanswered.clear();
      if (heartbeat != null) {
        heartbeat.cancel(false);
      }
      notifyAll();
    }
    if (c != null) {
      c.close();
    }
    owner.ended(this);
    if (peer != null) {
      peer.onClosed(cause);
    }
  }

  synchronized boolean isClosed() {
    return closed;
  }

  // ---- the connections' side ----

  /**
   * Puts a connection under the session, closing the one before it if it is still there (the new
   * connection wins), and sends again everything the other side has not received.
   *
   * @param peerReceived the last sequence number the other side has received
   * @param peerRuns whether the other side reads RUN frames: else none is written to it
   * @return how many frames were sent again
   */
  int attach(Connection connection, long peerReceived, boolean peerRuns) {
    Connection old;
    int replayed = 0;
    synchronized (this) {
      if (closed) {
        connection.close();
        return 0;
      }
      old = physical();
      out = new SessionOutput(id, connection, peerRuns);
      lastAddress = connection.remoteAddress();
      parser = new SessionFrames.Parser(maxPayload);
      received = new ReceivedFrames();
      lastHeard = System.nanoTime();
      acknowledged(peerReceived);
      lastAckSent = delivered;
      for (int i = 0, n = pending.size(); i < n; i++) {
        long seq = pending.seq(i);
        if (seq <= writtenUpTo) {
          replayed++;
        }
        out.data(pending, i, lastAckSent);
      }
      writtenUpTo = pending.firstSeq() + pending.size() - 1;
      if (readingPaused) {
        connection.setReadingPaused(true);
      }
      startHeartbeat();
    }
    if (old != null && old != connection) {
      log.info("session {}: a new connection took over from {}", id, old.remoteAddress());
      old.close();
    }
    counters.replayed.addAndGet(replayed);
    return replayed;
  }

  /** A connection under the session closed; the session waits for the next one. */
  void detach(Connection connection, Throwable cause) {
    synchronized (this) {
      if (physical() != connection || closed) {
        return;
      }
      out = null; // what it held is sent again on the next connection
      if (heartbeat != null) {
        heartbeat.cancel(false);
      }
    }
    counters.disconnects.incrementAndGet();
    config.listener().disconnected(id, cause);
    owner.detached(this, cause);
  }

  /** Bytes from the connection under the session (its I/O thread). */
  void onBytes(Connection connection, ByteBuffer data) {
    SessionFrames.Parser p;
    ReceivedFrames read;
    synchronized (this) {
      if (physical() != connection) {
        return; // a replaced connection's last bytes
      }
      p = parser;
      read = received;
      out.reading(Thread.currentThread());
    }
    lastHeard = System.nanoTime();
    read.start(delivered);
    try {
      try {
        p.feed(data, read);
      } catch (ProtocolException e) {
        log.warn("session {}: dropping the connection: {}", id, e.getMessage());
        connection.close();
      }
      if (read.duplicates() > 0) {
        counters.duplicates.addAndGet(read.duplicates());
      }
      // Acknowledgements are cumulative: the read's highest one frees all that any of its frames
      // would, under one lock, and none when it frees nothing new.
      if (read.highestAck() > acknowledgedUpTo) {
        acknowledgedLocked(read.highestAck());
      }
      int frames = read.frames();
      delivered += frames;
      if (peer instanceof FramesHandler together) {
        if (frames > 0) {
          together.onFrames(read);
        }
      } else {
        for (int i = 0, n = read.ranges(); i < n; i++) {
          peer.onBytes(read.range(i));
        }
      }
    } finally {
      read.release();
      synchronized (this) {
        if (out != null) {
          out.reading(null);
          sent(out.flushHeld(pending, delivered)); // the frames written meanwhile, together
        }
        if (physical() == connection && !read.bye()) {
          if (read.pinged()) {
            lastAckSent = delivered;
            out.control(SessionFrames.PONG, delivered);
          } else if (delivered > lastAckSent && !ackDue) {
            // An answer or call written meanwhile carries the acknowledgement; only when none
            // does is it sent on its own, so that a request and its answer cost no extra frames.
            ackDue = true;
            SharedExecutors.timerPool()
                .schedule(this::sendDueAck, ACK_DELAY.toNanos(), TimeUnit.NANOSECONDS);
          }
        }
      }
    }
    if (read.bye()) {
      log.debug("session {}: ended by the other side", id);
      end(null);
    }
  }

  /** Sends the acknowledgement that no data frame has carried since it fell due. */
  private synchronized void sendDueAck() {
    ackDue = false;
    if (out != null && !closed && delivered > lastAckSent) {
      lastAckSent = delivered;
      out.control(SessionFrames.ACK, delivered);
    }
  }

  private void acknowledgedLocked(long ack) {
    synchronized (this) {
      acknowledged(ack);
    }
  }

  /** Drops what the other side has received. Caller holds the lock. */
  private void acknowledged(long ack) {
    if (ack > acknowledgedUpTo) {
      acknowledgedUpTo = ack;
    }
    boolean freed = false;
    while (pending.size() > 0 && pending.firstSeq() <= ack) {
      if (pending.call(0)) {
        queuedCalls--;
        queuedBytes -= pending.length(0);
        freed = true;
        Tracked tracked = pending.tracked(0);
        if (tracked != null && !tracked.settled) {
          unanswered.put(tracked.tag, tracked);
        }
      }
      pending.removeFirst();
    }
    if (freed) {
      notifyAll();
    }
  }

  /**
   * The session the other side knew is gone and a new one replaces it: calls never written go out
   * on it, as do written but unanswered ones of idempotent commands (acknowledged or not, see
   * {@link #writeCall}); everything else is dropped.
   *
   * @param awaited whether the caller still awaits the answer to a call, by tag
   * @return the tags of the calls that go out again
   */
  synchronized Set<String> replace(
      String newId, byte[] newToken, java.util.function.Predicate<String> awaited) {
    Unacknowledged keep = new Unacknowledged();
    // the acknowledged ones are older than anything still pending: they go first, in order
    for (Tracked call : unanswered.values()) {
      if (!call.settled && awaited.test(call.tag)) {
        keep.add(call.frame, true, call.tag, true, call);
      }
    }
    unanswered.clear();
    for (int i = 0; i < pending.size(); i++) {
      Tracked tracked = pending.tracked(i);
      String tag = pending.tag(i);
      // a call whose answer already came (awaited says no) must not go out again
      if (pending.call(i)
          && (pending.seq(i) > writtenUpTo || pending.idempotent(i))
          && (tracked == null || !tracked.settled)
          && (tag == null || awaited.test(tag))) {
        keep.add(
            pending.bytes(),
            pending.offset(i),
            pending.length(i),
            true,
            tag,
            pending.idempotent(i),
            tracked);
      }
    }
    pending = keep;
    writtenUpTo = 0; // none of them went out on the new session yet
    Set<String> kept = new java.util.HashSet<>();
    queuedCalls = keep.size();
    queuedBytes = 0;
    for (int i = 0; i < keep.size(); i++) {
      queuedBytes += keep.length(i);
      if (keep.tag(i) != null) {
        kept.add(keep.tag(i));
      }
    }
    delivered = 0;
    lastAckSent = 0;
    acknowledgedUpTo = 0; // the new session numbers its frames from 1 again
    id = newId;
    token = newToken.clone();
    notifyAll();
    return kept;
  }

  // ---- heartbeats ----

  private void startHeartbeat() {
    if (heartbeat != null) {
      heartbeat.cancel(false);
    }
    Duration interval = config.heartbeatInterval();
    if (interval.isZero()) {
      return;
    }
    heartbeat =
        SharedExecutors.timerPool()
            .scheduleWithFixedDelay(
                this::beat, interval.toNanos(), interval.toNanos(), TimeUnit.NANOSECONDS);
  }

  /**
   * One heartbeat: drops a connection silent for {@link SessionConfig#heartbeatTimeout()}, and
   * probes one that nothing came from for half a {@link SessionConfig#heartbeatInterval()} with a
   * PING, whose PONG shows that the other side is still there. A connection bytes keep coming on is
   * not probed: those bytes show it already, and a busy connection writes no frames of no use (nor
   * runs, every interval, code that nothing else runs).
   */
  void beat() {
    Connection c;
    synchronized (this) {
      c = physical();
      if (c == null) {
        return;
      }
      long silent = System.nanoTime() - lastHeard;
      Duration timeout = config.heartbeatTimeout();
      if (!timeout.isZero() && silent > timeout.toNanos()) {
        log.info(
            "session {}: nothing heard from {} for {} ms; dropping the connection",
            id,
            c.remoteAddress(),
            TimeUnit.NANOSECONDS.toMillis(silent));
        counters.heartbeatTimeouts.incrementAndGet();
      } else {
        if (silent >= config.heartbeatInterval().toNanos() / 2) {
          out.control(SessionFrames.PING, delivered);
        }
        return;
      }
    }
    c.close();
  }
}
