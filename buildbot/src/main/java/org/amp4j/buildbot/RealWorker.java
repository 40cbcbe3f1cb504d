package org.amp4j.buildbot;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.amp4j.Amp;
import org.amp4j.CallTimeoutException;
import org.amp4j.ConnectionLostException;
import org.amp4j.Peer;
import org.amp4j.PeerConfig;
import org.amp4j.Responders;
import org.amp4j.spi.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker connection: its peer, the commands started on it by id, and the worker's info once the
 * handshake has read it. Commands are registered before {@code start_command} is sent, since their
 * {@code update}s and {@code complete} may come before its answer (buildbot-msgpack.md §7.3).
 * Thread-safe.
 */
final class RealWorker implements Worker {
  private static final Logger log = LoggerFactory.getLogger(RealWorker.class);

  private final String name;
  private final Supplier<String> commandIds;
  private final Consumer<String> orphans;
  private final int maxChunk;
  private final CommandTable commands;
  private final AtomicBoolean lost = new AtomicBoolean();
  private final CompletableFuture<Void> ended = new CompletableFuture<>();
  private volatile Peer peer;
  private volatile WorkerInfo info;

  private RealWorker(
      String name, Supplier<String> commandIds, Consumer<String> orphans, int maxChunk) {
    this.name = name;
    this.commandIds = commandIds;
    this.orphans = orphans;
    this.commands = new CommandTable(name);
    this.maxChunk = maxChunk;
  }

  /**
   * Wraps a new connection and starts reading from it.
   *
   * @param config the peer configuration (fixed codec, no amp4j handshake)
   * @param codec the {@code buildbot} codec
   * @param commandIds makes the master's command ids
   * @param orphans takes the id of a command that may run on the worker though its connection is
   *     lost
   */
  static RealWorker open(
      Connection connection,
      String name,
      PeerConfig config,
      BuildbotCodec codec,
      Supplier<String> commandIds,
      Consumer<String> orphans) {
    // a read chunk must fit a frame with its envelope
    int maxChunk =
        Math.max(
            1, Math.min(config.limits().maxValueLength(), config.limits().maxFrameLength() - 64));
    RealWorker worker = new RealWorker(name, commandIds, orphans, maxChunk);
    Responders responders = WorkerHandlers.responders(worker);
    WorkerLinkCodec link = new WorkerLinkCodec(codec, responders.commandNames(), name);
    worker.peer = Amp.open(connection, link, config, p -> responders);
    return worker;
  }

  Peer peer() {
    return peer;
  }

