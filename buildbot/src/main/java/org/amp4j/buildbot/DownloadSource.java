package org.amp4j.buildbot;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a download comes from: a stream of the caller's, a file on the master (opened at the first
 * read), or bytes. Each read gives at most what the worker asked for, and never more than {@code
 * maxChunk}; an empty chunk means the end. The stream is closed at the worker's close request, or
 * when the command ends.
 */
final class DownloadSource extends Transfer {
  private static final Logger log = LoggerFactory.getLogger(DownloadSource.class);

  private final Path path;
  private final int maxChunk;
  private InputStream in;
  private boolean closed;

  private DownloadSource(InputStream in, Path path, int maxChunk) {
    this.in = in;
    this.path = path;
    this.maxChunk = maxChunk;
  }

  static DownloadSource of(InputStream in, int maxChunk) {
    return new DownloadSource(in, null, maxChunk);
  }

  static DownloadSource of(Path path, int maxChunk) {
    return new DownloadSource(null, path, maxChunk);
  }

  static DownloadSource of(byte[] content, int maxChunk) {
    return new DownloadSource(new ByteArrayInputStream(content.clone()), null, maxChunk);
  }

  @Override
  String describe() {
    return "a download";
  }

  @Override
  synchronized byte[] read(int length) {
    if (length < 0) {
      throw new WorkerRequests.Refused("update_read_file: length " + length + " is negative");
    }
    try {
      if (closed) {
        throw new IOException("it is already closed");
      }
      if (in == null) {
        in = Files.newInputStream(path);
      }
      return in.readNBytes(Math.min(length, maxChunk));
    } catch (IOException e) {
      throw new WorkerRequests.Refused("cannot read " + where() + ": " + e.getMessage());
    }
  }

  @Override
  synchronized void closeDownload() {
    closed = true;
    release();
  }

  @Override
  synchronized void finish() {
    closed = true;
    release();
  }

  private void release() {
    if (in == null) {
      return;
    }
    try {
      in.close();
    } catch (IOException e) {
      log.debug("closing {}: {}", where(), e.toString());
    }
    in = null;
  }

  private String where() {
    return path == null ? "the download stream" : path.toString();
  }
}
