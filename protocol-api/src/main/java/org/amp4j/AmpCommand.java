package org.amp4j;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares how a {@link Command} record appears on the wire: its name, its declared errors, and
 * whether it expects an answer. Optional: without it, the name is the record's simple name, no
 * errors are declared, and an answer is expected.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface AmpCommand {
  /** The wire name; empty means the record's simple name. */
  String name() default "";

  /** Errors answered with their code; the connection stays open. */
  AmpError[] errors() default {};

  /** Errors answered with their code, after which the responder closes the connection. */
  AmpError[] fatalErrors() default {};

  /** False for a command sent without a tag, never answered (not even on error). */
  boolean requiresAnswer() default true;

  /**
   * True when running the command twice does no harm. In a session, such a call that may have
   * reached a peer which is now gone (restarted, expired, or left behind by failover) is sent again
   * on the new session instead of failing with {@link SessionLostException}.
   */
  boolean idempotent() default false;
}
