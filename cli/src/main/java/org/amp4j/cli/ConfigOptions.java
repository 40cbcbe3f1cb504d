package org.amp4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.amp4j.PeerConfig;
import org.amp4j.spi.Plugins;
import picocli.CommandLine.Option;

/** The options every command shares: a configuration file and the codec preference. */
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

  /**
   * The configuration these options describe.
   *
   * @throws IllegalArgumentException if the file is bad or a codec is not on the class path
   */
  PeerConfig config() {
    PeerConfig base = file == null ? PeerConfig.fromSystemProperties() : PeerConfig.load(file);
    List<String> wanted = codecs.isEmpty() ? base.codecs() : codecs;
    List<String> available = Plugins.codecNames();
    for (String name : wanted) {
      if (!available.contains(name)) {
        throw new IllegalArgumentException(
            "unknown codec '" + name + "'; available: " + String.join(", ", available));
      }
    }
    return codecs.isEmpty() ? base : base.toBuilder().codecs(codecs).build();
  }
}
