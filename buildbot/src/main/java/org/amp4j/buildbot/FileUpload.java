package org.amp4j.buildbot;

/**
 * A file for a worker to send to the master: the {@code upload_file} command (buildbot-msgpack.md
 * §10.3). Immutable.
 *
 * @param workerPath the absolute path of the file on the worker
 * @param maxSize the most bytes to send, or null for no limit; a longer file is truncated and the
 *     command reports rc 1
 * @param blockSize the most bytes per chunk (default {@value #DEFAULT_BLOCK_SIZE})
 * @param keepStamp whether to apply the file's access and modification times to a destination
 *     {@link java.nio.file.Path} on the master
 */
public record FileUpload(String workerPath, Long maxSize, int blockSize, boolean keepStamp) {

  /** The default chunk size, 16 KiB. */
  public static final int DEFAULT_BLOCK_SIZE = 16 * 1024;

  /** Validates the parts. */
  public FileUpload {
    Transfers.checkPath(workerPath);
    Transfers.checkSizes(maxSize, blockSize);
  }

  /** The whole file, in chunks of the default size, without its times. */
  public static FileUpload of(String workerPath) {
    return new FileUpload(workerPath, null, DEFAULT_BLOCK_SIZE, false);
  }

  /** This upload with another chunk size. */
  public FileUpload withBlockSize(int size) {
    return new FileUpload(workerPath, maxSize, size, keepStamp);
  }

  /** This upload with a size limit (null for none). */
  public FileUpload withMaxSize(Long size) {
    return new FileUpload(workerPath, size, blockSize, keepStamp);
  }

  /** This upload keeping, or not, the file's times. */
  public FileUpload withKeepStamp(boolean keep) {
    return new FileUpload(workerPath, maxSize, blockSize, keep);
  }
}
