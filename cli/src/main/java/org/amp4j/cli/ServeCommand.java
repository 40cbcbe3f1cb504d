package org.amp4j.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.amp4j.Amp;
import org.amp4j.AmpException;
import org.amp4j.AmpServer;
import org.amp4j.PeerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code amp4j serve}: answers the interop command set until stopped. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description =
        "Serve the interop command set; prints 'listening on HOST:PORT' when ready. Grants"
            + " clients a session (so their calls survive dropped connections) unless"
            + " --no-session is given or the configuration sets session.enabled: false.")
final class ServeCommand implements Callable<Integer> {

  @Option(
      names = "--port",
      description = "port to listen on; 0 picks one (default: the configuration's listen port)")
  Integer port;

  @Option(
      names = "--host",
      description = "address to bind (default: the configuration's listen host, 127.0.0.1)")
  String host;

  @Mixin ConfigOptions options = new ConfigOptions();

  @Override
  public Integer call() throws InterruptedException {
    PeerConfig config;
    AmpServer server;
    try {
      config = options.config();
      server =
          Amp.serve(
              host != null ? host : config.listen().host(),
              port != null ? port : config.listen().port(),
              config,
              InteropResponders.sharingCounters());
    } catch (IllegalArgumentException | AmpException e) {
      System.err.println("amp4j: " + e.getMessage());
      return Main.USAGE;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                }));
    System.out.println("listening on " + server.host() + ":" + server.port());
    System.out.flush();
    stopped.await();
    return 0;
  }
}
