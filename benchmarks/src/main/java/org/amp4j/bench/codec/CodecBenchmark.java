package org.amp4j.bench.codec;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.amp4j.Limits;
import org.amp4j.spi.Codec;
import org.amp4j.spi.InboundMessage;
import org.amp4j.spi.MessageDecoder;
import org.amp4j.spi.OutboundMessage;
import org.amp4j.spi.Plugins;
import org.amp4j.spi.TypedValue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Encode, decode and round trip of one {@link Workload} with one codec, found by name through
 * {@link Plugins#codec} with {@link Limits#DEFAULTS}.
 *
 * <p>Decoding reads every value back through {@code Fields.get} with its type, so that a codec that
 * converts lazily (AMP) does all its work inside the measurement. One decoder serves the whole
 * trial, as one serves a connection. The {@code amp} codec runs with {@code amp.split-values} on,
 * which the 64 KiB workload needs and which changes nothing for values under 65,536 bytes.
 *
 * <p>Not final: JMH generates subclasses of its benchmark classes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgs = {"-Xms1g", "-Xmx1g"})
public class CodecBenchmark {

  private static final String SPLIT_VALUES = "amp.split-values";

  /** The codec's configuration name. */
  @Param({"amp", "json", "msgpack", "cbor"})
  public String codec;

  /** The message encoded and decoded. */
  @Param({"SUM", "ECHO", "BYTES_64K", "RECORDS_100"})
  public Workload workload;

  private Codec instance;
  private OutboundMessage message;
  private byte[] frame;
  private MessageDecoder decoder;

  /** Creates the codec, builds the message, encodes it once and checks that it decodes back. */
  @Setup
  public void setUp() {
    Codec c = Plugins.codec(codec, Limits.DEFAULTS);
    instance = c.extensions().contains(SPLIT_VALUES) ? c.withExtensions(Set.of(SPLIT_VALUES)) : c;
    message = workload.message();
    frame = instance.encode(message);
    decoder = instance.newDecoder();
    checkRoundTrip();
  }

  /** Encodes the message to one frame. */
  @Benchmark
  public byte[] encode() {
    return instance.encode(message);
  }

  /** Decodes the pre-encoded frame and reads every value. */
  @Benchmark
  public void decode(Blackhole bh) {
    readAll(decoder.next(ByteBuffer.wrap(frame)), bh);
  }

  /** Encodes the message, decodes the frame and reads every value. */
  @Benchmark
  public void roundTrip(Blackhole bh) {
    readAll(decoder.next(ByteBuffer.wrap(instance.encode(message))), bh);
  }

  private void readAll(InboundMessage m, Blackhole bh) {
    if (m == null) {
      throw new IllegalStateException(codec + " decoder wants more than one whole frame");
    }
    bh.consume(m.tag());
    for (TypedValue<?> v : message.values()) {
      bh.consume(m.fields().get(v.name(), v.type()));
    }
  }

  private void checkRoundTrip() {
    ByteBuffer in = ByteBuffer.wrap(frame);
    InboundMessage m = instance.newDecoder().next(in);
    if (m == null || in.hasRemaining()) {
      throw new IllegalStateException(
          codec + "/" + workload + ": frame of " + frame.length + " bytes is not one message");
    }
    for (TypedValue<?> v : message.values()) {
      Object got = m.fields().get(v.name(), v.type());
      if (!Objects.deepEquals(v.value(), got)) {
        throw new IllegalStateException(
            codec + "/" + workload + "." + v.name() + ": sent " + v.value() + ", got " + got);
      }
    }
  }
}
