package org.amp4j;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.amp4j.spi.Codec;
import org.amp4j.spi.Plugins;

/**
 * The codecs one peer accepts, in its order of preference, resolved once from {@link
 * PeerConfig#codecs()}: what it offers in the hello as a client, and what it chooses from as a
 * server. AMP is always last, for plain AMP peers. Immutable and thread-safe.
 */
final class CodecSet {

  /** The most preferred codec when none is configured, if it is on the class path. */
  static final String DEFAULT = "json";

  static final String AMP = "amp";

  private final Map<String, Codec> codecs;

  private CodecSet(Map<String, Codec> codecs) {
    this.codecs = codecs;
  }

  /**
   * Resolves a configuration's codecs.
   *
   * @throws AmpException if a configured codec is not on the class path, naming those that are
   */
  static CodecSet of(PeerConfig config) {
    Map<String, Codec> codecs = new LinkedHashMap<>();
    for (String name : config.codecs().isEmpty() ? automatic() : config.codecs()) {
      codecs.putIfAbsent(name, Plugins.codec(name, config.limits()));
    }
    if (!codecs.containsKey(AMP) && (config.handshake() || codecs.isEmpty())) {
      // The hello and its fallback are AMP, so the AMP codec must be there.
      codecs.put(AMP, Plugins.codec(AMP, config.limits()));
    }
    return new CodecSet(codecs);
  }

  /** JSON, then every other general codec on the class path by name, AMP last. */
  private static List<String> automatic() {
    List<String> names = new ArrayList<>();
    List<String> available = Plugins.codecNames(true);
    if (available.contains(DEFAULT)) {
      names.add(DEFAULT);
    }
    for (String name : available) {
      if (!name.equals(DEFAULT) && !name.equals(AMP)) {
        names.add(name);
      }
    }
    return names;
  }

  /** The most preferred codec: the one used from the first byte when there is no handshake. */
  Codec first() {
    return codecs.values().iterator().next();
  }

  /** The AMP codec, in which every handshake starts. */
  Codec amp() {
    return codecs.get(AMP);
  }

  /** The names, most preferred first, AMP last. */
  List<String> names() {
    return List.copyOf(codecs.keySet());
  }

  /** Every extension of every codec, as offered in the hello. */
  List<String> extensions() {
    Set<String> all = new LinkedHashSet<>();
    for (Codec c : codecs.values()) {
      all.addAll(c.extensions());
    }
    return new ArrayList<>(all);
  }

  /**
   * The codec a server picks for a client's offer: the client's most preferred one that this set
   * has, else AMP; with the extensions both sides have.
   */
  Choice choose(List<String> offered, List<String> offeredExtensions) {
    Codec chosen = amp();
    for (String name : offered) {
      Codec c = codecs.get(name);
      if (c != null) {
        chosen = c;
        break;
      }
    }
    List<String> common = new ArrayList<>(chosen.extensions());
    common.retainAll(offeredExtensions);
    return new Choice(
        common.isEmpty() ? chosen : chosen.withExtensions(Set.copyOf(common)), List.copyOf(common));
  }

  /** A chosen codec, with the extensions switched on in it. */
  record Choice(Codec codec, List<String> extensions) {}

  /**
   * The named codec with the named extensions on, as a client applies the server's choice.
   *
   * @throws ProtocolException if this set does not have that codec or the codec lacks an extension
   */
  Codec accept(String name, List<String> extensions) {
    Codec c = codecs.get(name);
    if (c == null) {
      throw new ProtocolException(
          "the server chose codec '" + name + "', which was not offered; offered: " + names());
    }
    if (!c.extensions().containsAll(extensions)) {
      throw new ProtocolException(
          "the server chose extensions "
              + extensions
              + " of "
              + name
              + ", which has "
              + c.extensions());
    }
    return extensions.isEmpty() ? c : c.withExtensions(Set.copyOf(extensions));
  }
}
