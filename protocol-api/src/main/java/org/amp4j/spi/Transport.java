package org.amp4j.spi;

import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.amp4j.Limits;

/**
 * Opens byte-stream {@link Connection}s: listens for them or connects to a listener. Found through
 * {@link java.util.ServiceLoader} from {@code META-INF/services/org.amp4j.spi.Transport};
 * implementations need a public no-argument constructor and are thread-safe.
 */
public interface Transport {

  /** The transport's configuration name, such as {@code tcp}. */
  String name();

  /**
   * Listens on an address.
   *
   * @param host the interface to bind, such as {@code 127.0.0.1}
   * @param port the port, 0 for one chosen by the system
   * @param limits the limits to enforce on accepted connections
   * @param onAccept receives each accepted connection, not yet started
   * @throws org.amp4j.AmpException if the address cannot be bound
   */
  Listener listen(String host, int port, Limits limits, Consumer<Connection> onAccept);

  /**
   * Connects to a listener; the stage fails with {@link org.amp4j.ConnectionLostException} if the
   * connection cannot be made.
   */
  CompletionStage<Connection> connect(String host, int port, Limits limits);

  /** A listening endpoint. */
  interface Listener extends AutoCloseable {
    /** The bound host address. */
    String host();

    /** The bound port (the real one when 0 was asked). */
    int port();

    /** Stops listening; accepted connections stay open. */
    @Override
    void close();
  }
}