  void info(WorkerInfo workerInfo) {
    this.info = workerInfo;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public WorkerInfo info() {
    return info;
  }

  @Override
  public String remoteAddress() {
    return peer.remoteAddress();
  }

  @Override
  public CompletionStage<Void> print(String text) {
    return peer.call(new MasterRequests.Print(Objects.requireNonNull(text, "text")));
  }

  @Override
  public CompletionStage<Void> keepalive() {
    return peer.call(new MasterRequests.Keepalive());
  }

  @Override
  public CompletionStage<WorkerInfo> getWorkerInfo() {
    return peer.call(new MasterRequests.GetWorkerInfo())
        .thenApply(r -> WorkerInfoParser.parse(r.result()));
  }

  /** A keepalive with its own timeout. */
  CompletionStage<Void> keepalive(Duration timeout) {
    return peer.call(new MasterRequests.Keepalive(), timeout);
  }

  @Override
  public CompletionStage<Void> setWorkerSettings(WorkerSettings settings) {
    return peer.call(new MasterRequests.SetWorkerSettings(CommandArgs.settings(settings)));
  }

  @Override
  public RunningCommand shell(ShellCommand command) {
    return shell(command, CommandListener.NONE);
  }

  @Override
  public RunningCommand shell(ShellCommand command, CommandListener listener) {
    return start("shell", CommandArgs.shell(command), listener, null);
  }

  @Override
  public RunningCommand mkdir(String... paths) {
    return start("mkdir", CommandArgs.paths(List.of(paths)), CommandListener.NONE, null);
  }

  @Override
  public RunningCommand rmdir(String... paths) {
    return start("rmdir", CommandArgs.paths(List.of(paths)), CommandListener.NONE, null);
  }

  @Override
  public RunningCommand cpdir(String fromPath, String toPath) {
    return start("cpdir", CommandArgs.cpdir(fromPath, toPath), CommandListener.NONE, null);
  }

  @Override
  public RunningCommand stat(String path) {
    return start("stat", CommandArgs.path(path), CommandListener.NONE, null);
  }

  @Override
  public RunningCommand listdir(String path) {
    return start("listdir", CommandArgs.path(path), CommandListener.NONE, null);
  }

  @Override
  public RunningCommand glob(String pattern) {
    return start("glob", CommandArgs.path(pattern), CommandListener.NONE, null);
  }

  @Override
  public RunningCommand rmfile(String path) {
    return start("rmfile", CommandArgs.path(path), CommandListener.NONE, null);
  }

  @Override
  public RunningCommand uploadFile(FileUpload upload, OutputStream sink) {
    Objects.requireNonNull(sink, "sink");
    return start("upload_file", CommandArgs.upload(upload), null, UploadSink.toStream(sink, false));
  }

  @Override
  public RunningCommand uploadFile(FileUpload upload, Path destination) {
    Objects.requireNonNull(destination, "destination");
    return start("upload_file", CommandArgs.upload(upload), null, UploadSink.toFile(destination));
  }

  @Override
  public RunningCommand uploadDirectory(DirectoryUpload upload, OutputStream tarSink) {
    Objects.requireNonNull(tarSink, "tarSink");
    return start(
        "upload_directory", CommandArgs.upload(upload), null, UploadSink.toStream(tarSink, true));
  }

  @Override
  public RunningCommand downloadFile(FileDownload download, InputStream source) {
    Objects.requireNonNull(source, "source");
    return start(
        "download_file", CommandArgs.download(download), null, DownloadSource.of(source, maxChunk));
  }

  @Override
  public RunningCommand downloadFile(FileDownload download, Path source) {
    Objects.requireNonNull(source, "source");
    return start(
        "download_file", CommandArgs.download(download), null, DownloadSource.of(source, maxChunk));
  }

  @Override
  public RunningCommand downloadFile(FileDownload download, byte[] content) {
    Objects.requireNonNull(content, "content");
    return start(
        "download_file",
        CommandArgs.download(download),
        null,
        DownloadSource.of(content, maxChunk));
  }

  /** Registers a command, then starts it; a refused or unanswered start fails it. */
  private RunningCommand start(
      String commandName, Map<String, Object> args, CommandListener listener, Transfer transfer) {
    String id = commandIds.get();
    RealRunningCommand command =
        new RealRunningCommand(
            id, commandName, this, listener == null ? CommandListener.NONE : listener, transfer);
    if (!peer.isOpen()) {
      command.failed(lost(null)); // nothing reached the worker
      return command;
    }
    commands.add(command);
    peer.call(new MasterRequests.StartCommand(id, commandName, args, null))
        .whenComplete(
            (v, failure) -> {
              if (failure != null && commands.remove(command)) {
                startFailed(command, unwrap(failure));
              }
            });
    return command;
  }

  /**
   * A start_command that was refused or not answered. Unless refused, the worker may be running the
   * command all the same: on a live connection it is interrupted at once, on a lost one it is an
   * orphan.
   */
  private void startFailed(RealRunningCommand command, Throwable cause) {
    log.debug(
        "worker {}: {} {} did not start: {}",
        name,
        command.commandName(),
        command.id(),
        cause.toString());
    if (cause instanceof ConnectionLostException) {
      orphans.accept(command.id());
      cause = lost(cause);
    } else if (cause instanceof CallTimeoutException) {
      interrupt(command.id(), "start_command was not answered in time");
    }
    command.failed(cause);
  }

  @Override
  public CompletionStage<Void> interrupt(String commandId, String why) {
    return peer.call(
        new MasterRequests.InterruptCommand(
            Objects.requireNonNull(commandId, "commandId"), Objects.requireNonNull(why, "why")));
  }

  @Override
  public CompletionStage<Void> shutdown() {
    return peer.call(new MasterRequests.Shutdown());
  }

  @Override
  public Collection<RunningCommand> runningCommands() {
    return commands.running();
  }

  /** The commands running on this connection. */
  CommandTable commands() {
    return commands;
  }

  /** The failure of the commands of this connection once it is lost, naming the worker. */
  ConnectionLostException lost(Throwable cause) {
    return new ConnectionLostException(
        "connection to worker " + name + " (" + remoteAddress() + ") lost", cause);
  }

  /** Whether this is the first time the connection is taken for lost. */
  boolean markLost() {
    return lost.compareAndSet(false, true);
  }

  /** Completes once the master has dealt with the loss of this connection. */
  CompletableFuture<Void> ended() {
    return ended;
  }

  @Override
  public boolean isOpen() {
    return peer.isOpen();
  }

  @Override
  public CompletionStage<Void> closeFuture() {
    return peer.closeFuture();
  }

  @Override
  public void close() {
    peer.close();
  }

  static Throwable unwrap(Throwable t) {
    return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
  }

  @Override
  public String toString() {
    return "Worker[" + name + " " + (peer == null ? "" : peer.remoteAddress()) + "]";
  }
}
