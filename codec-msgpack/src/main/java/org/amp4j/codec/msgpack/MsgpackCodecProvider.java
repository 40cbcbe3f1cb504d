package org.amp4j.codec.msgpack;

import java.util.Objects;
import org.amp4j.Limits;
import org.amp4j.spi.Codec;
import org.amp4j.spi.CodecProvider;

/**
 * Provides the msgpack codec, named {@code msgpack}: each message is one MessagePack map in a frame
 * with a 4-byte big-endian length prefix.
 *
 * <pre>
 * +-------------------+------------------------------------------------+
 * | length: u32, big- | payload: one msgpack map                       |
 * | endian, 1..max    | {call, tag?, args} / {answer, values} /        |
 * |                   | {error, code, description}                     |
 * +-------------------+------------------------------------------------+
 * </pre>
 *
 * <p>Values are carried natively (int, bin, str, bool, float 64, arrays, maps for records);
 * integers beyond 64 bits, decimals and date-times use extension types 1, 2 and 3. Found through
 * {@link java.util.ServiceLoader}; the codecs it creates are immutable and thread-safe, and enforce
 * every {@link Limits} bound before allocating for it.
 */
public final class MsgpackCodecProvider implements CodecProvider {

  /** The configuration name of this codec. */
  public static final String NAME = "msgpack";

  /** Creates the provider (used by {@link java.util.ServiceLoader}). */
  public MsgpackCodecProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Codec create(Limits limits) {
    return new MsgpackCodec(Objects.requireNonNull(limits, "limits"));
  }
}
