package org.amp4j.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.amp4j.Amp;
import org.amp4j.AmpServer;
import org.amp4j.PeerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code amp4j serve}: answers the interop command set until stopped. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Serve the interop command set; prints 'listening on HOST:PORT' when ready.")
final class ServeCommand implements Callable<Integer> {

  @Option(names = "--port", required = true, description = "port to listen on; 0 picks one")
  int port;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "address to bind (default ${DEFAULT-VALUE})")
  String host;

  @Override
  public Integer call() throws InterruptedException {
    AmpServer server = Amp.serve(host, port, PeerConfig.DEFAULTS, InteropResponders::forPeer);
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
