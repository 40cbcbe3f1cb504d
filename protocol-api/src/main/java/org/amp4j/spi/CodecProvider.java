package org.amp4j.spi;

import org.amp4j.Limits;

/**
 * Makes a {@link Codec}; found through {@link java.util.ServiceLoader} from {@code
 * META-INF/services/org.amp4j.spi.CodecProvider}. Implementations need a public no-argument
 * constructor.
 */
public interface CodecProvider {

  /** The codec's configuration name, such as {@code amp}. */
  String name();

  /** A codec enforcing the given limits. */
  Codec create(Limits limits);
}
