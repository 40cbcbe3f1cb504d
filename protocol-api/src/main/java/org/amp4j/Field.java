package org.amp4j;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes one record component of a command, a response or a nested record: its wire key and
 * whether it is optional.
 *
 * <p>An optional field is omitted from the wire when its value is null, and decodes to null when
 * absent. Required fields must be present; a primitive component cannot be optional.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({
  ElementType.RECORD_COMPONENT,
  ElementType.FIELD,
  ElementType.PARAMETER,
  ElementType.METHOD
})
public @interface Field {
  /** The wire key; empty means the component name. */
  String name() default "";

  /** Whether the field may be absent. */
  boolean optional() default false;
}
