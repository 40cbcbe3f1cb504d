package org.amp4j;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.amp4j.spi.InboundMessage;
import org.amp4j.spi.OutboundMessage;
import org.amp4j.spi.TypedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answering side of a {@link RealPeer}: runs each received call through the responders and
 * writes what comes of it, with the error semantics of Twisted AMP (amp-wire.md §5, §6): declared
 * errors by code, fatal ones closing the connection, anything else {@code UNKNOWN}. Runs on the
 * peer's executor.
 */
final class Answers {
  private static final Logger log = LoggerFactory.getLogger(Answers.class);
  private static final String UNKNOWN_DESCRIPTION = "Unknown Error";

  private final RealPeer peer;

  Answers(RealPeer peer) {
    this.peer = peer;
  }

  /**
   * {@link #handle}, for one of several calls run in one task: a failure is reported as the
   * executor would report it, and the calls after it still run.
   */
  void handleGuarded(InboundMessage m) {
    try {
      handle(m);
    } catch (RuntimeException e) {
      Thread t = Thread.currentThread();
      t.getUncaughtExceptionHandler().uncaughtException(t, e);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  void handle(InboundMessage m) {
    Responders.Entry entry = peer.responders().lookup(m.command());
    String tag = m.tag();
    if (entry == null) {
      byte[] name = m.command().getBytes(StandardCharsets.UTF_8);
      if (tag == null) {
        peer.fail("unknown command " + m.command() + " sent without answer", null);
      } else {
        log.debug("unhandled command {} from {}", m.command(), peer.remoteAddress());
        peer.writeError(
            tag, RemoteException.UNHANDLED, "Unhandled Command: " + PythonRepr.bytes(name));
      }
      peer.requestDone();
      return;
    }
    CommandSpec spec = entry.spec();
    Object args;
    try {
      args = m.fields().read(spec.arguments());
    } catch (IllegalArgumentException e) {
      log.warn("{} from {}: bad arguments: {}", spec.name(), peer.remoteAddress(), e.getMessage());
      answerUnknown(tag, spec.name());
      peer.requestDone();
      return;
    }
    int callEpoch = peer.epoch();
    CompletionStage<?> result;
    try {
      result = entry.handler().apply(args);
    } catch (RuntimeException | Error e) {
      result = CompletableFuture.failedFuture(e);
    }
    if (result instanceof CompletableFuture<?> f && f.isDone() && !f.isCompletedExceptionally()) {
      // answered already, as a handler returning a value is: no callback to register
      finish(spec, tag, callEpoch, f.getNow(null), null);
    } else {
      result.whenComplete((r, t) -> finish(spec, tag, callEpoch, r, t));
    }
  }

  private void finish(
      CommandSpec spec, String tag, int callEpoch, Object response, Throwable failure) {
    try {
      if (callEpoch == peer.epoch()) { // else its session is gone, and its caller with it
        respond(spec, tag, response, failure);
      }
    } finally {
      peer.requestDone();
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void respond(CommandSpec spec, String tag, Object response, Throwable failure) {
    if (failure != null) {
      Throwable t =
          failure instanceof CompletionException && failure.getCause() != null
              ? failure.getCause()
              : failure;
      java.util.Optional<CommandSpec.ErrorSpec> declared = spec.errorFor(t);
      if (declared.isPresent()) {
        CommandSpec.ErrorSpec e = declared.get();
        if (tag == null) {
          peer.fail(spec.name() + " sent without answer failed with " + e.code(), t);
          return;
        }
        peer.writeError(tag, e.code(), t.getMessage() == null ? "" : t.getMessage());
        if (e.fatal()) {
          log.info(
              "{}: fatal error {}; closing connection to {}",
              spec.name(),
              e.code(),
              peer.remoteAddress());
          peer.closeBecause(new RemoteException(e.code(), String.valueOf(t.getMessage())));
        }
        return;
      }
      log.error(
          "{} from {}: handler failed with an undeclared exception",
          spec.name(),
          peer.remoteAddress(),
          t);
      answerUnknown(tag, spec.name());
      return;
    }
    if (tag == null) {
      return;
    }
    List<TypedValue<?>> values;
    try {
      values =
          spec.response() == null
              ? List.of()
              : OutboundValues.of(spec.response(), response, spec.name());
    } catch (AmpException | IllegalArgumentException e) {
      log.error("{}: bad answer for {}: {}", spec.name(), peer.remoteAddress(), e.getMessage());
      answerUnknown(tag, spec.name());
      return;
    }
    try {
      peer.write(OutboundMessage.answer(tag, values));
    } catch (EncodingException e) {
      // As Twisted: an answer that cannot be serialized (a value too long) is an unhandled
      // failure; nothing is sent for the request and the connection closes.
      peer.fail(spec.name() + ": cannot encode the answer: " + e.getMessage(), e);
    } catch (AmpException | IllegalArgumentException e) {
      log.error(
          "{}: cannot encode the answer for {}: {}",
          spec.name(),
          peer.remoteAddress(),
          e.getMessage());
      answerUnknown(tag, spec.name());
    }
  }

  private void answerUnknown(String tag, String command) {
    if (tag == null) {
      peer.fail(command + " sent without answer failed", null);
      return;
    }
    peer.writeError(tag, RemoteException.UNKNOWN, UNKNOWN_DESCRIPTION);
    if (peer.config().closeOnUnknownError()) {
      peer.closeBecause(new RemoteException(RemoteException.UNKNOWN, command + " failed"));
    }
  }
}
