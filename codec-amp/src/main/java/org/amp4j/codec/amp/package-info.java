/**
 * The AMP codec: Twisted AMP's key/value boxes, byte for byte.
 *
 * <p>Obtain it through {@link org.amp4j.codec.amp.AmpCodecProvider} (registered for {@link
 * java.util.ServiceLoader} under the name {@code amp}). Everything else in this package is an
 * implementation detail: one small class per job (box framing, box parsing, message routing, and
 * one class per value text format).
 */
package org.amp4j.codec.amp;
