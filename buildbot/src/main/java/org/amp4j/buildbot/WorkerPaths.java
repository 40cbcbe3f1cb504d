package org.amp4j.buildbot;

/**
 * Path rules of the worker's system: the worker joins nothing onto its basedir (buildbot-msgpack.md
 * §7.1), so the master makes every path absolute, by POSIX rules or, for a worker whose {@code
 * system} is {@code nt}, Windows rules. Paths are joined as text; nothing is normalised or looked
 * up.
 */
final class WorkerPaths {
  private WorkerPaths() {}

  /**
   * Whether a path is absolute under POSIX ({@code /x}) or Windows ({@code C:\x}, {@code \\h\s}).
   */
  static boolean isAbsoluteAnywhere(String path) {
    return isAbsolute(false, path) || isAbsolute(true, path);
  }

  /** Whether a path is absolute under the given rules. */
  static boolean isAbsolute(boolean windows, String path) {
    if (!windows) {
      return path.startsWith("/");
    }
    if (path.startsWith("\\\\") || path.startsWith("//")) {
      return true; // UNC
    }
    return path.length() >= 3
        && Character.isLetter(path.charAt(0))
        && path.charAt(1) == ':'
        && (path.charAt(2) == '\\' || path.charAt(2) == '/');
  }

  /**
   * A path resolved against a base directory: itself if absolute, else joined to the base with the
   * system's separator (on Windows, {@code /} in the relative part becomes {@code \}).
   */
  static String resolve(boolean windows, String base, String path) {
    if (isAbsolute(windows, path)) {
      return path;
    }
    char separator = windows ? '\\' : '/';
    String relative = windows ? path.replace('/', '\\') : path;
    if (relative.isEmpty() || relative.equals(".")) {
      return base;
    }
    boolean endsWithSeparator =
        base.endsWith(String.valueOf(separator)) || windows && base.endsWith("/");
    return endsWithSeparator ? base + relative : base + separator + relative;
  }
}
