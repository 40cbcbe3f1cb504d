package org.amp4j.cli;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import org.amp4j.AmpCommand;
import org.amp4j.AmpError;
import org.amp4j.Command;
import org.amp4j.Field;
import org.amp4j.value.AmpDecimal;

/**
 * The interop command set: what {@code amp4j serve} answers and what the Twisted peer of the
 * interop tests answers too. Each nested record is one command.
 */
public final class Interop {
  private Interop() {}

  /** Does nothing; answers with no values. */
  public record Noop() implements Command<Void> {}

  /** Adds two integers of any size. */
  public record Sum(BigInteger a, BigInteger b) implements Command<Total> {}

  /** A sum. */
  public record Total(BigInteger total) {}

  /** Divides; {@code ZERO_DIVISION} when the denominator is 0. */
  @AmpCommand(errors = @AmpError(code = "ZERO_DIVISION", type = ZeroDivision.class))
  public record Divide(BigInteger numerator, BigInteger denominator)
      implements Command<Divide.Quotient> {
    /** The quotient. */
    public record Quotient(double quotient) {}
  }

  /** Division by zero, declared by {@link Divide}. */
  public static final class ZeroDivision extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the error with its description. */
    public ZeroDivision(String message) {
      super(message);
    }
  }

  /** One element of {@link Echo#records()}. */
  public record Rec(BigInteger id, String name, @Field(optional = true) String note) {}

  /** Returns every argument it is given, under the same key; all are optional. */
  public record Echo(
      @Field(optional = true) BigInteger integer,
      @Field(optional = true) byte[] string,
      @Field(optional = true) String unicode,
      @Field(name = "boolean", optional = true) Boolean bool,
      @Field(name = "float", optional = true) Double flt,
      @Field(optional = true) AmpDecimal decimal,
      @Field(optional = true) OffsetDateTime datetime,
      @Field(optional = true) Path path,
      @Field(name = "int_list", optional = true) List<BigInteger> intList,
      @Field(name = "text_list", optional = true) List<String> textList,
      @Field(optional = true) List<Rec> records)
      implements Command<Echo> {}

  /** Fails with the fatal error {@code EXPLODED}; the connection then closes. */
  @AmpCommand(fatalErrors = @AmpError(code = "EXPLODED", type = Exploded.class))
  public record Explode(String message) implements Command<Void> {}

  /** The fatal error of {@link Explode}. */
  public static final class Exploded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the error with its description. */
    public Exploded(String message) {
      super(message);
    }
  }

  /** Fails with an undeclared error ({@code UNKNOWN}). */
  public record Crash() implements Command<Void> {}

  /** Appends a message to the connection's list; sent without answer. */
  @AmpCommand(requiresAnswer = false)
  public record Notify(String message) implements Command<Void> {}

  /** Returns and clears the connection's list of notifications. */
  public record GetNotifications() implements Command<GetNotifications.Messages> {
    /** The notifications. */
    public record Messages(List<String> messages) {}
  }

  /** Makes {@code count} (0..1000) records; {@code BAD_COUNT} outside that range. */
  @AmpCommand(errors = @AmpError(code = "BAD_COUNT", type = BadCount.class))
  public record MakeRecords(BigInteger count, String prefix)
      implements Command<MakeRecords.Records> {
    /** One made record. */
    public record Item(BigInteger index, String label, boolean even) {}

    /** The made records. */
    public record Records(List<Item> records) {}
  }

  /** A count outside 0..1000, declared by {@link MakeRecords}. */
  public static final class BadCount extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the error with its description. */
    public BadCount(String message) {
      super(message);
    }
  }

  /** Answers its token after {@code millis}, without blocking other calls. */
  public record Delay(BigInteger millis, String token) implements Command<Delay.Token> {
    /** The token. */
    public record Token(String token) {}
  }

  /** Calls {@link Sum} back on the peer that asked, and answers its total. */
  public record AskBack(BigInteger a, BigInteger b) implements Command<Total> {}

  /**
   * Adds {@code by} to a named counter, shared by every connection the server answers (see {@link
   * InteropResponders#sharingCounters()}), and answers the new value.
   */
  public record Increment(String counter, BigInteger by) implements Command<CounterValue> {}

  /** Reads a named counter; 0 if it was never incremented. */
  public record GetCounter(String counter) implements Command<CounterValue> {}

  /** A counter's value. */
  public record CounterValue(BigInteger value) {}
}
