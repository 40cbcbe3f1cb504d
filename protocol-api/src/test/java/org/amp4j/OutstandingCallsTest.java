package org.amp4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.amp4j.spi.InboundMessage;
import org.amp4j.spi.MessageKind;
import org.amp4j.spi.PlainFields;
import org.amp4j.value.ValueType;
import org.junit.jupiter.api.Test;

/**
 * Outstanding calls: answers, and timeouts kept with one sweep per peer instead of a timer each.
 */
class OutstandingCallsTest {
  private static final long WAIT = 10;

  private final OutstandingCalls calls = new OutstandingCalls(Runnable::run);

  private CompletableFuture<String> add(String tag, Duration timeout) {
    OutstandingCalls.CallFuture<String> f = new OutstandingCalls.CallFuture<>();
    calls.add(
        TagTable.number(tag),
        tag,
        new OutstandingCalls.Pending<>(
            "Cmd" + tag, f, fields -> "answered", (code, text) -> new RuntimeException(text)),
        timeout,
        Integer.MAX_VALUE);
    return f;
  }

  private static InboundMessage answer(String tag) {
    PlainFields.Reader none =
        new PlainFields.Reader() {
          @Override
          public <T> T read(Object plain, ValueType<T> type) {
            throw new IllegalArgumentException("no values");
          }

          @Override
          public String show(Object plain) {
            return String.valueOf(plain);
          }
        };
    return new InboundMessage(
        MessageKind.ANSWER, null, tag, null, null, new PlainFields(Map.of(), none));
  }

  private static Throwable failure(CompletableFuture<?> f) throws Exception {
    try {
      f.get(WAIT, TimeUnit.SECONDS);
      throw new AssertionError("completed normally");
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }

  @Test
  void aCallWithoutAnswer_timesOut_andItsLateAnswerIsIgnored() throws Exception {
    CompletableFuture<String> f = add("1", Duration.ofMillis(20));
    assertThat(failure(f))
        .isInstanceOf(CallTimeoutException.class)
        .hasMessage("Cmd1: no answer within PT0.02S");
    assertThat(calls.size()).isZero();
    assertThat(calls.take(answer("1"))).as("forgotten: ignored").isNull();
    assertThatThrownBy(() -> calls.take(answer("99"))).isInstanceOf(ProtocolException.class);
  }

  @Test
  void aShorterTimeoutAddedAfterALongerOne_stillExpiresFirst() throws Exception {
    CompletableFuture<String> slow = add("1", Duration.ofMinutes(10));
    CompletableFuture<String> fast = add("2", Duration.ofMillis(20));
    assertThat(failure(fast)).isInstanceOf(CallTimeoutException.class);
    assertThat(slow).isNotDone();
    assertThat(calls.contains("1")).isTrue();
    calls.take(answer("1")).run();
    assertThat(slow.get(WAIT, TimeUnit.SECONDS)).isEqualTo("answered");
  }

  @Test
  void answeredCalls_doNotExpire_andLaterCallsStillDo() throws Exception {
    for (int i = 0; i < 100; i++) {
      String tag = Integer.toHexString(i + 1);
      CompletableFuture<String> f = add(tag, Duration.ofMillis(30));
      calls.take(answer(tag)).run();
      assertThat(f.get(WAIT, TimeUnit.SECONDS)).isEqualTo("answered");
    }
    CompletableFuture<String> late = add("ff", Duration.ofMillis(30));
    assertThat(failure(late)).isInstanceOf(CallTimeoutException.class);
  }

  @Test
  void noTimeout_neverExpires_andFailAllEndsIt() throws Exception {
    CompletableFuture<String> forever = add("1", Duration.ZERO);
    CompletableFuture<String> bounded = add("2", Duration.ofMillis(20));
    assertThat(failure(bounded)).isInstanceOf(CallTimeoutException.class);
    assertThat(forever).isNotDone();
    calls.failAll(command -> new ConnectionLostException(command + ": lost"));
    assertThat(failure(forever))
        .isInstanceOf(ConnectionLostException.class)
        .hasMessage("Cmd1: lost");
    assertThat(List.of(calls.size())).containsExactly(0);
  }

  @Test
  void aCancelledCall_isForgotten_andItsLateAnswerIgnored() {
    CompletableFuture<String> byCancel = add("1", Duration.ZERO);
    CompletableFuture<String> byException = add("2", Duration.ZERO);
    CompletableFuture<String> kept = add("3", Duration.ZERO);

    assertThat(byCancel.cancel(true)).isTrue();
    assertThat(byException.completeExceptionally(new CancellationException("gave up"))).isTrue();

    assertThat(calls.size()).isEqualTo(1);
    assertThat(calls.take(answer("1"))).isNull();
    assertThat(calls.take(answer("2"))).isNull();
    assertThat(calls.take(answer("3"))).isNotNull();
    assertThat(kept).isNotDone();
    assertThatThrownBy(() -> calls.take(answer("4"))).isInstanceOf(ProtocolException.class);
  }

  @Test
  void aCallBeyondTheLimit_isNotRegistered_andTheOthersAreUntouched() throws Exception {
    CompletableFuture<String> first = add("1", Duration.ZERO);
    OutstandingCalls.CallFuture<String> refused = new OutstandingCalls.CallFuture<>();
    boolean added =
        calls.add(
            2,
            "2",
            new OutstandingCalls.Pending<>(
                "Cmd2", refused, fields -> "x", (code, text) -> new RuntimeException(text)),
            Duration.ofMillis(1),
            1);
    assertThat(added).isFalse();
    assertThat(calls.size()).isEqualTo(1);
    assertThat(calls.contains("2")).isFalse();
    assertThatThrownBy(() -> calls.take(answer("2"))).isInstanceOf(ProtocolException.class);
    calls.take(answer("1")).run();
    assertThat(first.get(WAIT, TimeUnit.SECONDS)).isEqualTo("answered");
    assertThat(refused).isNotDone();
  }

  @Test
  void answersTakenTogether_completeInTurn_evenWhenOneCannotBeRead() throws Exception {
    OutstandingCalls.CallFuture<String> bad = new OutstandingCalls.CallFuture<>();
    calls.add(
        1,
        "1",
        new OutstandingCalls.Pending<>(
            "Bad",
            bad,
            fields -> {
              throw new NullPointerException("boom");
            },
            (code, text) -> new RuntimeException(text)),
        Duration.ZERO,
        Integer.MAX_VALUE);
    CompletableFuture<String> good = add("2", Duration.ZERO);
    List<Runnable> batch = List.of(calls.take(answer("1")), calls.take(answer("2")));
    assertThat(calls.size()).isZero();
    assertThat(good).isNotDone();
    batch.forEach(Runnable::run);
    assertThat(failure(bad))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("Bad answer: java.lang.NullPointerException: boom");
    assertThat(good.get(WAIT, TimeUnit.SECONDS)).isEqualTo("answered");
  }
}
