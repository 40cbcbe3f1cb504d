package org.amp4j.buildbot;

import org.amp4j.AmpCommand;
import org.amp4j.AmpError;
import org.amp4j.Command;
import org.amp4j.Field;

/**
 * The requests a worker sends its master while commands run (buildbot-msgpack.md §8–§10). Each is
 * answered nil, except {@code update_read_file}; a refusal is an error response whose text is the
 * {@link Refused} message. Keys a worker sends that are not declared here are ignored.
 */
final class WorkerRequests {
  private WorkerRequests() {}

  /** The master refuses a worker's request; the worker sees the message as the error text. */
  static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the refusal with the text the worker gets. */
    public Refused(String message) {
      super(message);
    }
  }

  /**
   * Streamed output and results of a command.
   *
   * @param args a list of {@code [key, value]} pairs, in order
   */
  @AmpCommand(
      name = "update",
      errors = @AmpError(code = BuildbotCodecProvider.ERROR_CODE, type = Refused.class))
  record Update(Object args, @Field(name = "command_id") String commandId)
      implements Command<Void> {}

  /**
   * The end of a command.
   *
   * @param args nil when it ran to its end, else (normally a str) the failure
   */
  @AmpCommand(
      name = "complete",
      errors = @AmpError(code = BuildbotCodecProvider.ERROR_CODE, type = Refused.class))
  record Complete(@Field(optional = true) Object args, @Field(name = "command_id") String commandId)
      implements Command<Void> {}

  /** One chunk of an uploaded file. */
  @AmpCommand(
      name = "update_upload_file_write",
      errors = @AmpError(code = BuildbotCodecProvider.ERROR_CODE, type = Refused.class))
  record UploadFileWrite(
      @Field(name = "args") byte[] data, @Field(name = "command_id") String commandId)
      implements Command<Void> {}

  /** The end of an uploaded file. */
  @AmpCommand(
      name = "update_upload_file_close",
      errors = @AmpError(code = BuildbotCodecProvider.ERROR_CODE, type = Refused.class))
  record UploadFileClose(@Field(name = "command_id") String commandId) implements Command<Void> {}

  /** The times of an uploaded file, in seconds since the epoch (keepstamp). */
  @AmpCommand(
      name = "update_upload_file_utime",
      errors = @AmpError(code = BuildbotCodecProvider.ERROR_CODE, type = Refused.class))
  record UploadFileUtime(
      @Field(name = "access_time") double accessTime,
      @Field(name = "modified_time") double modifiedTime,
      @Field(name = "command_id") String commandId)
      implements Command<Void> {}

  /** One chunk of an uploaded directory's tar stream. */
  @AmpCommand(
      name = "update_upload_directory_write",
      errors = @AmpError(code = BuildbotCodecProvider.ERROR_CODE, type = Refused.class))
  record UploadDirectoryWrite(
      @Field(name = "args") byte[] data, @Field(name = "command_id") String commandId)
      implements Command<Void> {}

  /** The end of an uploaded directory's tar stream. */
  @AmpCommand(
      name = "update_upload_directory_unpack",
      errors = @AmpError(code = BuildbotCodecProvider.ERROR_CODE, type = Refused.class))
  record UploadDirectoryUnpack(@Field(name = "command_id") String commandId)
      implements Command<Void> {}

  /** Asks for the next chunk of a downloaded file: at most {@code length} bytes, empty at EOF. */
  @AmpCommand(
      name = "update_read_file",
      errors = @AmpError(code = BuildbotCodecProvider.ERROR_CODE, type = Refused.class))
  record ReadFile(long length, @Field(name = "command_id") String commandId)
      implements Command<ReadFile.Result> {
    /** The chunk, sent as bin. */
    record Result(byte[] result) {}
  }

  /** The end of a downloaded file. */
  @AmpCommand(
      name = "update_read_file_close",
      errors = @AmpError(code = BuildbotCodecProvider.ERROR_CODE, type = Refused.class))
  record ReadFileClose(@Field(name = "command_id") String commandId) implements Command<Void> {}
}
