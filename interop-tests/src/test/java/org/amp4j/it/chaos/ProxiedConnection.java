package org.amp4j.it.chaos;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One client connection through a {@link FaultProxy} and its connection to the target: two pump
 * threads, one per direction, and at most one timer task for the planned fault.
 *
 * <p>A planned fault is resolved once, at the first look after it is due (by the timer or by a
 * pump): it fires if faults are enabled at that moment and is skipped for good otherwise.
 */
final class ProxiedConnection {
  private static final int PENDING = 0;
  private static final int FIRED = 1;
  private static final int SKIPPED = 2;
  private static final int BUFFER_SIZE = 16 * 1024;

  private final FaultProxy proxy;
  private final ConnectionPlan plan;
  private final Socket client;
  private final Socket target;
  private final long dueNanos;
  private final AtomicInteger faultState = new AtomicInteger(PENDING);
  private final AtomicBoolean frozen = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicInteger endsOfStream = new AtomicInteger();
  private final CountDownLatch closedLatch = new CountDownLatch(1);
  private volatile Future<?> timer;

  ProxiedConnection(FaultProxy proxy, ConnectionPlan plan, Socket client, Socket target) {
    this.proxy = proxy;
    this.plan = plan;
    this.client = client;
    this.target = target;
    this.dueNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(plan.delayMillis());
  }

  ConnectionPlan plan() {
    return plan;
  }

  void start() {
    switch (plan.kind()) {
      case CUT -> {
        long grace = plan.midChunk() ? proxy.faults().midChunkGraceMillis() : 0;
        timer = proxy.schedule(this::onTimer, plan.delayMillis() + grace);
      }
      case HALF_OPEN -> timer = proxy.schedule(this::onTimer, plan.delayMillis());
      case NONE -> {}
    }
    String name = "c" + plan.index();
    proxy.startThread(name + "-to-target", () -> pump(Direction.TO_TARGET, client, target));
    proxy.startThread(name + "-to-client", () -> pump(Direction.TO_CLIENT, target, client));
  }

  /** Closes both sides abruptly and counts a cut; false if the connection was already closed. */
  boolean cut() {
    return terminate(true, true);
  }

  /** Closes both sides abruptly without counting a cut. */
  void abort() {
    terminate(true, false);
  }

  private void onTimer() {
    if (!resolveFault(true)) {
      return;
    }
    if (plan.kind() == ConnectionPlan.Kind.CUT) {
      cut();
    } else {
      freeze();
    }
  }

  private void pump(Direction direction, Socket from, Socket to) {
    StallSchedule stalls = proxy.faults().stallSchedule(plan, direction);
    byte[] buffer = new byte[BUFFER_SIZE];
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      while (true) {
        int n = in.read(buffer);
        if (halfOpen()) {
          parkUntilClosed(); // drops what was read: it was "in flight" when the network went away
          return;
        }
        if (n < 0) {
          endOfStream(to);
          return;
        }
        // drawn for every chunk, so the schedule stays aligned with the chunk count
        long stall = stalls.nextStallMillis();
        if (stall > 0 && proxy.faultsEnabled()) {
          proxy.counters().stalls.incrementAndGet();
          if (closedLatch.await(stall, TimeUnit.MILLISECONDS)) {
            return;
          }
          if (halfOpen()) {
            parkUntilClosed();
            return;
          }
        }
        if (plan.kind() == ConnectionPlan.Kind.CUT && plan.midChunk() && resolveFault(false)) {
          int prefix = plan.prefixLength(n);
          proxy.counters().forwarded(direction, prefix);
          try {
            out.write(buffer, 0, prefix);
          } finally {
            cut();
          }
          return;
        }
        // counted before the write, so a reader that has everything also sees the count
        proxy.counters().forwarded(direction, n);
        out.write(buffer, 0, n);
      }
    } catch (IOException e) {
      if (!closed.get() && halfOpen()) {
        parkUntilClosed(); // a half-open link hides the peer's reset as well
      } else {
        abort(); // passes a reset on to the other side
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      abort();
    }
  }

  /** Passes a peer's end of stream on as a half-close; closes the connection after both. */
  private void endOfStream(Socket to) {
    try {
      to.shutdownOutput();
    } catch (IOException e) {
      abort();
      return;
    }
    if (endsOfStream.incrementAndGet() == 2) {
      terminate(false, false);
    }
  }

  /** Whether the fault is due and fires; resolves it on the first look after it is due. */
  private boolean resolveFault(boolean timerFired) {
    int state = faultState.get();
    if (state == PENDING && (timerFired || System.nanoTime() - dueNanos >= 0)) {
      faultState.compareAndSet(PENDING, proxy.faultsEnabled() ? FIRED : SKIPPED);
      state = faultState.get();
    }
    return state == FIRED;
  }

  private boolean halfOpen() {
    if (plan.kind() != ConnectionPlan.Kind.HALF_OPEN) {
      return false;
    }
    if (!frozen.get() && resolveFault(false)) {
      freeze();
    }
    return frozen.get();
  }

  private void freeze() {
    if (frozen.compareAndSet(false, true)) {
      proxy.counters().halfOpens.incrementAndGet();
    }
  }

  private void parkUntilClosed() {
    try {
      closedLatch.await(); // ends when the proxy cuts or closes this connection
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private boolean terminate(boolean abrupt, boolean countAsCut) {
    if (!closed.compareAndSet(false, true)) {
      return false;
    }
    if (countAsCut) {
      proxy.counters().cuts.incrementAndGet(); // before the close, so a peer that sees it sees this
    }
    close(client, abrupt);
    close(target, abrupt);
    closedLatch.countDown();
    Future<?> t = timer;
    if (t != null) {
      t.cancel(false);
    }
    proxy.removed(this);
    return true;
  }

  private static void close(Socket socket, boolean abrupt) {
    try {
      if (abrupt) {
        socket.setSoLinger(true, 0); // close sends RST instead of FIN
      }
    } catch (IOException e) {
      // already closed or reset: closing below is all that is left to do
    }
    try {
      socket.close();
    } catch (IOException e) {
      // nothing more can be done for a socket that fails to close
    }
  }
}
