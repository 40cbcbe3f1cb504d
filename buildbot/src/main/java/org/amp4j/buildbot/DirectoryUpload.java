package org.amp4j.buildbot;

/**
 * A directory for a worker to send to the master as a tar stream: the {@code upload_directory}
 * command (buildbot-msgpack.md §10.3). Immutable.
 *
 * @param workerPath the absolute path of the directory on the worker; tar members are relative to
 *     it
 * @param maxSize the most bytes to send, or null for no limit
 * @param blockSize the most bytes per chunk
 * @param compress {@code gz}, {@code bz2}, or null for a plain tar stream
 */
public record DirectoryUpload(String workerPath, Long maxSize, int blockSize, String compress) {

  /** Validates the parts. */
  public DirectoryUpload {
    Transfers.checkPath(workerPath);
    Transfers.checkSizes(maxSize, blockSize);
    if (compress != null && !compress.equals("gz") && !compress.equals("bz2")) {
      throw new IllegalArgumentException("compress is gz, bz2 or null, not " + compress);
    }
  }

  /** The whole directory as a plain tar stream, in 16 KiB chunks. */
  public static DirectoryUpload of(String workerPath) {
    return new DirectoryUpload(workerPath, null, FileUpload.DEFAULT_BLOCK_SIZE, null);
  }
}
