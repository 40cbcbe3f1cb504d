package org.amp4j;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads a {@link PeerConfig}: the defaults, then a YAML or properties file, then {@code amp4j.*}
 * system properties. Every problem found is reported at once, in one IllegalArgumentException.
 */
final class ConfigLoader {

  /** The prefix of system properties; keys in files have none. */
  static final String PREFIX = "amp4j.";

  private static final String SYSTEM = "system properties";
  private static final long MAX_FILE_SIZE = 1 << 20;

  private ConfigLoader() {}

  /** See {@link PeerConfig#load(Path, PeerConfig)}. */
  static PeerConfig load(Path file, PeerConfig base) {
    return load(file, base, systemProperties());
  }

  /** See {@link PeerConfig#fromSystemProperties(PeerConfig)}. */
  static PeerConfig fromSystemProperties(PeerConfig base) {
    return load(null, base, systemProperties());
  }

  /**
   * The defaults, then the file if not null, then the {@code amp4j.*} entries of {@code system}.
   */
  static PeerConfig load(Path file, Map<String, String> system) {
    return load(file, PeerConfig.DEFAULTS, system);
  }

  /**
   * {@code base}, then the file if not null, then the {@code amp4j.*} entries of {@code system}.
   */
  static PeerConfig load(Path file, PeerConfig base, Map<String, String> system) {
    ConfigKeys.Target target = new ConfigKeys.Target(base);
    List<String> problems = new ArrayList<>();
    if (file != null) {
      String source = file.toString();
      read(file, problems).forEach((name, value) -> apply(target, name, value, source, problems));
    }
    new TreeMap<>(system)
        .forEach(
            (name, value) -> {
              if (name.startsWith(PREFIX)) {
                apply(target, name.substring(PREFIX.length()), value, SYSTEM, problems);
              }
            });
    if (problems.size() == 1) {
      throw new IllegalArgumentException(problems.get(0));
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          problems.size() + " problems in the configuration:\n  " + String.join("\n  ", problems));
    }
    return target.build();
  }

  private static Map<String, String> systemProperties() {
    Properties p = System.getProperties();
    Map<String, String> out = new TreeMap<>();
    for (String name : p.stringPropertyNames()) {
      if (name.startsWith(PREFIX)) {
        out.put(name, p.getProperty(name));
      }
    }
    return out;
  }

  private static void apply(
      ConfigKeys.Target target, String name, Object value, String source, List<String> problems) {
    boolean system = source.equals(SYSTEM);
    String shown = system ? PREFIX + name : name;
    ConfigKeys.Key<?> key = ConfigKeys.find(name);
    if (key == null) {
      String problem = unknownKey(name, shown, source, system);
      if (problem != null) {
        problems.add(problem);
      }
      return;
    }
    try {
      key.parseAndApply(target, value);
    } catch (IllegalArgumentException e) {
      problems.add(
          "bad value for "
              + shown
              + " in "
              + source
              + ": expected "
              + key.form().expected()
              + ", got "
              + (value == null ? "nothing" : "'" + value + "'")
              + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
    }
  }

  /**
   * The message for an unknown key, or null for a system property that is neither near a key nor in
   * a section: {@code amp4j.*} system properties also serve tests and tools.
   */
  private static String unknownKey(String name, String shown, String source, boolean system) {
    String where =
        system ? "unknown system property '" + shown + "'" : "unknown key '" + name + "'";
    where += system ? "" : " in " + source;
    if (ConfigKeys.isSection(name)) {
      return "'"
          + shown
          + "' in "
          + source
          + " is a section, not a value; its keys are "
          + ConfigKeys.ALL.stream()
              .map(ConfigKeys.Key::name)
              .filter(k -> k.startsWith(name + "."))
              .map(k -> (system ? PREFIX : "") + k)
              .collect(Collectors.joining(", "));
    }
    if (!system
        && name.startsWith(PREFIX)
        && ConfigKeys.find(name.substring(PREFIX.length())) != null) {
      return where
          + "; keys in a file have no '"
          + PREFIX
          + "' prefix: did you mean '"
          + name.substring(PREFIX.length())
          + "'?";
    }
    String closest = closest(name);
    if (closest != null) {
      return where + "; did you mean '" + (system ? PREFIX : "") + closest + "'?";
    }
    if (system && !inSection(name)) {
      return null;
    }
    return where
        + "; valid keys: "
        + ConfigKeys.ALL.stream()
            .map(k -> (system ? PREFIX : "") + k.name())
            .collect(Collectors.joining(", "));
  }

  private static boolean inSection(String name) {
    int dot = name.lastIndexOf('.');
    return dot > 0 && ConfigKeys.isSection(name.substring(0, dot));
  }

  /** The key a misspelt name most likely meant, or null. */
  static String closest(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    String last = lower.substring(lower.lastIndexOf('.') + 1);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (ConfigKeys.Key<?> key : ConfigKeys.ALL) {
      String candidate = key.name().toLowerCase(Locale.ROOT);
      if (candidate.equals(lower) || candidate.endsWith("." + last)) {
        return key.name(); // wrong case, or right name in the wrong place
      }
      int d = distance(lower, candidate);
      if (d < bestDistance) {
        best = key.name();
        bestDistance = d;
      }
    }
    return bestDistance <= Math.max(2, name.length() / 4) ? best : null;
  }

  /** Levenshtein distance. */
  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] t = previous;
      previous = current;
      current = t;
    }
    return previous[b.length()];
  }

  /** The file's entries by dotted name, in file order for YAML and sorted for properties. */
  private static Map<String, Object> read(Path file, List<String> problems) {
    String fileName = file.getFileName() == null ? "" : file.getFileName().toString();
    String lower = fileName.toLowerCase(Locale.ROOT);
    boolean yaml = lower.endsWith(".yaml") || lower.endsWith(".yml");
    if (!yaml && !lower.endsWith(".properties")) {
      throw new IllegalArgumentException(
          "unsupported configuration file "
              + file
              + ": the name must end in .yaml, .yml or .properties");
    }
    String text = readText(file);
    return yaml ? readYaml(file, text, problems) : readProperties(file, text);
  }

  private static String readText(Path file) {
    if (!Files.exists(file)) {
      Path absolute = file.toAbsolutePath();
      throw new IllegalArgumentException(
          "configuration file not found: "
              + file
              + (absolute.toString().equals(file.toString()) ? "" : " (" + absolute + ")"));
    }
    if (Files.isDirectory(file)) {
      throw new IllegalArgumentException("configuration file " + file + " is a directory");
    }
    try {
      if (Files.size(file) > MAX_FILE_SIZE) {
        throw new IllegalArgumentException(
            "configuration file " + file + " is larger than " + MAX_FILE_SIZE + " bytes");
      }
      return Files.readString(file, UTF_8);
    } catch (AccessDeniedException e) {
      throw new IllegalArgumentException(
          "cannot read configuration file " + file + ": permission denied", e);
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(
          "cannot read configuration file " + file + ": not valid UTF-8", e);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read configuration file " + file + ": " + e, e);
    }
  }

  private static Map<String, Object> readProperties(Path file, String text) {
    Properties p = new Properties();
    try {
      p.load(new StringReader(text));
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "cannot parse " + file + " as properties: " + e.getMessage(), e);
    }
    Map<String, Object> out = new TreeMap<>();
    p.stringPropertyNames().forEach(name -> out.put(name, p.getProperty(name)));
    return out;
  }

  private static Map<String, Object> readYaml(Path file, String text, List<String> problems) {
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel(file.toString())
            .setSchema(new CoreSchema())
            .setAllowDuplicateKeys(false)
            .build();
    Object document;
    try {
      document = new Load(settings).loadFromString(text);
    } catch (YamlEngineException e) {
      throw new IllegalArgumentException(
          "cannot parse " + file + " as YAML: " + e.getMessage().strip(), e);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    if (document == null) {
      return out; // an empty file
    }
    if (!(document instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException(
          "cannot parse "
              + file
              + " as a configuration: expected keys and values at the top, got "
              + document);
    }
    flatten("", map, out, file, problems);
    return out;
  }

  /**
   * Nested maps become dotted names: {@code limits: {maxFrameLength: 1}} is {@code
   * limits.maxFrameLength}.
   */
  private static void flatten(
      String prefix, Map<?, ?> map, Map<String, Object> out, Path file, List<String> problems) {
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String name = prefix + e.getKey();
      if (e.getValue() instanceof Map<?, ?> nested && ConfigKeys.find(name) == null) {
        flatten(name + ".", nested, out, file, problems);
      } else if (out.containsKey(name)) {
        problems.add("key '" + name + "' is given twice in " + file);
      } else {
        out.put(name, e.getValue());
      }
    }
  }
}
