package org.amp4j;

/**
 * A command: a record whose components are the arguments, declared once and called with {@link
 * Peer#call}.
 *
 * <pre>{@code
 * @AmpCommand(name = "Divide", errors = @AmpError(code = "ZERO_DIVISION", type = ZeroDivision.class))
 * public record Divide(BigInteger numerator, BigInteger denominator) implements Command<Divide.Result> {
 *   public record Result(double quotient) {}
 * }
 * }</pre>
 *
 * <p>The type argument is the response record, or {@link Void} for a command whose answer carries
 * no values. Components map to value types through {@link org.amp4j.value.TypeRegistry}; {@link
 * Field} renames a component or makes it optional.
 *
 * @param <R> the response type
 */
public interface Command<R> {}
