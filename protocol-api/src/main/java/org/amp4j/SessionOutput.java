package org.amp4j;

import org.amp4j.spi.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a session writes to one connection under it: its kept frames as DATA, NEXT or RUN frames
 * ({@link SessionFrames.Writer}), and control frames. The frames the reading thread writes while it
 * hands on a read are held, to go out together once the read is handled, or once they reach {@link
 * #HOLD_BYTES}: as RUN frames to a side that reads them, one header for many frames. A connection
 * that cannot take a write is closed (the session sends again on the next one).
 *
 * <p>One per connection under a session; not thread-safe (the session's lock guards it).
 */
final class SessionOutput {
  private static final Logger log = LoggerFactory.getLogger(SessionOutput.class);

  /**
   * The most bytes of frames held during a read: once they reach this, they go out, so that the
   * other side can start on them while this side handles the rest of the read.
   */
  static final int HOLD_BYTES = 4 * 1024;

  private final String session; // for the log
  private final Connection connection;
  private final boolean runs; // whether the other side reads RUN frames, as it said
  private final SessionFrames.Writer writer = new SessionFrames.Writer();
  private Thread reader; // the thread handing on a read of this connection, if any
  private int held; // how many of the last kept frames it wrote meanwhile

  /**
   * @param session the session's id, for the log
   * @param runs whether the other side reads RUN frames: else none is written to it
   */
  SessionOutput(String session, Connection connection, boolean runs) {
    this.session = session;
    this.connection = connection;
    this.runs = runs;
  }

  Connection connection() {
    return connection;
  }

  /** The thread that hands on a read of this connection from now on, or null once it is done. */
  void reading(Thread thread) {
    reader = thread;
  }

  /**
   * Whether a frame written now is held: written on the reading thread, to a side that reads RUN
   * frames.
   */
  boolean holds() {
    return runs && reader == Thread.currentThread();
  }

  /**
   * Holds the last frame kept in {@code pending}, written while a read is handled ({@link #holds});
   * sends the held frames if they reach {@link #HOLD_BYTES}.
   *
   * @return the sequence number of the last frame sent, or 0 if none was
   */
  long hold(Unacknowledged pending, long ack) {
    held++;
    int n = pending.size();
    if (pending.offset(n - 1) + pending.length(n - 1) - pending.offset(n - held) < HOLD_BYTES) {
      return 0;
    }
    return flushHeld(pending, ack);
  }

  /**
   * Sends the frames held, the last ones kept in {@code pending}: one after another as RUN frames
   * of up to {@link SessionFrames#MAX_RUN} bytes, a frame on its own as a data frame.
   *
   * @param ack the acknowledgement they carry
   * @return the sequence number of the last frame sent, or 0 if none was held
   */
  long flushHeld(Unacknowledged pending, long ack) {
    int n = pending.size();
    int i = n - held;
    held = 0;
    if (i == n) {
      return 0;
    }
    while (i < n) {
      int start = pending.offset(i);
      int end = start + pending.length(i);
      int j = i + 1;
      while (j < n
          && pending.offset(j) == end // the log keeps frames back to back, in order
          && end + pending.length(j) - start <= SessionFrames.MAX_RUN) {
        end += pending.length(j);
        j++;
      }
      if (j - i == 1 || !writer.followsOn(pending.seq(i), ack)) {
        data(pending, i, ack);
        i++;
        continue;
      }
      try {
        writer.run(connection, ack, j - i, pending.bytes(), start, end - start);
      } catch (AmpException e) {
        drop(e);
        break;
      }
      i = j;
    }
    return pending.seq(n - 1);
  }

  /** Sends kept frame {@code i} of {@code pending} with the acknowledgement {@code ack}. */
  void data(Unacknowledged pending, int i, long ack) {
    try {
      writer.data(
          connection, pending.seq(i), ack, pending.bytes(), pending.offset(i), pending.length(i));
    } catch (AmpException e) {
      drop(e);
    }
  }

  /** Sends a control frame. */
  void control(byte type, long ack) {
    try {
      writer.control(connection, type, ack);
    } catch (AmpException e) {
      drop(e);
    }
  }

  private void drop(AmpException e) {
    log.debug("session {}: write failed, dropping the connection: {}", session, e.getMessage());
    connection.close();
  }
}
