package org.amp4j.buildbot;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.amp4j.RemoteException;
import org.amp4j.spi.Codec;
import org.amp4j.spi.InboundMessage;
import org.amp4j.spi.MessageDecoder;
import org.amp4j.spi.MessageKind;
import org.amp4j.spi.OutboundMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code buildbot} codec of one worker connection, with the two rules of the protocol that need
 * to know the connection (buildbot-msgpack.md §5, §12):
 *
 * <ul>
 *   <li>A response is looked up among the master's own pending requests: one whose seq_number the
 *       master never sent or already had answered is logged and dropped here, so that it does not
 *       close the connection (the peer treats an answer for an unknown tag as a protocol error).
 *   <li>A request with an op the master does not serve is logged, and its {@code UNHANDLED} error
 *       is sent with the worker's own wording, {@code Command <op> does not exist.}
 * </ul>
 *
 * Thread-safe: encoding happens on any thread, decoding on the connection's I/O thread.
 */
final class WorkerLinkCodec implements Codec {
  private static final Logger log = LoggerFactory.getLogger(WorkerLinkCodec.class);

  private final Codec codec;
  private final Set<String> served;
  private final String worker;
  // Tags of the master's requests not answered yet.
  private final Set<String> pending = ConcurrentHashMap.newKeySet();
  // Ops of the worker's requests nobody serves, by tag, until their error is sent.
  private final Map<String, String> unserved = new ConcurrentHashMap<>();

  /**
   * @param codec the {@code buildbot} codec
   * @param served the ops the master answers
   * @param worker the worker's name, for logs
   */
  WorkerLinkCodec(Codec codec, Set<String> served, String worker) {
    this.codec = codec;
    this.served = Set.copyOf(served);
    this.worker = worker;
  }

  @Override
  public String name() {
    return codec.name();
  }

  @Override
  public byte[] encode(OutboundMessage message) {
    OutboundMessage out = message;
    if (message.kind() == MessageKind.ERROR
        && RemoteException.UNHANDLED.equals(message.errorCode())) {
      String op = unserved.remove(message.tag());
      if (op != null) {
        out = OutboundMessage.error(message.tag(), message.errorCode(), doesNotExist(op));
      }
    }
    byte[] frame = codec.encode(out);
    if (message.kind() == MessageKind.CALL) {
      pending.add(message.tag());
    }
    return frame;
  }

  /** The text a worker answers an unknown op with. */
  static String doesNotExist(String op) {
    return "Command " + op + " does not exist.";
  }

  @Override
  public MessageDecoder newDecoder() {
    MessageDecoder decoder = codec.newDecoder();
    return input -> next(decoder, input);
  }

  private InboundMessage next(MessageDecoder decoder, ByteBuffer input) {
    InboundMessage m;
    while ((m = decoder.next(input)) != null) {
      if (m.kind() == MessageKind.CALL) {
        if (!served.contains(m.command())) {
          log.warn(
              "worker {}: unknown op '{}' (seq_number {}); answering with an error",
              worker,
              m.command(),
              Long.parseUnsignedLong(m.tag(), 16));
          unserved.put(m.tag(), m.command());
        }
        return m;
      }
      if (pending.remove(m.tag())) {
        return m;
      }
      log.warn(
          "worker {}: response for seq_number {}, which has no pending request; ignored",
          worker,
          Long.parseUnsignedLong(m.tag(), 16));
    }
    return null;
  }
}
