package org.amp4j;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.amp4j.spi.Connection;

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
 * NEXT  06 | ack - last ack: varint | length: varint | one codec frame (length bytes)
 * RUN   07 | ack - last ack: varint | count: varint | length: varint | count codec frames
 * </pre>
 *
 * <p>NEXT is the DATA frame that follows another on the same connection: its sequence number is one
 * more than the last data frame's, and its acknowledgement is given as what it adds to the last one
 * any frame of that connection carried (0 before the first). Its header is 3 bytes for a frame
 * under 128 bytes that acknowledges fewer than 128 more, where a DATA header is 21. A varint is
 * little-endian groups of 7 bits, each byte but the last with its top bit set, as in Protocol
 * Buffers: at most 10 bytes, and 5 for a length. The first data frame on a connection is a DATA
 * frame, and so is any that does not follow on from the last (a sender may always send DATA).
 *
 * <p>RUN is {@code count} (2 or more) data frames that follow on from the last one, one after
 * another under one header: their codec frames, back to back, as they would be on a connection
 * without a session (a codec's frames delimit themselves), numbered from one more than the last
 * data frame's. Its length is at most {@link #MAX_RUN}, whatever the receiver's frame limit.
 */
final class SessionFrames {
  static final byte DATA = 1;
  static final byte ACK = 2;
  static final byte PING = 3;
  static final byte PONG = 4;
  static final byte BYE = 5;
  static final byte NEXT = 6;
  static final byte RUN = 7;

  /** The longest RUN payload a receiver takes, and a sender writes. */
  static final int MAX_RUN = 16 * 1024;

  /** The longest RUN header: the type, varints of a u64 and of two u32. */
  static final int MAX_RUN_HEADER = 1 + 10 + 5 + 5;

  /** The length of a DATA frame's header, before its payload. */
  static final int DATA_HEADER = 1 + 8 + 8 + 4;

  /** The longest NEXT header: the type, a varint of a u64 and a varint of a u32. */
  static final int MAX_NEXT_HEADER = 1 + 10 + 5;

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

  /** A whole NEXT frame. */
  static byte[] next(long ackDelta, byte[] payload) {
    byte[] header = new byte[MAX_NEXT_HEADER];
    return withPayload(header, nextHeader(header, ackDelta, payload.length), payload);
  }

  /** The first {@code headerLength} bytes of {@code header}, then {@code payload}. */
  private static byte[] withPayload(byte[] header, int headerLength, byte[] payload) {
    byte[] frame = Arrays.copyOf(header, headerLength + payload.length);
    System.arraycopy(payload, 0, frame, headerLength, payload.length);
    return frame;
  }

  /**
   * Writes the header of a NEXT frame at the start of {@code to}, which has room for {@link
   * #MAX_NEXT_HEADER} bytes.
   *
   * @param ackDelta what the acknowledgement adds to the last one sent on the connection, not
   *     negative
   * @return the header's length
   */
  static int nextHeader(byte[] to, long ackDelta, int payloadLength) {
    to[0] = NEXT;
    return putVarint(to, putVarint(to, 1, ackDelta), payloadLength);
  }

  /**
   * Writes the header of a RUN frame at the start of {@code to}, which has room for {@link
   * #MAX_RUN_HEADER} bytes.
   *
   * @return the header's length
   */
  static int runHeader(byte[] to, long ackDelta, int count, int payloadLength) {
    to[0] = RUN;
    return putVarint(to, putVarint(to, putVarint(to, 1, ackDelta), count), payloadLength);
  }

  /** A whole RUN frame. */
  static byte[] run(long ackDelta, int count, byte[] payload) {
    byte[] header = new byte[MAX_RUN_HEADER];
    return withPayload(header, runHeader(header, ackDelta, count, payload.length), payload);
  }

  /** Writes a control frame into the first {@link #CONTROL} bytes of {@code to}. */
  static void control(byte[] to, byte type, long ack) {
    to[0] = type;
    putLong(to, 1, ack);
  }

  private static int putVarint(byte[] to, int at, long v) {
    while ((v & ~0x7FL) != 0) {
      to[at++] = (byte) (v | 0x80);
      v >>>= 7;
    }
    to[at++] = (byte) v;
    return at;
  }

  /**
   * Where the varint at {@code at} ends (the index after its last byte), or -1 if it does not end
   * before {@code end}, or -2 if it is longer than {@code maxBytes}.
   */
  private static int varintEnd(byte[] a, int at, int end, int maxBytes) {
    for (int i = 0; i < maxBytes; i++) {
      if (at + i >= end) {
        return -1;
      }
      if (a[at + i] >= 0) {
        return at + i + 1;
      }
    }
    return -2;
  }

  /** The value of a complete varint of at most 10 bytes; negative if over 63 bits. */
  private static long varint(byte[] a, int at) {
    long v = 0;
    for (int shift = 0; ; shift += 7) {
      byte b = a[at++];
      v |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        return shift == 63 && (b & 0x7F) != 0 ? -1 : v;
      }
    }
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

  /**
   * Writes session frames to one connection, as its {@link Parser} at the other end reads them: a
   * data frame that follows on from the last one goes as NEXT. Keeps the header it writes, which
   * connections do not. One per connection; not thread-safe (the session's lock guards it).
   */
  static final class Writer {
    private static final byte[] NO_BYTES = new byte[0];

    private final byte[] header = new byte[Math.max(DATA_HEADER, MAX_RUN_HEADER)];
    // the last data frame's sequence number (0: none yet), and the last acknowledgement written
    private long lastSeq;
    private long lastAck;

    /**
     * Writes a data frame whose payload is {@code length} bytes of {@code bytes} from {@code
     * offset}, which the connection copies.
     */
    void data(Connection to, long seq, long ack, byte[] bytes, int offset, int length) {
      int headerLength;
      if (followsOn(seq, ack)) {
        headerLength = nextHeader(header, ack - lastAck, length);
      } else {
        dataHeader(header, seq, ack, length);
        headerLength = DATA_HEADER;
      }
      lastSeq = seq;
      lastAck = ack;
      to.write(header, headerLength, bytes, offset, length);
    }

    /**
     * Whether frames from {@code seq} with the acknowledgement {@code ack} follow on from the last
     * data frame written, as NEXT and RUN frames must.
     */
    boolean followsOn(long seq, long ack) {
      return lastSeq != 0 && seq == lastSeq + 1 && ack >= lastAck;
    }

    /**
     * Writes {@code count} (2 or more) data frames that {@link #followsOn follow on}, whose codec
     * frames lie back to back in {@code length} bytes of {@code bytes} from {@code offset} (at most
     * {@link #MAX_RUN}), as one RUN frame.
     */
    void run(Connection to, long ack, int count, byte[] bytes, int offset, int length) {
      int headerLength = runHeader(header, ack - lastAck, count, length);
      lastSeq += count;
      lastAck = ack;
      to.write(header, headerLength, bytes, offset, length);
    }

    /** Writes a control frame. */
    void control(Connection to, byte type, long ack) {
      SessionFrames.control(header, type, ack);
      lastAck = ack;
      to.write(header, CONTROL, NO_BYTES, 0, 0);
    }
  }

  /** What a parser hands on. */
  interface Sink {
    /**
     * A DATA or NEXT frame; its payload is {@code length} bytes of {@code bytes} from {@code
     * offset}, valid only during the call.
     */
    void data(long seq, long ack, byte[] bytes, int offset, int length);

    /**
     * A RUN frame: {@code count} data frames from {@code seq}, whose codec frames lie back to back
     * in {@code length} bytes of {@code bytes} from {@code offset}, valid only during the call.
     */
    void run(long seq, long ack, int count, byte[] bytes, int offset, int length);

    void control(byte type, long ack);
  }

  /**
   * Cuts the byte stream of one connection into session frames, incrementally, and resolves NEXT
   * frames against the frames before them. Checks a frame's length before allocating for it. Frames
   * that lie whole in a heap buffer are read in place, their payloads handed on as ranges of its
   * array; the others are collected piece by piece. Not thread-safe.
   */
  static final class Parser {
    private final int maxPayload;
    private final int maxRun; // a RUN's longest payload: MAX_RUN, or a longer frame limit
    private final byte[] header = new byte[Math.max(DATA_HEADER, MAX_RUN_HEADER)];
    private int headerBytes;
    private byte[] payload;
    private int filled;
    private long payloadSeq;
    private long payloadAck;
    private int payloadCount; // 1, or a RUN's count
    // The last data frame's sequence number (0: none yet), and the last acknowledgement received.
    private long lastSeq;
    private long lastAck;

    Parser(int maxPayload) {
      this.maxPayload = maxPayload;
      this.maxRun = Math.max(MAX_RUN, maxPayload);
    }

    /**
     * Consumes all of {@code in}.
     *
     * @throws ProtocolException on an unknown frame type, a length over the limit, or a NEXT frame
     *     with nothing to follow on from
     */
    void feed(ByteBuffer in, Sink sink) {
      if (in.hasArray() && payload == null && headerBytes == 0) {
        wholeFrames(in, sink);
      }
      while (in.hasRemaining()) {
        if (payload == null) {
          if (headerBytes == 0) {
            byte type = in.get();
            if (type < DATA || type > RUN) {
              throw new ProtocolException("unknown session frame type " + type);
            }
            header[headerBytes++] = type;
          }
          int length = readHeader(in);
          if (length < 0) {
            return; // the header goes on in the next read
          }
          if (header[0] != DATA && header[0] != NEXT && header[0] != RUN) {
            headerBytes = 0;
            control(header[0], getLong(header, 1), sink);
            wholeFramesAfter(in, sink);
            continue;
          }
          headerBytes = 0;
          payload = new byte[length];
          filled = 0;
        }
        int n = Math.min(payload.length - filled, in.remaining());
        in.get(payload, filled, n);
        filled += n;
        if (filled == payload.length) {
          byte[] done = payload;
          payload = null;
          hand(sink, done, 0, done.length);
          wholeFramesAfter(in, sink);
        }
      }
    }

    /**
     * Takes header bytes from {@code in} until the header is whole; then, for a data frame, sets
     * what it carries and gives its payload's length (0 for a control frame), else gives -1.
     */
    private int readHeader(ByteBuffer in) {
      byte type = header[0];
      if (type == NEXT || type == RUN) {
        while (true) {
          int ackEnd = varintEnd(header, 1, headerBytes, 10);
          int countEnd =
              type == RUN && ackEnd > 0 ? varintEnd(header, ackEnd, headerBytes, 5) : ackEnd;
          int lengthEnd = countEnd < 0 ? countEnd : varintEnd(header, countEnd, headerBytes, 5);
          if (ackEnd == -2 || countEnd == -2 || lengthEnd == -2) {
            throw new ProtocolException("session frame with an overlong varint");
          }
          if (lengthEnd > 0) {
            return followOn(type, header, ackEnd, countEnd);
          }
          if (!in.hasRemaining()) {
            return -1;
          }
          header[headerBytes++] = in.get();
        }
      }
      int need = (type == DATA ? DATA_HEADER : CONTROL) - headerBytes;
      int n = Math.min(need, in.remaining());
      in.get(header, headerBytes, n);
      headerBytes += n;
      if (n < need) {
        return -1;
      }
      if (type != DATA) {
        return 0;
      }
      int length = getInt(header, 17);
      checkLength(Integer.toUnsignedLong(length));
      carries(getLong(header, 1), getLong(header, 9), 1);
      return length;
    }

    /**
     * Resolves a whole NEXT or RUN header in {@code a} (the varints from 1; a RUN's count from
     * {@code ackEnd}; the length from {@code countEnd}, which is {@code ackEnd} for NEXT), sets
     * what it carries and gives its payload's length.
     */
    private int followOn(byte type, byte[] a, int ackEnd, int countEnd) {
      if (lastSeq == 0) {
        throw new ProtocolException(
            (type == RUN ? "RUN" : "NEXT")
                + " session frame before any DATA frame on the connection");
      }
      long delta = varint(a, 1);
      long count = type == RUN ? varint(a, ackEnd) : 1;
      long length = varint(a, countEnd);
      String problem = problem(type, delta, count, length);
      if (problem != null) {
        throw new ProtocolException(problem);
      }
      carries(lastSeq + 1, lastAck + delta, (int) count);
      return (int) length;
    }

    /**
     * What is wrong with a NEXT or RUN frame that follows on, of {@code count} frames in {@code
     * length} bytes acknowledging {@code delta} more, or null if nothing is.
     */
    private String problem(byte type, long delta, long count, long length) {
      if (delta < 0 || lastAck + delta < lastAck) {
        return "session frame acknowledges beyond 2^63";
      }
      if (type == NEXT) {
        return lengthProblem(length);
      }
      if (count < 2 || count > length) {
        return "RUN session frame of " + count + " frames in " + length + " bytes";
      }
      if (length > maxRun) {
        return "RUN session frame of " + length + " bytes, over " + maxRun;
      }
      return null;
    }

    /** Sets what the data or RUN frame whose header was just read carries: frames from seq. */
    private void carries(long seq, long ack, int count) {
      payloadSeq = seq;
      payloadAck = ack;
      payloadCount = count;
      lastSeq = seq + count - 1;
      lastAck = ack;
    }

    /** Hands on the payload of the data or RUN frame whose header was read last. */
    private void hand(Sink sink, byte[] bytes, int offset, int length) {
      if (payloadCount == 1) {
        sink.data(payloadSeq, payloadAck, bytes, offset, length);
      } else {
        sink.run(payloadSeq, payloadAck, payloadCount, bytes, offset, length);
      }
    }

    private void checkLength(long length) {
      String problem = lengthProblem(length);
      if (problem != null) {
        throw new ProtocolException(problem);
      }
    }

    /** What is wrong with a data frame's length, or null if nothing is. */
    private String lengthProblem(long length) {
      if (length < 0 || length > maxPayload) {
        return "session frame of "
            + (length < 0 ? "2^63 or more" : length)
            + " bytes, over "
            + maxPayload;
      }
      return null;
    }

    private void control(byte type, long ack, Sink sink) {
      lastAck = ack;
      sink.control(type, ack);
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
        int start;
        long length;
        if (type == NEXT || type == RUN) {
          int ackEnd = varintEnd(a, at + 1, end, 10);
          int countEnd = type == RUN && ackEnd > 0 ? varintEnd(a, ackEnd, end, 5) : ackEnd;
          int lengthEnd = countEnd < 0 ? -1 : varintEnd(a, countEnd, end, 5);
          if (lengthEnd < 0 || lastSeq == 0) {
            break;
          }
          long delta = varint(a, at + 1);
          long count = type == RUN ? varint(a, ackEnd) : 1;
          length = varint(a, countEnd);
          start = lengthEnd;
          if (problem(type, delta, count, length) != null || end - start < length) {
            break;
          }
          carries(lastSeq + 1, lastAck + delta, (int) count);
        } else if (type == DATA) {
          if (end - at < DATA_HEADER) {
            break;
          }
          length = Integer.toUnsignedLong(getInt(a, at + 17));
          start = at + DATA_HEADER;
          if (length > maxPayload || end - start < length) {
            break;
          }
          carries(getLong(a, at + 1), getLong(a, at + 9), 1);
        } else if (type > DATA && type <= BYE && end - at >= CONTROL) {
          long ack = getLong(a, at + 1);
          at += CONTROL;
          in.position(at - base);
          control(type, ack, sink);
          continue;
        } else {
          break;
        }
        at = start + (int) length;
        in.position(at - base);
        hand(sink, a, start, (int) length);
      }
    }
  }
}
