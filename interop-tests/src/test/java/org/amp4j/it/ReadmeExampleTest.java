package org.amp4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.concurrent.CompletionException;
import org.amp4j.Amp;
import org.amp4j.AmpCommand;
import org.amp4j.AmpError;
import org.amp4j.AmpServer;
import org.amp4j.Command;
import org.amp4j.Peer;
import org.amp4j.PeerConfig;
import org.amp4j.Responders;
import org.junit.jupiter.api.Test;

/** The README's quick start, compiled and run as written there. */
class ReadmeExampleTest {

  @AmpCommand(
      name = "Divide",
      errors = @AmpError(code = "ZERO_DIVISION", type = ZeroDivision.class))
  public record Divide(BigInteger numerator, BigInteger denominator)
      implements Command<Divide.Quotient> {
    public record Quotient(double quotient) {}
  }

  public static class ZeroDivision extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ZeroDivision(String message) {
      super(message);
    }
  }

  @Test
  void quickStart_works() {
    Responders calculator =
        Responders.builder()
            .on(
                Divide.class,
                d -> {
                  if (d.denominator().signum() == 0) {
                    throw new ZeroDivision("division by zero");
                  }
                  return new Divide.Quotient(
                      d.numerator().doubleValue() / d.denominator().doubleValue());
                })
            .build();

    try (AmpServer server = Amp.serve("127.0.0.1", 0, PeerConfig.DEFAULTS, peer -> calculator);
        Peer peer = Amp.connect("127.0.0.1", server.port(), PeerConfig.DEFAULTS)) {
      double q =
          peer.call(new Divide(BigInteger.ONE, BigInteger.valueOf(4)))
              .toCompletableFuture()
              .join()
              .quotient();
      assertThat(q).isEqualTo(0.25);
      CompletionException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              CompletionException.class,
              () ->
                  peer.call(new Divide(BigInteger.ONE, BigInteger.ZERO))
                      .toCompletableFuture()
                      .join());
      assertThat(e.getCause()).isInstanceOf(ZeroDivision.class).hasMessage("division by zero");
    }
  }
}
