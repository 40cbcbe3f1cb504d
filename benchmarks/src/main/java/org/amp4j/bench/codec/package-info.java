/**
 * JMH benchmarks of encode and decode per codec, through the public SPI only ({@link
 * org.amp4j.spi.Plugins#codec}). Run them with {@code scripts/jmh}; results are in {@code
 * docs/performance.md}.
 */
package org.amp4j.bench.codec;
