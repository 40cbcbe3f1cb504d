package org.amp4j;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Maps an exception type to the error code that carries it on the wire, inside {@link
 * AmpCommand#errors()} or {@link AmpCommand#fatalErrors()}.
 *
 * <p>The responder sends the code with the exception's message as description; the caller gets a
 * new instance of the same type, built with the description as its only argument, so the type needs
 * a public constructor taking one {@code String}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface AmpError {
  /** The wire error code. */
  String code();

  /** The exception type. */
  Class<? extends RuntimeException> type();
}
