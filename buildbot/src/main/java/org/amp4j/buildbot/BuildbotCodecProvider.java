package org.amp4j.buildbot;

import java.util.Objects;
import org.amp4j.Limits;
import org.amp4j.spi.Codec;
import org.amp4j.spi.CodecProvider;

/**
 * Provides the {@code buildbot} codec: the messages of Buildbot's worker protocol {@code
 * msgpack_experimental_v7}, each one msgpack map in a frame with a 4-byte big-endian length prefix
 * (the {@code LENGTH_PREFIXED} framing of the WebSocket transport).
 *
 * <pre>
 * call   &lt;-&gt; {"op": command, "seq_number": n, key: value, ...}
 * answer &lt;-&gt; {"op": "response", "seq_number": n, "result": value-or-nil}
 * error  &lt;-&gt; {"op": "response", "seq_number": n, "result": description, "is_exception": true}
 * </pre>
 *
 * <p>Tags are the hex form of the seq_number. An answer carries at most one value, named {@code
 * result}. A received error has the code {@link #ERROR_CODE}, so that callers get a {@link
 * org.amp4j.RemoteException}. Keys and text are msgpack str, bytes bin, integers in their smallest
 * encoding, floats float64; {@link BuildbotTypes#ANY} is embedded natively. A call that wants no
 * answer, decimals and date-times cannot be carried.
 *
 * <p>This codec carries only Buildbot messages, so it is not {@link #general()}: amp4j never offers
 * it in codec negotiation. Malformed input (bad msgpack, a non-map, no str {@code op}, no integer
 * {@code seq_number}, invalid UTF-8, a non-str key, a frame over {@code maxFrameLength}) is a
 * {@link org.amp4j.ProtocolException}, which closes that one connection.
 */
public final class BuildbotCodecProvider implements CodecProvider {

  /** The configuration name of this codec. */
  public static final String NAME = "buildbot";

  /** The error code of every error response received: the protocol carries no codes. */
  public static final String ERROR_CODE = "BUILDBOT_ERROR";

  /** Creates the provider (used by {@link java.util.ServiceLoader}). */
  public BuildbotCodecProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Codec create(Limits limits) {
    return new BuildbotCodec(Objects.requireNonNull(limits, "limits"));
  }

  /** False: this codec is used only where configuration or code names it. */
  @Override
  public boolean general() {
    return false;
  }
}
