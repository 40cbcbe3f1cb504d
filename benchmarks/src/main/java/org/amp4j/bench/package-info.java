/** Benchmarks: JMH codec benchmarks and the loopback harness. Not part of the library. */
package org.amp4j.bench;
