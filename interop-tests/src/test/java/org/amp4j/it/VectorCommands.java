package org.amp4j.it;

import java.math.BigInteger;
import java.time.OffsetDateTime;
import org.amp4j.AmpCommand;
import org.amp4j.AmpError;
import org.amp4j.Command;
import org.amp4j.Field;
import org.amp4j.Responders;

/** The commands the Twisted side of amp-vectors.json used, with equivalent responders. */
final class VectorCommands {
  private VectorCommands() {}

  record Sum(BigInteger a, BigInteger b) implements Command<Sum.Total> {
    record Total(BigInteger total) {}
  }

  /** Twisted's ZeroDivide, declared by Divide. */
  public static final class ZeroDivide extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ZeroDivide(String message) {
      super(message);
    }
  }

  @AmpCommand(errors = @AmpError(code = "ZERO_DIVISION", type = ZeroDivide.class))
  record Divide(BigInteger numerator, BigInteger denominator) implements Command<Divide.Result> {
    record Result(double value) {}
  }

  /** The error Fail raises. */
  public static final class Boom extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Boom(String message) {
      super(message);
    }
  }

  @AmpCommand(errors = @AmpError(code = "BOOM", type = Boom.class))
  record Fail(String kind) implements Command<Void> {}

  record Typed(
      @Field(optional = true) Boolean flag,
      @Field(optional = true) String u,
      @Field(optional = true) OffsetDateTime when)
      implements Command<Void> {}

  record BigResponse(int n) implements Command<BigResponse.Data> {
    record Data(byte[] data) {}
  }

  @AmpCommand(requiresAnswer = false)
  record Notify(String message) implements Command<Void> {}

  static Responders responders() {
    return Responders.builder()
        .on(Sum.class, s -> new Sum.Total(s.a().add(s.b())))
        .on(
            Divide.class,
            d -> {
              if (d.denominator().signum() == 0) {
                throw new ZeroDivide("division by zero");
              }
              return new Divide.Result(d.numerator().doubleValue() / d.denominator().doubleValue());
            })
        .onVoid(
            Fail.class,
            f -> {
              throw new Boom(f.kind());
            })
        .onVoid(Typed.class, t -> {})
        .on(BigResponse.class, b -> new BigResponse.Data(new byte[b.n()]))
        .onVoid(Notify.class, n -> {})
        .build();
  }
}
