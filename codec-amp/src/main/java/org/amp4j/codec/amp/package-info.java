/**
 * The AMP codec: Twisted AMP's key/value boxes, byte for byte.
 *
 * <p>Obtain it through {@link org.amp4j.codec.amp.AmpCodecProvider} (registered for {@link
 * java.util.ServiceLoader} under the name {@code amp}). Everything else in this package is an
 * implementation detail: one small class per job (box framing, box parsing, message routing, and
 * one class per value text format).
 *
 * <p>Plain AMP carries at most 65,535 bytes per value; the {@code amp.split-values} extension,
 * switched on with {@link org.amp4j.spi.Codec#withExtensions} for two amp4j peers, splits longer
 * top-level values over repeated keys (see {@code docs/codecs.md}, "AMP: values over 65,535
 * bytes").
 */
package org.amp4j.codec.amp;
