package org.amp4j.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.TreeSet;
import org.amp4j.AmpException;
import org.amp4j.Limits;

/** Finds codecs and transports on the class path through {@link ServiceLoader}. */
public final class Plugins {
  private Plugins() {}

  /**
   * Creates the codec with a configuration name.
   *
   * @throws AmpException if none has that name; the message lists the available names
   */
  public static Codec codec(String name, Limits limits) {
    List<String> names = new ArrayList<>();
    for (CodecProvider p : ServiceLoader.load(CodecProvider.class, loader())) {
      if (p.name().equals(name)) {
        return p.create(limits);
      }
      names.add(p.name());
    }
    throw new AmpException(
        "unknown codec '" + name + "'; available: " + String.join(", ", new TreeSet<>(names)));
  }

  /** The names of the codecs on the class path. */
  public static List<String> codecNames() {
    return codecNames(false);
  }

  /**
   * The names of the codecs on the class path, sorted.
   *
   * @param generalOnly whether to leave out the codecs that are not {@link CodecProvider#general()}
   */
  public static List<String> codecNames(boolean generalOnly) {
    TreeSet<String> names = new TreeSet<>();
    for (CodecProvider p : ServiceLoader.load(CodecProvider.class, loader())) {
      if (!generalOnly || p.general()) {
        names.add(p.name());
      }
    }
    return List.copyOf(names);
  }

  /**
   * The transport with a configuration name.
   *
   * @throws AmpException if none has that name; the message lists the available names
   */
  public static Transport transport(String name) {
    List<String> names = new ArrayList<>();
    for (Transport t : ServiceLoader.load(Transport.class, loader())) {
      if (t.name().equals(name)) {
        return t;
      }
      names.add(t.name());
    }
    throw new AmpException(
        "unknown transport '" + name + "'; available: " + String.join(", ", new TreeSet<>(names)));
  }

  private static ClassLoader loader() {
    ClassLoader l = Thread.currentThread().getContextClassLoader();
    return l != null ? l : Plugins.class.getClassLoader();
  }
}
