package org.amp4j.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order of writes from the event loop and from other threads, on a hand-driven loop. */
class WriteQueueTest {

  private final List<Runnable> tasks = new ArrayList<>();
  private final List<String> written = new ArrayList<>();
  private boolean onLoop;
  private final WriteQueue<String> writes =
      new WriteQueue<>(tasks::add, () -> onLoop, written::add);

  @Test
  void writesFromOtherThreads_waitForOneTask_thenGoInOrder() {
    writes.write("a");
    writes.write("b");
    assertThat(written).isEmpty();
    assertThat(tasks).hasSize(1);

    onLoop = true;
    tasks.remove(0).run();
    assertThat(written).containsExactly("a", "b");

    onLoop = false;
    writes.write("c");
    assertThat(tasks).as("a new task once the last one has started").hasSize(1);
  }

  @Test
  void aWriteOnTheEventLoop_goesAfterThoseQueuedBeforeIt() {
    writes.write("a");
    onLoop = true;
    writes.write("b");
    assertThat(written).containsExactly("a", "b");
    tasks.remove(0).run(); // the task finds nothing left
    assertThat(written).containsExactly("a", "b");
  }

  @Test
  void drop_takesTheQueuedWritesOut() {
    writes.write("a");
    writes.write("b");
    List<String> dropped = new ArrayList<>();
    onLoop = true;
    writes.drop(dropped::add);
    tasks.remove(0).run();
    assertThat(dropped).containsExactly("a", "b");
    assertThat(written).isEmpty();
  }
}
