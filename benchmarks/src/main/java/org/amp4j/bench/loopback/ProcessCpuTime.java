package org.amp4j.bench.loopback;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * The CPU time this JVM process has used since it started, in nanoseconds: {@link
 * com.sun.management.OperatingSystemMXBean#getProcessCpuTime()}, user and system time of every
 * thread, the application's and the JVM's own (JIT compilers, garbage collectors), the live ones
 * and those that have ended. A run subtracts two readings to get what a window used.
 *
 * <p>The unit is the nanosecond, not the resolution: OpenJDK 17 on Linux counts in clock ticks
 * ({@code times(2)}), 10 ms each, so a difference of two readings is within 10 ms of the truth,
 * under 1 % of the CPU a busy loopback run uses in a window of 2 s or more.
 */
final class ProcessCpuTime {
  private static final OperatingSystemMXBean OS = ManagementFactory.getOperatingSystemMXBean();

  private ProcessCpuTime() {}

  /**
   * The total so far.
   *
   * @throws UnsupportedOperationException if this JVM does not measure its process CPU time
   */
  static long nanos() {
    if (!(OS instanceof com.sun.management.OperatingSystemMXBean os)) {
      throw new UnsupportedOperationException(
          "this JVM does not report its process CPU time (its OperatingSystemMXBean, "
              + OS.getClass().getName()
              + ", is not a com.sun.management.OperatingSystemMXBean)");
    }
    long nanos = os.getProcessCpuTime();
    if (nanos < 0) {
      throw new UnsupportedOperationException(
          "this JVM does not report its process CPU time (getProcessCpuTime() returned "
              + nanos
              + " on "
              + OS.getName()
              + ")");
    }
    return nanos;
  }
}
