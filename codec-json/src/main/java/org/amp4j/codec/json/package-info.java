/**
 * The JSON codec, and the Jackson-based core that codecs for other Jackson formats build on.
 *
 * <p>Obtain the JSON codec through {@link org.amp4j.codec.json.JsonCodecProvider} (registered for
 * {@link java.util.ServiceLoader} under the name {@code json}). {@link
 * org.amp4j.codec.json.JacksonCodec} is the reusable core: give it a Jackson factory and a {@link
 * org.amp4j.codec.json.JacksonCodec.Format} for the values the format writes natively (the CBOR
 * codec does). Everything else in this package is an implementation detail, one small class per
 * job: framing, message layout, plain-value reading with limits, typed conversion, date-time text.
 */
package org.amp4j.codec.json;
