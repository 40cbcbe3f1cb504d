/**
 * The loopback harness: a server and a client in separate JVMs on 127.0.0.1, measuring calls per
 * second (and latency with one call outstanding) of amp4j with each codec and of gRPC-java against
 * a hand-written raw Netty baseline. {@link org.amp4j.bench.loopback.Bench} runs the rounds; see
 * docs/performance.md.
 */
package org.amp4j.bench.loopback;
