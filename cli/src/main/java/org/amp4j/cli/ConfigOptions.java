package org.amp4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.amp4j.PeerConfig;
import org.amp4j.spi.Plugins;
import picocli.CommandLine.Option;

/**
 * The options every command shares: a configuration file, the codec preference and whether to use a
 * session. Unlike the library, the command line uses sessions unless told not to, so that {@code
 * call}, {@code load} and {@code demo} ride out dropped connections and {@code serve} lets its
 * clients do so.
 */
final class ConfigOptions {

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "configuration file (.yaml, .yml or .properties); amp4j.* system properties"
              + " override it, and the options here override both")
  Path file;

  @Option(
      names = "--codec",
      paramLabel = "NAME",
      split = ",",
      description =
          "codecs to accept, most preferred first: amp, json, msgpack, cbor (AMP is"
              + " always accepted from plain AMP peers)")
  List<String> codecs = new ArrayList<>();

  @Option(
      names = "--no-session",
      description =
          "no session: a dropped connection fails the calls on it. Without this, clients ask for"
              + " a session and servers grant one, unless the configuration sets"
              + " session.enabled: false")
  boolean noSession;

  /** The command line's starting point: the library's defaults, with sessions on. */
  private static final PeerConfig CLI_DEFAULTS =
      PeerConfig.DEFAULTS.toBuilder()
          .session(PeerConfig.DEFAULTS.session().toBuilder().enabled(true).build())
          .build();

  /**
   * The configuration these options describe: the command line's defaults (sessions on), then the
   * file, then {@code amp4j.*} system properties, then these options.
   *
   * @throws IllegalArgumentException if the file is bad or a codec is not on the class path
   */
  PeerConfig config() {
    PeerConfig base =
        file == null
            ? PeerConfig.fromSystemProperties(CLI_DEFAULTS)
            : PeerConfig.load(file, CLI_DEFAULTS);
    List<String> wanted = codecs.isEmpty() ? base.codecs() : codecs;
    // Only the general codecs: the others (such as buildbot) carry one foreign protocol, not the
    // commands of these tools.
    List<String> available = Plugins.codecNames(true);
    for (String name : wanted) {
      if (!available.contains(name)) {
        throw new IllegalArgumentException(
            "unknown codec '" + name + "'; available: " + String.join(", ", available));
      }
    }
    PeerConfig.Builder b = base.toBuilder().codecs(wanted);
    if (noSession) {
      b.session(base.session().toBuilder().enabled(false).build());
    }
    return b.build();
  }
}
