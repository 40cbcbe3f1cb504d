package org.amp4j.spi;

import java.nio.ByteBuffer;
import org.amp4j.ProtocolException;

/**
 * The decoder of one connection for codecs whose frames are a 4-byte big-endian length and then
 * that many bytes holding one message ({@code json}, {@code cbor}, {@code msgpack}, {@code
 * buildbot}). It checks the length before anything is allocated for the payload, keeps a partial
 * frame across calls, reads a whole frame already in a heap buffer in place, and takes no byte
 * beyond the frame it completes. After a {@link ProtocolException} it refuses further input. Not
 * thread-safe.
 */
public final class LengthPrefixedDecoder implements MessageDecoder {

  /** Bytes in the length prefix. */
  public static final int PREFIX_LENGTH = 4;

  /** Reads the message held by one frame's payload. */
  @FunctionalInterface
  public interface PayloadReader {
    /**
     * Reads {@code length} bytes from {@code offset}; the array is only valid during the call.
     *
     * @throws ProtocolException if they are not exactly one well-formed message
     */
    InboundMessage read(byte[] bytes, int offset, int length);
  }

  private final String codec;
  private final int maxFrameLength;
  private final PayloadReader reader;
  private final byte[] header = new byte[PREFIX_LENGTH];
  private int headerFill;
  private byte[] payload; // a partial frame's payload, null otherwise
  private int payloadFill;
  private ProtocolException failure;

  /**
   * A decoder for one connection.
   *
   * @param codec the codec's name, for messages
   * @param maxFrameLength the largest payload accepted
   * @param reader reads each complete payload
   */
  public LengthPrefixedDecoder(String codec, int maxFrameLength, PayloadReader reader) {
    this.codec = codec;
    this.maxFrameLength = maxFrameLength;
    this.reader = reader;
  }

  /** Writes the payload's length, {@code frame.length - PREFIX_LENGTH}, into the frame's prefix. */
  public static void putLength(byte[] frame) {
    putLength(frame, 0, frame.length - PREFIX_LENGTH);
  }

  /**
   * Starts a frame in {@code out}: keeps room for its length prefix, which {@link #endFrame} fills
   * in once the payload follows.
   *
   * @return where the frame starts
   */
  public static int beginFrame(FrameBuffer out) {
    int start = out.size();
    out.ensureRoom(PREFIX_LENGTH);
    out.advance(PREFIX_LENGTH);
    return start;
  }

  /**
   * Ends the frame started at {@code start} by {@link #beginFrame}: writes the length of the
   * payload that follows its prefix up to {@link FrameBuffer#size()}.
   */
  public static void endFrame(FrameBuffer out, int start) {
    putLength(out.array(), start, out.size() - start - PREFIX_LENGTH);
  }

  private static void putLength(byte[] to, int at, int length) {
    to[at] = (byte) (length >>> 24);
    to[at + 1] = (byte) (length >>> 16);
    to[at + 2] = (byte) (length >>> 8);
    to[at + 3] = (byte) length;
  }

  @Override
  public InboundMessage next(ByteBuffer input) {
    if (failure != null) {
      throw new ProtocolException("decoder already failed: " + failure.getMessage(), failure);
    }
    try {
      return nextFrame(input);
    } catch (ProtocolException e) {
      failure = e;
      throw e;
    } catch (RuntimeException e) {
      failure = new ProtocolException("malformed " + codec + " frame: " + e, e);
      throw failure;
    }
  }

  private InboundMessage nextFrame(ByteBuffer input) {
    while (headerFill < PREFIX_LENGTH) {
      if (!input.hasRemaining()) {
        return null;
      }
      header[headerFill++] = input.get();
      if (headerFill == PREFIX_LENGTH) {
        checkLength();
      }
    }
    int length = length();
    if (payload == null && input.hasArray() && input.remaining() >= length) {
      int at = input.arrayOffset() + input.position();
      input.position(input.position() + length);
      headerFill = 0;
      return reader.read(input.array(), at, length);
    }
    if (payload == null) {
      payload = new byte[length];
      payloadFill = 0;
    }
    int n = Math.min(input.remaining(), length - payloadFill);
    input.get(payload, payloadFill, n);
    payloadFill += n;
    if (payloadFill < length) {
      return null;
    }
    byte[] whole = payload;
    payload = null;
    headerFill = 0;
    return reader.read(whole, 0, length);
  }

  private void checkLength() {
    long length = Integer.toUnsignedLong(length());
    if (length == 0) {
      throw new ProtocolException(codec + " frame length 0: a frame holds one message");
    }
    if (length > maxFrameLength) {
      throw new ProtocolException(
          codec + " frame length " + length + " exceeds maxFrameLength " + maxFrameLength);
    }
  }

  private int length() {
    return (header[0] & 0xFF) << 24
        | (header[1] & 0xFF) << 16
        | (header[2] & 0xFF) << 8
        | (header[3] & 0xFF);
  }
}
