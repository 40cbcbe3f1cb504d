package org.amp4j.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import org.amp4j.Amp;
import org.amp4j.AmpException;
import org.amp4j.ConnectionLostException;
import org.amp4j.Endpoint;
import org.amp4j.Peer;
import org.amp4j.PeerConfig;
import org.amp4j.RemoteException;
import org.amp4j.UntypedCommand;
import org.amp4j.spi.TypedValue;
import org.amp4j.value.Fields;
import org.amp4j.value.ValueType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code amp4j call}: sends one command to any AMP server and prints the answer as JSON. */
@Command(
    name = "call",
    mixinStandardHelpOptions = true,
    description = {
      "Send one command and print the answer as one JSON object.",
      "Argument types: integer, string (hex bytes), unicode, boolean, float, decimal, datetime,"
          + " path, list-integer, list-unicode (comma separated).",
      "Exit status: 0 answered, 3 error answer (printed on stderr as 'ERROR CODE: description'),"
          + " 2 connection failure, 64 usage error."
    })
final class CallCommand implements Callable<Integer> {

  @Option(
      names = "--connect",
      description = "HOST:PORT of the server (default: the configuration's first endpoint)")
  String connect;

  @Option(names = "--verbose", description = "print the negotiated codec on stderr")
  boolean verbose;

  @Mixin ConfigOptions options = new ConfigOptions();

  @Option(
      names = "--response",
      split = ",",
      description = "decode answer values as typed: name:type,... (others print as text)")
  List<String> response = new ArrayList<>();

  @Option(names = "--no-answer", description = "send without asking for an answer")
  boolean noAnswer;

  @Option(
      names = "--timeout",
      defaultValue = "30",
      description = "seconds to wait (default ${DEFAULT-VALUE})")
  int timeoutSeconds;

  @Parameters(index = "0", description = "the command name")
  String command;

  @Parameters(index = "1..*", description = "arguments as name:type=value")
  List<String> arguments = new ArrayList<>();

  @Override
  public Integer call() {
    PrintStream out = System.out;
    PrintStream err = System.err;
    List<TypedValue<?>> args = new ArrayList<>();
    Map<String, ValueType<?>> responseTypes = new LinkedHashMap<>();
    Endpoint target;
    PeerConfig config;
    try {
      config = options.config();
      target = target(connect, config);
      for (String a : arguments) {
        args.add(CliTypes.argument(a));
      }
      for (String r : response) {
        String[] parts = r.split(":", 2);
        if (parts.length != 2) {
          throw new IllegalArgumentException("--response entry '" + r + "' is not name:type");
        }
        responseTypes.put(parts[0], CliTypes.type(parts[1]));
      }
    } catch (IllegalArgumentException e) {
      err.println("amp4j: " + e.getMessage());
      return Main.USAGE;
    }
    config = config.toBuilder().callTimeout(java.time.Duration.ofSeconds(timeoutSeconds)).build();
    Peer peer;
    try {
      peer = Amp.connect(target.host(), target.port(), config);
    } catch (AmpException e) {
      err.println("amp4j: " + e.getMessage());
      return 2;
    }
    if (verbose) {
      err.println(
          "amp4j: connected to "
              + peer.remoteAddress()
              + ", codec "
              + peer.codec()
              + (peer.session() == null ? ", no session" : ", session " + peer.session().id()));
    }
    try (peer) {
      Fields answer =
          peer.call(new UntypedCommand(command, args, !noAnswer)).toCompletableFuture().join();
      if (answer == null) {
        out.println("{}");
        return 0;
      }
      out.println(Json.write(render(answer, responseTypes)));
      return 0;
    } catch (IllegalArgumentException e) {
      err.println("amp4j: cannot decode the answer: " + e.getMessage());
      return 1;
    } catch (CompletionException e) {
      Throwable t = e.getCause();
      if (t instanceof RemoteException r) {
        err.println("ERROR " + r.code() + ": " + r.description());
        return 3;
      }
      if (t instanceof ConnectionLostException) {
        err.println("amp4j: " + t.getMessage());
        return 2;
      }
      err.println("amp4j: " + t.getMessage());
      return 1;
    }
  }

  private static Map<String, Object> render(Fields answer, Map<String, ValueType<?>> types) {
    Map<String, Object> json = new LinkedHashMap<>();
    for (String name : new java.util.TreeSet<>(answer.names())) {
      ValueType<?> type = types.get(name);
      if (type != null) {
        json.put(name, CliTypes.printable(answer.get(name, type)));
      } else {
        Object raw = answer.raw(name);
        json.put(
            name,
            raw instanceof byte[] b
                ? new String(b, StandardCharsets.UTF_8)
                : CliTypes.printable(raw));
      }
    }
    return json;
  }

  /** The server to call: {@code --connect}, else the configuration's first endpoint. */
  static Endpoint target(String connect, PeerConfig config) {
    if (connect != null) {
      return Endpoint.parse(connect);
    }
    if (config.endpoints().isEmpty()) {
      throw new IllegalArgumentException("give --connect HOST:PORT or endpoints in --config");
    }
    return config.endpoints().get(0);
  }
}
