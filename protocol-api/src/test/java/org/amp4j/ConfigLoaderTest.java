package org.amp4j;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigLoaderTest {

  private static final String YAML =
      """
      codecs: [msgpack, json]
      handshake: false
      endpoints:
        - a.example:7000
        - "[::1]:7001"
      listen: 0.0.0.0:7100
      transport: quic
      callTimeout: 500ms
      connectTimeout: PT2M
      closeOnUnknownError: false
      limits:
        maxValueLength: 64KiB
        maxFrameLength: 1MiB
        maxOutstandingCalls: 11
        maxPendingRequests: 12
        maxPendingWriteBytes: 4GiB
        maxNestingDepth: 13
        maxIntegerDigits: 14
        maxListLength: 15
        maxFieldCount: 16
      session:
        enabled: true
        maxQueuedCalls: 17
        maxQueuedBytes: 1MiB
        overflow: wait
        overflowWait: 250ms
        reconnectInitial: 5ms
        reconnectMultiplier: 1.5
        reconnectMax: 2s
        reconnectJitter: 0
        giveUpAfter: 2m
        failoverAfter: 3s
        expiry: 90s
        heartbeatInterval: 0
        heartbeatTimeout: 20s
      """;

  private static final String PROPERTIES =
      """
      codecs = msgpack, json
      handshake = false
      endpoints = a.example:7000,[::1]:7001
      listen = 0.0.0.0:7100
      transport = quic
      callTimeout = 500ms
      connectTimeout = 2m
      closeOnUnknownError = false
      limits.maxValueLength = 65536
      limits.maxFrameLength = 1MiB
      limits.maxOutstandingCalls = 11
      limits.maxPendingRequests = 12
      limits.maxPendingWriteBytes = 4GiB
      limits.maxNestingDepth = 13
      limits.maxIntegerDigits = 14
      limits.maxListLength = 15
      limits.maxFieldCount = 16
      session.enabled = true
      session.maxQueuedCalls = 17
      session.maxQueuedBytes = 1048576
      session.overflow = WAIT
      session.overflowWait = 250ms
      session.reconnectInitial = 5ms
      session.reconnectMultiplier = 1.5
      session.reconnectMax = PT2S
      session.reconnectJitter = 0.0
      session.giveUpAfter = 120s
      session.failoverAfter = 3s
      session.expiry = 90s
      session.heartbeatInterval = 0
      session.heartbeatTimeout = 20s
      """;

  private static final PeerConfig EXPECTED =
      PeerConfig.builder()
          .codecs(List.of("msgpack", "json"))
          .handshake(false)
          .endpoints(List.of(new Endpoint("a.example", 7000), new Endpoint("::1", 7001)))
          .listen(new Endpoint("0.0.0.0", 7100))
          .transport("quic")
          .callTimeout(Duration.ofMillis(500))
          .connectTimeout(Duration.ofMinutes(2))
          .closeOnUnknownError(false)
          .limits(
              new Limits(64 * 1024, 1024 * 1024, 11, 12, 4L * 1024 * 1024 * 1024, 13, 14, 15, 16))
          .session(
              SessionConfig.builder()
                  .enabled(true)
                  .maxQueuedCalls(17)
                  .maxQueuedBytes(1024 * 1024)
                  .overflow(SessionConfig.Overflow.WAIT)
                  .overflowWait(Duration.ofMillis(250))
                  .reconnectInitial(Duration.ofMillis(5))
                  .reconnectMultiplier(1.5)
                  .reconnectMax(Duration.ofSeconds(2))
                  .reconnectJitter(0)
                  .giveUpAfter(Duration.ofMinutes(2))
                  .failoverAfter(Duration.ofSeconds(3))
                  .expiry(Duration.ofSeconds(90))
                  .heartbeatInterval(Duration.ZERO)
                  .heartbeatTimeout(Duration.ofSeconds(20))
                  .build())
          .build();

  @TempDir Path dir;

  private final Properties saved = new Properties();

  @BeforeEach
  void saveSystemProperties() {
    saved.putAll(System.getProperties());
  }

  @AfterEach
  void restoreSystemProperties() {
    System.getProperties().keySet().removeIf(k -> !saved.containsKey(k));
    System.getProperties().putAll(saved);
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, UTF_8);
  }

  private PeerConfig load(String name, String text) throws IOException {
    return ConfigLoader.load(write(name, text), Map.of());
  }

  private PeerConfig loadWithSystem(Map<String, String> system) {
    return ConfigLoader.load(null, system);
  }

  @Test
  void yaml_setsEveryKey() throws IOException {
    assertThat(load("amp4j.yaml", YAML)).isEqualTo(EXPECTED);
  }

  @Test
  void properties_setsEveryKey() throws IOException {
    assertThat(load("amp4j.properties", PROPERTIES)).isEqualTo(EXPECTED);
  }

  @Test
  void yamlAndProperties_giveEqualConfigs() throws IOException {
    assertThat(load("a.yml", YAML)).isEqualTo(load("a.properties", PROPERTIES));
  }

  @Test
  void systemProperties_setEveryKey() {
    Map<String, String> system = new HashMap<>();
    for (String line : PROPERTIES.strip().split("\n")) {
      String[] kv = line.split("=", 2);
      system.put("amp4j." + kv[0].strip(), kv[1].strip());
    }
    assertThat(loadWithSystem(system)).isEqualTo(EXPECTED);
  }

  @Test
  void everyKey_isDocumented() throws IOException {
    String docs = Files.readString(Path.of("..", "docs", "configuration.md"), UTF_8);
    for (ConfigKeys.Key<?> key : ConfigKeys.ALL) {
      assertThat(docs).contains("`" + key.name() + "`");
    }
  }

  @Test
  void emptyFiles_giveTheDefaults() throws IOException {
    assertThat(load("empty.yaml", "")).isEqualTo(PeerConfig.DEFAULTS);
    assertThat(load("comment.yaml", "# nothing\n")).isEqualTo(PeerConfig.DEFAULTS);
    assertThat(load("empty.properties", "")).isEqualTo(PeerConfig.DEFAULTS);
    assertThat(loadWithSystem(Map.of())).isEqualTo(PeerConfig.DEFAULTS);
  }

  @Test
  void yaml_acceptsDottedKeysAndCommaSeparatedLists() throws IOException {
    PeerConfig c =
        load(
            "dotted.yaml",
            "limits.maxFrameLength: 2MiB\ncodecs: msgpack, json\nendpoints: a:1,b:2\n");
    assertThat(c.limits().maxFrameLength()).isEqualTo(2 << 20);
    assertThat(c.codecs()).containsExactly("msgpack", "json");
    assertThat(c.endpoints()).containsExactly(new Endpoint("a", 1), new Endpoint("b", 2));
  }

  @Test
  void codecs_emptyMeansTheDefault_andNamesAreNotCheckedHere() throws IOException {
    assertThat(load("e.properties", "codecs=").codecs()).isEmpty();
    assertThat(load("e.yaml", "codecs: []").codecs()).isEmpty();
    assertThat(load("n.yaml", "codecs: [nosuch]").codecs()).containsExactly("nosuch");
  }

  @Test
  void precedence_fileThenSystemPropertyThenBuilder() throws IOException {
    Path file = write("p.yaml", "callTimeout: 1s\nconnectTimeout: 1s\nhandshake: false\n");
    System.setProperty("amp4j.connectTimeout", "2s");
    System.setProperty("amp4j.limits.maxFieldCount", "7");

    PeerConfig loaded = PeerConfig.load(file);
    assertThat(loaded.callTimeout()).isEqualTo(Duration.ofSeconds(1));
    assertThat(loaded.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(loaded.handshake()).isFalse();
    assertThat(loaded.limits().maxFieldCount()).isEqualTo(7);
    assertThat(PeerConfig.fromSystemProperties().connectTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(PeerConfig.fromSystemProperties().callTimeout()).isEqualTo(Duration.ofSeconds(60));

    PeerConfig built = loaded.toBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    assertThat(built.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(built.callTimeout()).isEqualTo(Duration.ofSeconds(1));
  }

  @ParameterizedTest
  @CsvSource({
    "0, PT0S",
    "0s, PT0S",
    "500ms, PT0.5S",
    "10s, PT10S",
    "2m, PT2M",
    "1h, PT1H",
    "PT1M, PT1M",
    "pt1m30s, PT1M30S"
  })
  void durations_parse(String text, String iso) {
    assertThat(ConfigKeys.parseDuration(text)).isEqualTo(Duration.parse(iso));
  }

  @ParameterizedTest
  @ValueSource(strings = {"5", "-5s", "1.5s", "10 sec", "PT", "-PT1M", "abc", ""})
  void durations_rejectOtherForms(String text) {
    assertThatThrownBy(() -> ConfigKeys.parseDuration(text))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @CsvSource({"1, 1", "65536, 65536", "64KiB, 65536", "16MiB, 16777216", "1GiB, 1073741824"})
  void sizes_parse(String text, long bytes) {
    assertThat(ConfigKeys.positive(text, true, Long.MAX_VALUE)).isEqualTo(bytes);
  }

  @Test
  void sizes_rejectZeroOverflowAndOtherUnits() {
    assertThatThrownBy(() -> ConfigKeys.positive("0", true, 10)).hasMessage("must be positive");
    assertThatThrownBy(() -> ConfigKeys.positive("0KiB", true, 10)).hasMessage("must be positive");
    assertThatThrownBy(() -> ConfigKeys.positive("2GiB", true, Integer.MAX_VALUE))
        .hasMessage("at most 2147483647");
    assertThatThrownBy(() -> ConfigKeys.positive("99999999999GiB", true, Long.MAX_VALUE))
        .hasMessage("at most 9223372036854775807");
    for (String bad : List.of("-1", "1MB", "1.5MiB", "1kib", "MiB", "1 2")) {
      assertThatThrownBy(() -> ConfigKeys.positive(bad, true, Long.MAX_VALUE))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> ConfigKeys.positive("1KiB", false, Long.MAX_VALUE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void unknownKey_namesKeyFileAndClosestKey() throws IOException {
    Path file = write("typo.yaml", "limits:\n  maxFrameLenght: 1MiB\n");
    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "unknown key 'limits.maxFrameLenght' in "
                + file
                + "; did you mean 'limits.maxFrameLength'?");
  }

  @Test
  void unknownKey_inTheWrongPlace_suggestsWhereItBelongs() throws IOException {
    Path file = write("flat.properties", "maxFrameLength=1MiB\n");
    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
        .hasMessage(
            "unknown key 'maxFrameLength' in " + file + "; did you mean 'limits.maxFrameLength'?");
  }

  @Test
  void unknownKey_farFromAny_listsTheValidKeys() throws IOException {
    Path file = write("far.yaml", "colour: blue\n");
    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
        .hasMessageStartingWith("unknown key 'colour' in " + file + "; valid keys: codecs, ")
        .hasMessageContaining("limits.maxFieldCount");
  }

  @Test
  void prefixedKey_inAFile_saysFilesHaveNoPrefix() throws IOException {
    Path file = write("prefixed.properties", "amp4j.codecs=json\n");
    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
        .hasMessage(
            "unknown key 'amp4j.codecs' in "
                + file
                + "; keys in a file have no 'amp4j.' prefix: did you mean 'codecs'?");
  }

  @Test
  void section_givenAValue_listsItsKeys() throws IOException {
    Path file = write("section.yaml", "limits: 5\n");
    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
        .hasMessageStartingWith(
            "'limits' in "
                + file
                + " is a section, not a value; its keys are limits.maxValueLength");
  }

  @Test
  void systemProperty_misspelt_fails_unrelated_isIgnored() {
    assertThatThrownBy(() -> loadWithSystem(Map.of("amp4j.codec", "json")))
        .hasMessage("unknown system property 'amp4j.codec'; did you mean 'amp4j.codecs'?");
    assertThatThrownBy(() -> loadWithSystem(Map.of("amp4j.limits.colour", "1")))
        .hasMessageStartingWith(
            "unknown system property 'amp4j.limits.colour'; valid keys: amp4j.codecs, ");
    assertThat(loadWithSystem(Map.of("amp4j.python", "/usr/bin/python3", "other.codec", "x")))
        .isEqualTo(PeerConfig.DEFAULTS);
  }

  @Test
  void badValue_namesKeyValueAndForm() throws IOException {
    Path file = write("bad.yaml", "callTimeout: 5\n");
    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
        .hasMessage(
            "bad value for callTimeout in "
                + file
                + ": expected a duration, as in 500ms, 10s, 2m, 1h or ISO-8601 PT1M, or 0 for"
                + " none, got '5' (a number other than 0 needs a unit)");
  }

  @Test
  void badValues_ofEveryForm_areReported() {
    assertThatThrownBy(() -> loadWithSystem(Map.of("amp4j.handshake", "yes")))
        .hasMessage(
            "bad value for amp4j.handshake in system properties: expected true or false, got 'yes'");
    assertThatThrownBy(() -> loadWithSystem(Map.of("amp4j.limits.maxFrameLength", "2GiB")))
        .hasMessageEndingWith("got '2GiB' (at most 2147483647)");
    assertThatThrownBy(() -> loadWithSystem(Map.of("amp4j.limits.maxNestingDepth", "0")))
        .hasMessage(
            "bad value for amp4j.limits.maxNestingDepth in system properties: expected a positive"
                + " integer, got '0' (must be positive)");
    assertThatThrownBy(() -> loadWithSystem(Map.of("amp4j.listen", "localhost")))
        .hasMessage(
            "bad value for amp4j.listen in system properties: expected HOST:PORT, as in"
                + " 127.0.0.1:7000, got 'localhost'");
    assertThatThrownBy(() -> loadWithSystem(Map.of("amp4j.listen", "localhost:70000")))
        .hasMessageEndingWith("(port must be 0..65535 in 'localhost:70000')");
    assertThatThrownBy(() -> loadWithSystem(Map.of("amp4j.endpoints", "a:1,,b:2")))
        .hasMessageEndingWith("got 'a:1,,b:2' (an entry is empty)");
    assertThatThrownBy(() -> loadWithSystem(Map.of("amp4j.transport", " ")))
        .hasMessageContaining("expected a name, got ' ' (empty)");
  }

  @Test
  void session_isOffByDefault_andEachKeyChangesOnlyItsSetting() throws IOException {
    assertThat(load("none.yaml", "callTimeout: 1s\n").session()).isEqualTo(SessionConfig.DEFAULTS);
    SessionConfig on = load("on.yaml", "session.enabled: true\n").session();
    assertThat(on).isEqualTo(SessionConfig.builder().enabled(true).build());
    SessionConfig flow =
        load("flow.yaml", "session: {overflow: Wait, reconnectJitter: 1}\n").session();
    assertThat(flow.overflow()).isEqualTo(SessionConfig.Overflow.WAIT);
    assertThat(flow.reconnectJitter()).isEqualTo(1.0);
    assertThat(flow.enabled()).isFalse();
    assertThat(load("big.properties", "session.maxQueuedBytes=4GiB\n").session().maxQueuedBytes())
        .isEqualTo(4L << 30);
  }

  @Test
  void sessionEnabled_systemPropertyOverridesTheFile() throws IOException {
    Path file = write("s.properties", "session.enabled=true\nsession.expiry=5m\n");
    PeerConfig c = ConfigLoader.load(file, Map.of("amp4j.session.enabled", "false"));
    assertThat(c.session().enabled()).isFalse();
    assertThat(c.session().expiry()).isEqualTo(Duration.ofMinutes(5));
  }

  @ParameterizedTest
  @CsvSource({"1, 1", "2, 2", "1.5, 1.5", "0.25, 0.25", "1.0E-5, 0.00001", "1e2, 100"})
  void decimals_parse(String text, double value) {
    assertThat(ConfigKeys.decimal(text, 0, Double.MAX_VALUE)).isEqualTo(value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "+1", ".5", "1.", "NaN", "Infinity", "0x10", "1,5", "", "1e999"})
  void decimals_rejectOtherForms(String text) {
    assertThatThrownBy(() -> ConfigKeys.decimal(text, 0, Double.MAX_VALUE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void badSessionValues_areReported_inBothFormats() throws IOException {
    Path yaml =
        write(
            "bad-session.yaml",
            """
            session:
              enabled: sometimes
              maxQueuedCalls: 0
              maxQueuedBytes: 1MB
              overflow: drop
              overflowWait: 5
              reconnectMultiplier: 0.5
              reconnectJitter: 1.5
              heartbeatTimeout: -1s
            """);
    assertThatThrownBy(() -> ConfigLoader.load(yaml, Map.of()))
        .hasMessageStartingWith("8 problems in the configuration:\n  ")
        .hasMessageContaining(
            "bad value for session.enabled in "
                + yaml
                + ": expected true or false, got 'sometimes'")
        .hasMessageContaining(
            "bad value for session.maxQueuedCalls in "
                + yaml
                + ": expected a positive integer, got '0' (must be positive)")
        .hasMessageContaining("bad value for session.maxQueuedBytes in " + yaml)
        .hasMessageContaining(
            "bad value for session.overflow in " + yaml + ": expected fail or wait, got 'drop'")
        .hasMessageContaining("got '5' (a number other than 0 needs a unit)")
        .hasMessageContaining(
            "bad value for session.reconnectMultiplier in "
                + yaml
                + ": expected a number of at least 1, as in 2 or 1.5, got '0.5' (must be at"
                + " least 1)")
        .hasMessageContaining(
            "bad value for session.reconnectJitter in "
                + yaml
                + ": expected a number from 0 to 1, as in 0.2, got '1.5' (must be at most 1)")
        .hasMessageContaining("bad value for session.heartbeatTimeout in " + yaml);

    Path props =
        write(
            "bad-session.properties",
            "session.overflow=block\nsession.reconnectJitter=-0.1\nsession.giveUpAfter=soon\n");
    assertThatThrownBy(() -> ConfigLoader.load(props, Map.of()))
        .hasMessageStartingWith("3 problems in the configuration:\n  ")
        .hasMessageContaining(
            "bad value for session.overflow in " + props + ": expected fail or wait, got 'block'")
        .hasMessageContaining(
            "bad value for session.reconnectJitter in "
                + props
                + ": expected a number from 0 to 1, as in 0.2, got '-0.1'")
        .hasMessageContaining("bad value for session.giveUpAfter in " + props);

    assertThatThrownBy(() -> loadWithSystem(Map.of("amp4j.session.maxQueuedCalls", "lots")))
        .hasMessage(
            "bad value for amp4j.session.maxQueuedCalls in system properties: expected a positive"
                + " integer, got 'lots'");
  }

  @Test
  void sessionKeys_misspeltOrMisplaced_orTheListener_areReported() throws IOException {
    Path section = write("section-value.yaml", "session: true\n");
    assertThatThrownBy(() -> ConfigLoader.load(section, Map.of()))
        .hasMessageStartingWith(
            "'session' in "
                + section
                + " is a section, not a value; its keys are session.enabled, session.maxQueuedCalls");
    Path typo = write("typo.properties", "session.heartbeatIntervall=1s\n");
    assertThatThrownBy(() -> ConfigLoader.load(typo, Map.of()))
        .hasMessage(
            "unknown key 'session.heartbeatIntervall' in "
                + typo
                + "; did you mean 'session.heartbeatInterval'?");
    Path flat = write("flat.yaml", "giveUpAfter: 1m\n");
    assertThatThrownBy(() -> ConfigLoader.load(flat, Map.of()))
        .hasMessage(
            "unknown key 'giveUpAfter' in " + flat + "; did you mean 'session.giveUpAfter'?");
    Path listener = write("listener.yaml", "session:\n  listener: com.example.Mine\n");
    assertThatThrownBy(() -> ConfigLoader.load(listener, Map.of()))
        .hasMessageStartingWith("unknown key 'session.listener' in " + listener + "; ");
    assertThatThrownBy(() -> loadWithSystem(Map.of("amp4j.session.colour", "1")))
        .hasMessageStartingWith("unknown system property 'amp4j.session.colour'; valid keys: ");
  }

  @Test
  void badYamlShapes_areReported() throws IOException {
    Path list = write("list.yaml", "listen: [a:1, b:2]\n");
    assertThatThrownBy(() -> ConfigLoader.load(list, Map.of()))
        .hasMessageEndingWith("got '[a:1, b:2]' (a list is not allowed here)");
    Path none = write("none.yaml", "callTimeout:\n");
    assertThatThrownBy(() -> ConfigLoader.load(none, Map.of()))
        .hasMessageEndingWith("got nothing (no value given)");
    Path map = write("map.yaml", "transport: {name: tcp}\n");
    assertThatThrownBy(() -> ConfigLoader.load(map, Map.of()))
        .hasMessageEndingWith("(a map is not allowed here)");
  }

  @Test
  void everyProblem_isReportedAtOnce() throws IOException {
    Path file = write("many.properties", "codec=json\nhandshake=maybe\n");
    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of("amp4j.callTimeout", "x")))
        .hasMessageStartingWith("3 problems in the configuration:\n  ")
        .hasMessageContaining("unknown key 'codec' in " + file)
        .hasMessageContaining("bad value for handshake in " + file)
        .hasMessageContaining("bad value for amp4j.callTimeout in system properties");
  }

  @Test
  void missingFile_namesThePath() {
    Path file = dir.resolve("nowhere.yaml");
    assertThatThrownBy(() -> PeerConfig.load(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("configuration file not found: " + file);
    assertThatThrownBy(() -> PeerConfig.load(Path.of("no/such/amp4j.yaml")))
        .hasMessageStartingWith("configuration file not found: no/such/amp4j.yaml (/")
        .hasMessageEndingWith("/no/such/amp4j.yaml)");
  }

  @Test
  void directory_andNonUtf8File_areReported() throws IOException {
    Path sub = Files.createDirectory(dir.resolve("sub.yaml"));
    assertThatThrownBy(() -> PeerConfig.load(sub))
        .hasMessage("configuration file " + sub + " is a directory");
    Path latin1 = Files.write(dir.resolve("latin1.properties"), new byte[] {'t', '=', (byte) 0xe9});
    assertThatThrownBy(() -> PeerConfig.load(latin1))
        .hasMessage("cannot read configuration file " + latin1 + ": not valid UTF-8");
  }

  @Test
  void otherExtension_namesTheSupportedOnes() throws IOException {
    Path file = write("amp4j.json", "{}");
    assertThatThrownBy(() -> PeerConfig.load(file))
        .hasMessage(
            "unsupported configuration file "
                + file
                + ": the name must end in .yaml, .yml or .properties");
  }

  @Test
  void invalidYaml_namesTheFileAndLine() throws IOException {
    Path syntax = write("syntax.yaml", "codecs: [json\nhandshake: true\n");
    assertThatThrownBy(() -> PeerConfig.load(syntax))
        .hasMessageStartingWith("cannot parse " + syntax + " as YAML: ")
        .hasMessageContaining("line");
    Path twice = write("twice.yaml", "handshake: true\nhandshake: false\n");
    assertThatThrownBy(() -> PeerConfig.load(twice))
        .hasMessageStartingWith("cannot parse " + twice + " as YAML: ")
        .hasMessageContaining("handshake");
    Path mixed = write("mixed.yaml", "limits:\n  maxFieldCount: 1\nlimits.maxFieldCount: 2\n");
    assertThatThrownBy(() -> PeerConfig.load(mixed))
        .hasMessage("key 'limits.maxFieldCount' is given twice in " + mixed);
    Path top = write("top.yaml", "- codecs\n");
    assertThatThrownBy(() -> PeerConfig.load(top))
        .hasMessage(
            "cannot parse "
                + top
                + " as a configuration: expected keys and values at the top, got [codecs]");
  }
}
