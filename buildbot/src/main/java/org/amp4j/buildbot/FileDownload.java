package org.amp4j.buildbot;

/**
 * A file for the master to send to a worker: the {@code download_file} command (buildbot-msgpack.md
 * §10.3). The worker creates missing parent directories. Immutable.
 *
 * @param workerPath the absolute path to write on the worker
 * @param maxSize the most bytes the worker accepts, or null for no limit
 * @param blockSize the most bytes the worker asks for at once
 * @param mode the file mode to set, such as {@code 0640}, or null to leave the default
 */
public record FileDownload(String workerPath, Long maxSize, int blockSize, Integer mode) {

  /** Validates the parts. */
  public FileDownload {
    Transfers.checkPath(workerPath);
    Transfers.checkSizes(maxSize, blockSize);
  }

  /** The whole file, in 16 KiB chunks, with the worker's default mode. */
  public static FileDownload of(String workerPath) {
    return new FileDownload(workerPath, null, FileUpload.DEFAULT_BLOCK_SIZE, null);
  }

  /** This download with another chunk size. */
  public FileDownload withBlockSize(int size) {
    return new FileDownload(workerPath, maxSize, size, mode);
  }

  /** This download with a file mode (null for the default). */
  public FileDownload withMode(Integer fileMode) {
    return new FileDownload(workerPath, maxSize, blockSize, fileMode);
  }
}
