package org.amp4j.buildbot;

import java.util.Objects;

/** Checks shared by the transfer descriptions. */
final class Transfers {
  private Transfers() {}

  static void checkPath(String workerPath) {
    Objects.requireNonNull(workerPath, "workerPath");
    if (!WorkerPaths.isAbsoluteAnywhere(workerPath)) {
      throw new IllegalArgumentException(
          "workerPath '" + workerPath + "' is not absolute; make it so with WorkerInfo.resolve");
    }
  }

  static void checkSizes(Long maxSize, int blockSize) {
    if (blockSize <= 0) {
      throw new IllegalArgumentException("blockSize must be positive, is " + blockSize);
    }
    if (maxSize != null && maxSize < 0) {
      throw new IllegalArgumentException("maxSize must not be negative, is " + maxSize);
    }
  }
}
