package org.amp4j.transport.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class WriteTurnsTest {

  /** An event loop's task queue, run by hand. */
  private final Queue<Runnable> tasks = new ArrayDeque<>();

  private final Executor loop = tasks::add;
  private final WriteTurns turns = new WriteTurns();

  private void endTurn() {
    assertThat(tasks).as("the end of the turn is queued once").hasSize(1);
    tasks.remove().run();
  }

  @Test
  void oneConnectionWritingAgainAndAgain_hasTheEventLoopToItself() {
    long a = turns.wrote(-1, loop);
    a = turns.wrote(a, loop);
    a = turns.wrote(a, loop);
    assertThat(turns.shared()).isFalse();
    endTurn();
    turns.wrote(a, loop);
    assertThat(turns.shared()).isFalse();
    endTurn();
  }

  @Test
  void aSecondConnectionInTheTurn_sharesIt_andTheNextTurnToo() {
    long a = turns.wrote(-1, loop);
    assertThat(turns.shared()).isFalse();
    turns.wrote(-1, loop);
    assertThat(turns.shared()).isTrue();
    a = turns.wrote(a, loop);
    endTurn();

    // the turn before had two: this one counts as shared from its first write
    a = turns.wrote(a, loop);
    assertThat(turns.shared()).isTrue();
    endTurn();

    // the turn before had one
    turns.wrote(a, loop);
    assertThat(turns.shared()).isFalse();
    endTurn();
  }

  @Test
  void aTurnEnds_whenItsQueuedTaskRuns_andTheNextWriteStartsAnother() {
    long a = turns.wrote(-1, loop);
    endTurn();
    assertThat(tasks).isEmpty();
    long next = turns.wrote(a, loop);
    assertThat(next).isGreaterThan(a);
    assertThat(tasks).hasSize(1);
  }
}
