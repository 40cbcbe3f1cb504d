package org.amp4j.buildbot;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where an upload goes: a stream of the caller's, or a file on the master, created (or truncated)
 * at the first chunk or at the end, whichever comes first. The stream is closed at the worker's
 * close (or unpack) request, or when the command ends. An I/O failure refuses the worker's request,
 * which aborts the transfer on the worker.
 */
final class UploadSink extends Transfer {
  private static final Logger log = LoggerFactory.getLogger(UploadSink.class);

  private final Path path;
  private final boolean directory;
  private OutputStream out;
  private boolean closed;

  private UploadSink(OutputStream out, Path path, boolean directory) {
    this.out = out;
    this.path = path;
    this.directory = directory;
  }

  /** A file upload to a stream. */
  static UploadSink toStream(OutputStream out, boolean directory) {
    return new UploadSink(out, null, directory);
  }

  /** A file upload to a file on the master. */
  static UploadSink toFile(Path path) {
    return new UploadSink(null, path, false);
  }

  @Override
  String describe() {
    return directory ? "a directory upload" : "a file upload";
  }

  @Override
  synchronized void write(byte[] data) {
    try {
      open().write(data);
    } catch (IOException e) {
      throw new WorkerRequests.Refused("cannot write " + where() + ": " + e.getMessage());
    }
  }

  @Override
  void closeUpload() {
    if (directory) {
      super.closeUpload();
    }
    close();
  }

  @Override
  void unpack() {
    if (!directory) {
      super.unpack();
    }
    close();
  }

  @Override
  synchronized void utime(double accessTime, double modifiedTime) {
    if (directory) {
      super.utime(accessTime, modifiedTime);
    }
    if (path == null) {
      return; // a stream has no times
    }
    try {
      Files.getFileAttributeView(path, BasicFileAttributeView.class)
          .setTimes(time(modifiedTime), time(accessTime), null);
    } catch (IOException e) {
      throw new WorkerRequests.Refused(
          "cannot set the times of " + where() + ": " + e.getMessage());
    }
  }

  private synchronized void close() {
    try {
      open().close();
      closed = true;
    } catch (IOException e) {
      throw new WorkerRequests.Refused("cannot close " + where() + ": " + e.getMessage());
    }
  }

  @Override
  synchronized void finish() {
    if (closed || out == null) {
      return;
    }
    closed = true;
    try {
      out.close();
    } catch (IOException e) {
      log.debug("closing {} after its command ended: {}", where(), e.toString());
    }
  }

  private OutputStream open() throws IOException {
    if (closed) {
      throw new IOException("it is already closed");
    }
    if (out == null) {
      out = Files.newOutputStream(path);
    }
    return out;
  }

  private String where() {
    return path == null ? "the upload stream" : path.toString();
  }

  private static FileTime time(double epochSeconds) {
    return FileTime.from(Math.round(epochSeconds * 1_000_000), TimeUnit.MICROSECONDS);
  }
}
