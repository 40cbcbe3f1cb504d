package org.amp4j.buildbot;

/**
 * The master's end of a file transfer a command makes: where the worker's upload chunks go, or
 * where the chunks it asks for come from. Every worker request a transfer does not serve is
 * refused. Called one request at a time, on the connection's handler sequence.
 */
abstract class Transfer {

  /** What the transfer is, for refusals: {@code an upload}, {@code a download}. */
  abstract String describe();

  /** A chunk of an upload. */
  void write(byte[] data) {
    throw refuse("update_upload_*_write");
  }

  /** The end of an uploaded file. */
  void closeUpload() {
    throw refuse("update_upload_file_close");
  }

  /** The end of an uploaded directory's tar stream. */
  void unpack() {
    throw refuse("update_upload_directory_unpack");
  }

  /** The times of an uploaded file. */
  void utime(double accessTime, double modifiedTime) {
    throw refuse("update_upload_file_utime");
  }

  /** At most {@code length} bytes of a download; empty at its end. */
  byte[] read(int length) {
    throw refuse("update_read_file");
  }

  /** The end of a download. */
  void closeDownload() {
    throw refuse("update_read_file_close");
  }

  /** Releases what is still open when the command ends, whatever the way; never throws. */
  abstract void finish();

  private WorkerRequests.Refused refuse(String op) {
    return new WorkerRequests.Refused(op + " does not belong to " + describe());
  }
}
