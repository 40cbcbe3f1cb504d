package org.amp4j.codec.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import java.io.IOException;
import java.io.OutputStream;
import org.amp4j.spi.InboundMessage;
import org.amp4j.spi.LengthPrefixedDecoder;

/**
 * The payload reader of one connection for plain JSON: reads small frames with one non-blocking
 * parser, fed frame after frame, so that a frame does not pay for a new parser, its encoding
 * detection, its symbol table and its buffers.
 *
 * <p>It only ever changes how fast a frame is read, never what comes of it. A frame that is small
 * (at most {@value #MAX_FED_FRAME} bytes) and starts with <code>{</code> is fed to the parser and
 * read; it must then be one message map followed by nothing but JSON whitespace, and the parser
 * must have taken it whole and stand between root values again. Any other frame, and any frame that
 * fails on the fed parser for whatever reason, is read by {@link MessageReader#read} with a new
 * parser as every frame was before: its outcome, the message or the {@link
 * org.amp4j.ProtocolException}, is the frame's. The fed parser is then dropped, and after a frame
 * that only the fed parser refused, this reader feeds no more. That way no state of one frame
 * reaches the next: each frame starts on a parser between two root values, and no frame is judged
 * by the fed parser alone.
 *
 * <p>Bounds of the reuse: the parser keeps the field names it has seen (its symbol table, which
 * speeds up the next frames) and its text buffers, and is replaced by a new one after {@value
 * #RENEW_AFTER} bytes, so that what one connection keeps stays small whatever it receives. It keeps
 * no reference to a frame's bytes after the frame. Not thread-safe: one per decoder.
 */
final class ConnectionReader implements LengthPrefixedDecoder.PayloadReader {

  /** The largest frame read by the fed parser; larger ones get a new parser each. */
  static final int MAX_FED_FRAME = 4096;

  /** The bytes one fed parser reads before it is replaced. */
  static final int RENEW_AFTER = 16384;

  private static final byte[] NOTHING = {};

  private final MessageReader reader;
  private final JsonFactory factory;
  private final Trailing trailing = new Trailing();
  private JsonParser fed; // null until needed, and after a failure or RENEW_AFTER bytes
  private ByteArrayFeeder feeder;
  private int fedBytes;
  private boolean feeding = true;

  ConnectionReader(MessageReader reader, JsonFactory factory) {
    this.reader = reader;
    this.factory = factory;
  }

  /** Whether the factory's non-blocking parser reads what its other parsers read: plain JSON. */
  static boolean feeds(JsonFactory factory) {
    return factory.getClass() == JsonFactory.class
        && factory.getInputDecorator() == null
        && factory.canParseAsync();
  }

  @Override
  public InboundMessage read(byte[] payload, int offset, int length) {
    if (!feeding || length == 0 || length > MAX_FED_FRAME || payload[offset] != '{') {
      return reader.read(payload, offset, length);
    }
    InboundMessage m;
    try {
      m = readFed(payload, offset, length);
    } catch (IOException | RuntimeException e) {
      m = null;
    }
    if (m != null) {
      fedBytes += length;
      if (fedBytes > RENEW_AFTER) {
        drop();
      }
      return m;
    }
    drop();
    m = reader.read(payload, offset, length); // the frame's outcome, failure or message
    feeding = false; // the fed parser refused a frame that a new parser reads
    return m;
  }

  /** Whether frames may still go to the fed parser: false once it refused one a new parser read. */
  boolean feeding() {
    return feeding;
  }

  /**
   * The message of a frame read by the fed parser, or null if the parser is not where it must be.
   */
  private InboundMessage readFed(byte[] payload, int offset, int length) throws IOException {
    if (fed == null) {
      fed = factory.createNonBlockingByteArrayParser();
      feeder = (ByteArrayFeeder) fed.getNonBlockingInputFeeder();
      fedBytes = 0;
    }
    feeder.feedInput(payload, offset, offset + length);
    InboundMessage m = reader.readMessage(fed);
    trailing.blank = true;
    fed.releaseBuffered(trailing); // what the parser has not read yet: only whitespace may follow
    if (!trailing.blank || fed.nextToken() != JsonToken.NOT_AVAILABLE || !feeder.needMoreInput()) {
      return null;
    }
    feeder.feedInput(NOTHING, 0, 0); // lets go of the frame's bytes
    return m;
  }

  private void drop() {
    JsonParser p = fed;
    fed = null;
    feeder = null;
    if (p != null) {
      try {
        p.close();
      } catch (IOException e) {
        // nothing was read from a stream: a parser fed arrays has nothing to fail on here
      }
    }
  }

  /** Checks the bytes the fed parser hands back: JSON whitespace only, as a new parser allows. */
  private static final class Trailing extends OutputStream {
    boolean blank;

    @Override
    public void write(int b) {
      blank &= b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    @Override
    public void write(byte[] b, int off, int len) {
      for (int i = off; i < off + len; i++) {
        write(b[i]);
      }
    }
  }
}
