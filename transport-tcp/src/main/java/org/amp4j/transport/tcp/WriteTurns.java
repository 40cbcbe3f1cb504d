package org.amp4j.transport.tcp;

import io.netty.util.concurrent.FastThreadLocal;
import java.util.concurrent.Executor;

/**
 * How many connections one event loop wrote to in its current turn and in the turn before, so that
 * a connection knows whether it has its event loop to itself ({@link #shared}). A turn starts with
 * the first write after the last turn ended, and ends when the task it queued on the event loop
 * runs, after the reads and tasks already due: it spans the writes that one pass of the event loop
 * makes. Confined to its event loop's thread.
 *
 * <p>{@link NettyConnection} flushes a batch early, before the turn ends, only while its event loop
 * is not shared: an early flush lets an idle peer start on the first frames, which is worth its
 * extra system call when one connection has the event loop, and is not when others keep it busy
 * (and their peers with it).
 */
final class WriteTurns {

  private static final FastThreadLocal<WriteTurns> PER_THREAD =
      new FastThreadLocal<>() {
        @Override
        protected WriteTurns initialValue() {
          return new WriteTurns();
        }
      };

  private long turn;
  private int writers; // connections written to in this turn
  private int writersBefore; // in the last turn that had writes
  private boolean endQueued; // whether a turn is going on

  /** The calling event loop thread's turns. */
  static WriteTurns current() {
    return PER_THREAD.get();
  }

  /**
   * Counts a connection's write, once per turn; starts a turn if none is going on, queuing its end
   * on {@code loop}.
   *
   * @param lastTurn what this method returned at the connection's last write, or -1 before its
   *     first
   * @param loop the event loop, which runs the queued end of the turn after what is due now
   * @return the turn of this write, for the connection to give back as {@code lastTurn}
   */
  long wrote(long lastTurn, Executor loop) {
    if (lastTurn == turn) {
      return turn;
    }
    if (!endQueued) {
      endQueued = true;
      loop.execute(this::end);
    }
    writers++;
    return turn;
  }

  /**
   * Whether another connection was written to in this turn or in the last turn that had writes
   * (after a pause, the count of the turn before it: one turn decided on an old count).
   */
  boolean shared() {
    return writers > 1 || writersBefore > 1;
  }

  private void end() {
    writersBefore = writers;
    writers = 0;
    turn++;
    endQueued = false;
  }
}
