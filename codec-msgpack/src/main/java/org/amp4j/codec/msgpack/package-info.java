/**
 * The msgpack codec: messages as MessagePack maps (msgpack-java's {@code msgpack-core}), each in a
 * frame with a 4-byte big-endian length prefix, as {@code docs/codecs.md} specifies.
 *
 * <p>Obtain it through {@link org.amp4j.codec.msgpack.MsgpackCodecProvider} (registered for {@link
 * java.util.ServiceLoader} under the name {@code msgpack}). Everything else in this package is an
 * implementation detail: framing, message layout, value writing and reading, one class per
 * extension type.
 */
package org.amp4j.codec.msgpack;
