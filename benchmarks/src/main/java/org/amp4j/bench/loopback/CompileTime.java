package org.amp4j.bench.loopback;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * The time this JVM's JIT compilers have spent compiling since it started, in milliseconds ({@link
 * CompilationMXBean#getTotalCompilationTime()}), summed over the compiler threads. A run subtracts
 * two readings to see whether the compilers were busy in a window: on a machine of two cores, a
 * compiler thread at work takes CPU from the system under test.
 */
final class CompileTime {
  private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();

  private CompileTime() {}

  /**
   * The total so far.
   *
   * @throws UnsupportedOperationException if this JVM has no JIT compiler or does not time it
   */
  static long millis() {
    if (JIT == null || !JIT.isCompilationTimeMonitoringSupported()) {
      throw new UnsupportedOperationException(
          "this JVM does not report the time its JIT compilers spend (no CompilationMXBean, or"
              + " compilation time monitoring unsupported)");
    }
    return JIT.getTotalCompilationTime();
  }
}
