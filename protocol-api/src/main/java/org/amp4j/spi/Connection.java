package org.amp4j.spi;

/**
 * One duplex byte stream provided by a transport, seen by the protocol layer. Implementations are
 * thread-safe: any thread may write or close.
 */
public interface Connection {

  /**
   * Starts delivering received bytes and the close event to a handler. No bytes are delivered
   * before it.
   *
   * @throws IllegalStateException if called more than once
   */
  void start(ConnectionHandler handler);

  /**
   * Queues bytes for writing, in call order. The transport takes ownership of the array. A write
   * that races with {@link #close()} on another thread may be dropped; the connection then closes
   * as usual.
   *
   * @throws org.amp4j.LimitExceededException if more than the configured number of bytes is already
   *     waiting for a slow reader, or this write alone is larger than that limit; nothing is queued
   * @throws org.amp4j.ConnectionLostException if the connection is closed
   */
  void write(byte[] data);

  /**
   * Queues {@code headerLength} bytes of {@code header} followed by {@code length} bytes of {@code
   * data} from {@code offset}, as one {@link #write(byte[])} of the two joined would, for a layer
   * that puts a header of its own before each frame and keeps the frame where it lies. The
   * transport takes ownership of neither array: it has read (or copied) the bytes when this
   * returns, so the caller may reuse both. The default joins the two into a new array; a transport
   * that batches writes copies both straight into its batch.
   *
   * @throws org.amp4j.LimitExceededException as {@link #write(byte[])}, for the two together
   * @throws org.amp4j.ConnectionLostException if the connection is closed
   */
  default void write(byte[] header, int headerLength, byte[] data, int offset, int length) {
    byte[] joined = new byte[headerLength + length];
    System.arraycopy(header, 0, joined, 0, headerLength);
    System.arraycopy(data, offset, joined, headerLength, length);
    write(joined);
  }

  /**
   * Encodes a message with {@code codec} and queues its frame, as {@code
   * write(codec.encode(message))} does, which is the default. A transport that batches writes
   * encodes straight into its batch when it can ({@link Codec#encode(OutboundMessage,
   * FrameBuffer)}), so that the frame needs no array of its own.
   *
   * @throws org.amp4j.EncodingException or {@link IllegalArgumentException} if the codec cannot
   *     encode the message; nothing is queued
   * @throws org.amp4j.LimitExceededException as {@link #write(byte[])}
   * @throws org.amp4j.ConnectionLostException if the connection is closed
   */
  default void write(Codec codec, OutboundMessage message) {
    write(codec.encode(message));
  }

  /**
   * Stops or resumes reading, to push back on a peer that sends requests faster than they are
   * answered.
   */
  void setReadingPaused(boolean paused);

  /** Closes gracefully: bytes already queued are written first. Idempotent. */
  void close();

  /** A description of the remote end, such as {@code 127.0.0.1:4242}, for logs. */
  String remoteAddress();
}
