package org.amp4j.bench.loopback;

import java.lang.management.ManagementFactory;

/**
 * The heap bytes this JVM has allocated since it started, by every thread, the live ones and those
 * that have ended: {@link com.sun.management.ThreadMXBean#getTotalThreadAllocatedBytes()}, in
 * OpenJDK 17 since 17.0.10 (and in every JDK from 21). A run subtracts two readings to get what a
 * window allocated.
 *
 * <p>The figure is the size of the objects and arrays the threads allocated on the Java heap,
 * whether they were collected since or not; memory outside the heap, such as Netty's pooled direct
 * buffers, is not in it. It is an approximation in that the JVM may add a thread's allocations to
 * the total a little after they happen; HotSpot counts the thread-local allocation buffers in use,
 * so a reading is at most a few allocations behind.
 */
final class AllocatedBytes {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private AllocatedBytes() {}

  /**
   * The total so far.
   *
   * @throws UnsupportedOperationException if this JVM does not measure allocation, or measures it
   *     per thread but not in total, or has the measurement turned off
   */
  static long total() {
    long total = THREADS.getTotalThreadAllocatedBytes();
    if (total < 0) {
      throw new UnsupportedOperationException(
          "this JVM does not report its total allocated bytes (thread allocated memory "
              + (THREADS.isThreadAllocatedMemoryEnabled() ? "enabled" : "disabled")
              + ")");
    }
    return total;
  }
}
