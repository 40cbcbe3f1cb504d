package org.amp4j.bench.loopback;

import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.MultiThreadIoEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.nio.NioIoHandler;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioServerSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioSocketChannel;
import io.grpc.netty.shaded.io.netty.util.concurrent.DefaultThreadFactory;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * gRPC-java over its shaded Netty, with no code generation: one hand-made unary method {@code
 * bench.Calculator/Sum} whose marshallers write the two longs and the total as raw big-endian
 * bytes. Plaintext HTTP/2, everything else at gRPC's defaults, except that both sides use the NIO
 * transport with twice the processors in threads, as {@link RawNettySystem} and amp4j do (gRPC
 * would otherwise pick epoll), and that handlers and callbacks run on the event loop ({@code
 * directExecutor}), as the other systems' do. Each {@link #connect} is its own channel, so one TCP
 * connection.
 *
 * <pre>
 * request message:  +--------+--------+      response message: +-----------+
 *                   | a (8)  | b (8)  |                        | total (8) |
 *                   +--------+--------+                        +-----------+
 * </pre>
 */
final class GrpcSystem implements LoopbackSystem {
  static final String NAME = "grpc";

  static final MethodDescriptor<Sum, Sum.Total> SUM =
      MethodDescriptor.<Sum, Sum.Total>newBuilder()
          .setType(MethodDescriptor.MethodType.UNARY)
          .setFullMethodName(MethodDescriptor.generateFullMethodName("bench.Calculator", "Sum"))
          .setRequestMarshaller(new SumMarshaller())
          .setResponseMarshaller(new TotalMarshaller())
          .build();

  private static final class Groups {
    static final EventLoopGroup BOSS = group("grpc-boss", 1);
    static final EventLoopGroup WORKERS = group("grpc", 0);

    private static EventLoopGroup group(String name, int threads) {
      return new MultiThreadIoEventLoopGroup(
          threads, new DefaultThreadFactory(name, true), NioIoHandler.newFactory());
    }
  }

  @Override
  public Server serve() throws IOException {
    ServerServiceDefinition calculator =
        ServerServiceDefinition.builder("bench.Calculator")
            .addMethod(
                SUM,
                ServerCalls.asyncUnaryCall(
                    (Sum s, StreamObserver<Sum.Total> out) -> {
                      out.onNext(new Sum.Total(s.a() + s.b()));
                      out.onCompleted();
                    }))
            .build();
    io.grpc.Server server =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
            .channelType(NioServerSocketChannel.class)
            .bossEventLoopGroup(Groups.BOSS)
            .workerEventLoopGroup(Groups.WORKERS)
            .directExecutor()
            .addService(calculator)
            .build()
            .start();
    return new Server() {
      @Override
      public int port() {
        return server.getPort();
      }

      @Override
      public void close() {
        server.shutdownNow();
        awaitQuietly(() -> server.awaitTermination(5, TimeUnit.SECONDS));
      }
    };
  }

  @Override
  public Caller connect(String host, int port) {
    ManagedChannel channel =
        NettyChannelBuilder.forAddress(host, port)
            .channelType(NioSocketChannel.class)
            .eventLoopGroup(Groups.WORKERS)
            .directExecutor()
            .usePlaintext()
            .build();
    return new Caller() {
      @Override
      public CompletionStage<Long> sum(long a, long b) {
        CompletableFuture<Long> answer = new CompletableFuture<>();
        ClientCalls.asyncUnaryCall(
            channel.newCall(SUM, CallOptions.DEFAULT), new Sum(a, b), new Answer(answer));
        return answer;
      }

      @Override
      public long total(Object answer) {
        return (Long) answer;
      }

      @Override
      public void close() {
        channel.shutdownNow();
        awaitQuietly(() -> channel.awaitTermination(5, TimeUnit.SECONDS));
      }
    };
  }

  private interface Wait {
    boolean await() throws InterruptedException;
  }

  private static void awaitQuietly(Wait wait) {
    try {
      wait.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Completes one call's future from gRPC's single response (or its error). */
  private record Answer(CompletableFuture<Long> answer) implements StreamObserver<Sum.Total> {
    @Override
    public void onNext(Sum.Total total) {
      answer.complete(total.total());
    }

    @Override
    public void onError(Throwable t) {
      answer.completeExceptionally(t);
    }

    @Override
    public void onCompleted() {
      if (!answer.isDone()) {
        answer.completeExceptionally(new IllegalStateException("call completed without a total"));
      }
    }
  }

  /** Reads a message of exactly {@code length} bytes. */
  private static ByteBuffer readExactly(InputStream in, int length, String what) {
    try (in) {
      byte[] bytes = in.readNBytes(length + 1);
      if (bytes.length != length) {
        throw new IllegalArgumentException(
            what
                + (bytes.length > length ? " longer than " : " of ")
                + Math.min(bytes.length, length)
                + " bytes, expected "
                + length);
      }
      return ByteBuffer.wrap(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@link Sum} as 16 bytes: a, then b. */
  private static final class SumMarshaller implements MethodDescriptor.Marshaller<Sum> {
    static final int LENGTH = 16;

    @Override
    public InputStream stream(Sum s) {
      return new ByteArrayInputStream(
          ByteBuffer.allocate(LENGTH).putLong(s.a()).putLong(s.b()).array());
    }

    @Override
    public Sum parse(InputStream in) {
      ByteBuffer b = readExactly(in, LENGTH, "request");
      return new Sum(b.getLong(), b.getLong());
    }
  }

  /** {@link Sum.Total} as 8 bytes. */
  private static final class TotalMarshaller implements MethodDescriptor.Marshaller<Sum.Total> {
    static final int LENGTH = 8;

    @Override
    public InputStream stream(Sum.Total t) {
      return new ByteArrayInputStream(ByteBuffer.allocate(LENGTH).putLong(t.total()).array());
    }

    @Override
    public Sum.Total parse(InputStream in) {
      return new Sum.Total(readExactly(in, LENGTH, "response").getLong());
    }
  }
}
