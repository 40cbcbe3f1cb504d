package org.amp4j.buildbot;

import org.amp4j.Responders;

/**
 * How the master answers a worker's requests (buildbot-msgpack.md §8–§10): each is routed by its
 * {@code command_id} to the running command, whose listener, result or transfer it feeds. A request
 * for an unknown command, or one its command cannot serve, is refused with an error response; the
 * connection stays open.
 *
 * <p>The peer runs these handlers one at a time, in arrival order, so a command's updates reach its
 * listener in order and its transfer sees one chunk at a time.
 */
final class WorkerHandlers {
  private WorkerHandlers() {}

  static Responders responders(RealWorker w) {
    return Responders.builder(BuildbotTypes.TYPES)
        .onVoid(
            WorkerRequests.Update.class,
            u -> UpdateRouter.route(u.args(), w.commands().get(u.commandId(), "update")))
        .onVoid(
            WorkerRequests.Complete.class,
            c -> w.commands().completed(w.commands().get(c.commandId(), "complete"), c.args()))
        .onVoid(
            WorkerRequests.UploadFileWrite.class,
            r -> transfer(w, r.commandId(), "update_upload_file_write").write(r.data()))
        .onVoid(
            WorkerRequests.UploadFileClose.class,
            r -> transfer(w, r.commandId(), "update_upload_file_close").closeUpload())
        .onVoid(
            WorkerRequests.UploadFileUtime.class,
            r ->
                transfer(w, r.commandId(), "update_upload_file_utime")
                    .utime(r.accessTime(), r.modifiedTime()))
        .onVoid(
            WorkerRequests.UploadDirectoryWrite.class,
            r -> transfer(w, r.commandId(), "update_upload_directory_write").write(r.data()))
        .onVoid(
            WorkerRequests.UploadDirectoryUnpack.class,
            r -> transfer(w, r.commandId(), "update_upload_directory_unpack").unpack())
        .on(
            WorkerRequests.ReadFile.class,
            r ->
                new WorkerRequests.ReadFile.Result(
                    transfer(w, r.commandId(), "update_read_file")
                        .read((int) Math.max(-1, Math.min(Integer.MAX_VALUE, r.length())))))
        .onVoid(
            WorkerRequests.ReadFileClose.class,
            r -> transfer(w, r.commandId(), "update_read_file_close").closeDownload())
        .build();
  }

  private static Transfer transfer(RealWorker w, String commandId, String op) {
    return w.commands().get(commandId, op).transfer();
  }
}
