package org.amp4j.transport.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.lang.ref.PhantomReference;
import java.lang.ref.ReferenceQueue;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class when Netty reports a leaked buffer. Registered for every test class by
 * auto-detection ({@code META-INF/services}), so it installs its recording detector factory, at the
 * paranoid level, before any buffer class is initialized.
 */
public final class LeakDetection implements AfterAllCallback {

  private static final List<String> LEAKS = new CopyOnWriteArrayList<>();
  private static final AtomicInteger BUFFER_DETECTORS = new AtomicInteger();

  static {
    ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
    ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new RecordingFactory());
  }

  @Override
  public void afterAll(ExtensionContext context) throws InterruptedException {
    collectGarbage();
    // Leaks are reported when the next buffer is tracked.
    ByteBuf probe = ByteBufAllocator.DEFAULT.buffer(1);
    probe.release();
    assertThat(BUFFER_DETECTORS).as("recording leak detectors in use").hasPositiveValue();
    assertThat(LEAKS).as("leaked buffers").isEmpty();
  }

  /** Runs a collection and waits, bounded, until its references have been enqueued. */
  private static void collectGarbage() throws InterruptedException {
    ReferenceQueue<Object> queue = new ReferenceQueue<>();
    PhantomReference<Object> sentinel = new PhantomReference<>(new Object(), queue);
    for (int i = 0; i < 5 && queue.poll() == null; i++) {
      System.gc();
      if (queue.remove(1_000) != null) {
        break;
      }
    }
    sentinel.clear();
  }

  private static final class RecordingFactory extends ResourceLeakDetectorFactory {
    @Override
    @SuppressWarnings("deprecation") // abstract, so it must be implemented
    public <T> ResourceLeakDetector<T> newResourceLeakDetector(
        Class<T> resource, int samplingInterval, long maxActive) {
      return newResourceLeakDetector(resource, samplingInterval);
    }

    @Override
    public <T> ResourceLeakDetector<T> newResourceLeakDetector(
        Class<T> resource, int samplingInterval) {
      if (ByteBuf.class.isAssignableFrom(resource)) {
        BUFFER_DETECTORS.incrementAndGet();
      }
      return new RecordingDetector<>(resource, samplingInterval);
    }
  }

  private static final class RecordingDetector<T> extends ResourceLeakDetector<T> {
    RecordingDetector(Class<T> resource, int samplingInterval) {
      super(resource, samplingInterval);
    }

    @Override
    protected boolean needReport() {
      return true;
    }

    @Override
    protected void reportTracedLeak(String resourceType, String records) {
      LEAKS.add(resourceType + " leaked:" + records);
      super.reportTracedLeak(resourceType, records);
    }

    @Override
    protected void reportUntracedLeak(String resourceType) {
      LEAKS.add(resourceType + " leaked");
      super.reportUntracedLeak(resourceType);
    }
  }
}
