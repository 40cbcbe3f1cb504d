/**
 * Compiled, tested examples of extending amp4j, walked through in docs/extending.md: {@link
 * org.amp4j.examples.Uuids} maps a Java type onto a built-in wire type, {@link
 * org.amp4j.examples.Point} has a representation of its own per codec, {@link
 * org.amp4j.examples.ExampleTypes} registers both through {@link java.util.ServiceLoader}, and
 * {@link org.amp4j.examples.Move} is a command that uses them.
 */
package org.amp4j.examples;
