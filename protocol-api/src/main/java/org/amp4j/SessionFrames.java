package org.amp4j;

import java.nio.ByteBuffer;

/**
 * The frames of a session, which replace a codec's bare frames once the handshake has granted a
 * session. Each carries the sender's cumulative acknowledgement: the last sequence number it has
 * received and handed on.
 *
 * <pre>
 * DATA  01 | seq: u64 | ack: u64 | length: u32 | one codec frame (length bytes)
 * ACK   02 | ack: u64
 * PING  03 | ack: u64          (answered by PONG; both only show liveness)
 * PONG  04 | ack: u64
 * BYE   05 | ack: u64          (the sender ends the session; the receiver ends it too)
 * </pre>
 */
final class SessionFrames {
  static final byte DATA = 1;
  static final byte ACK = 2;
  static final byte PING = 3;
  static final byte PONG = 4;
  static final byte BYE = 5;

  /** The length of a DATA frame's header, before its payload. */
  static final int DATA_HEADER = 1 + 8 + 8 + 4;

  /** The length of a control frame. */
  static final int CONTROL = 1 + 8;

  private SessionFrames() {}

  /** A whole DATA frame. */
  static byte[] data(long seq, long ack, byte[] payload) {
    byte[] frame = new byte[DATA_HEADER + payload.length];
    dataHeader(frame, seq, ack, payload.length);
    System.arraycopy(payload, 0, frame, DATA_HEADER, payload.length);
    return frame;
  }

  /** Writes the header of a DATA frame into the first {@link #DATA_HEADER} bytes of {@code to}. */
  static void dataHeader(byte[] to, long seq, long ack, int payloadLength) {
    to[0] = DATA;
    putLong(to, 1, seq);
    putLong(to, 9, ack);
    putInt(to, 17, payloadLength);
  }

  /** Writes a control frame into the first {@link #CONTROL} bytes of {@code to}. */
  static void control(byte[] to, byte type, long ack) {
    to[0] = type;
    putLong(to, 1, ack);
  }

  private static void putLong(byte[] to, int at, long v) {
    putInt(to, at, (int) (v >>> 32));
    putInt(to, at + 4, (int) v);
  }

  private static void putInt(byte[] to, int at, int v) {
    to[at] = (byte) (v >>> 24);
    to[at + 1] = (byte) (v >>> 16);
    to[at + 2] = (byte) (v >>> 8);
    to[at + 3] = (byte) v;
  }

  private static long getLong(byte[] from, int at) {
    return (long) getInt(from, at) << 32 | (getInt(from, at + 4) & 0xFFFF_FFFFL);
  }

  private static int getInt(byte[] from, int at) {
    return (from[at] & 0xFF) << 24
        | (from[at + 1] & 0xFF) << 16
        | (from[at + 2] & 0xFF) << 8
        | (from[at + 3] & 0xFF);
  }

  /** A whole control frame. */
  static byte[] control(byte type, long ack) {
    byte[] frame = new byte[CONTROL];
    control(frame, type, ack);
    return frame;
  }

  /** What a parser hands on. */
  interface Sink {
    /**
     * A DATA frame; its payload is {@code length} bytes of {@code bytes} from {@code offset}, valid
     * only during the call.
     */
    void data(long seq, long ack, byte[] bytes, int offset, int length);

    void control(byte type, long ack);
  }

  /**
   * Cuts a byte stream into session frames, incrementally. Checks a DATA length before allocating
   * for it. Frames that lie whole in a heap buffer are read in place, their payloads handed on as
   * ranges of its array; the others are collected piece by piece. Not thread-safe.
   */
  static final class Parser {
    private final int maxPayload;
    private final ByteBuffer header = ByteBuffer.allocate(DATA_HEADER);
    private byte[] payload;
    private int filled;

    Parser(int maxPayload) {
      this.maxPayload = maxPayload;
    }

    /**
     * Consumes all of {@code in}.
     *
     * @throws ProtocolException on an unknown frame type or a length over the limit
     */
    void feed(ByteBuffer in, Sink sink) {
      if (in.hasArray() && payload == null && header.position() == 0) {
        wholeFrames(in, sink);
      }
      while (in.hasRemaining()) {
        if (payload == null) {
          if (header.position() == 0) {
            byte type = in.get();
            if (type < DATA || type > BYE) {
              throw new ProtocolException("unknown session frame type " + type);
            }
            header.put(type);
          }
          int need = (header.get(0) == DATA ? DATA_HEADER : CONTROL) - header.position();
          int n = Math.min(need, in.remaining());
          for (int i = 0; i < n; i++) {
            header.put(in.get());
          }
          if (n < need) {
            return;
          }
          if (header.get(0) != DATA) {
            sink.control(header.get(0), header.getLong(1));
            header.clear();
            wholeFramesAfter(in, sink);
            continue;
          }
          int length = header.getInt(17);
          if (length < 0 || length > maxPayload) {
            throw new ProtocolException(
                "session frame of "
                    + Integer.toUnsignedString(length)
                    + " bytes, over "
                    + maxPayload);
          }
          payload = new byte[length];
          filled = 0;
        }
        int n = Math.min(payload.length - filled, in.remaining());
        in.get(payload, filled, n);
        filled += n;
        if (filled == payload.length) {
          byte[] done = payload;
          payload = null;
          long seq = header.getLong(1);
          long ack = header.getLong(9);
          header.clear();
          sink.data(seq, ack, done, 0, done.length);
          wholeFramesAfter(in, sink);
        }
      }
    }

    /** Once a frame split across reads is complete, the frames after it may lie whole again. */
    private void wholeFramesAfter(ByteBuffer in, Sink sink) {
      if (in.hasArray()) {
        wholeFrames(in, sink);
      }
    }

    /**
     * Hands on the frames that lie whole in {@code in}, from the start, and stops before anything
     * else (a partial frame, or one the general path then refuses).
     */
    private void wholeFrames(ByteBuffer in, Sink sink) {
      byte[] a = in.array();
      int base = in.arrayOffset();
      int end = base + in.limit();
      int at = base + in.position();
      while (at < end) {
        byte type = a[at];
        if (type == DATA) {
          if (end - at < DATA_HEADER) {
            break;
          }
          int length = getInt(a, at + 17);
          if (length < 0 || length > maxPayload || end - at - DATA_HEADER < length) {
            break;
          }
          long seq = getLong(a, at + 1);
          long ack = getLong(a, at + 9);
          at += DATA_HEADER + length;
          in.position(at - base);
          sink.data(seq, ack, a, at - length, length);
        } else if (type > DATA && type <= BYE && end - at >= CONTROL) {
          long ack = getLong(a, at + 1);
          at += CONTROL;
          in.position(at - base);
          sink.control(type, ack);
        } else {
          break;
        }
      }
    }
  }
}
