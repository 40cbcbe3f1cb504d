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

  /**
   * Whether the codec carries every command of the value model, and so joins the codecs a peer
   * offers when its configuration names none. A codec made for one foreign protocol (such as {@code
   * buildbot}, which carries only that protocol's messages) answers false: it is used only where
   * configuration or code names it. True by default.
   */
  default boolean general() {
    return true;
  }
}
