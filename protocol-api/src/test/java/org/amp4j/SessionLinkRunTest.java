package org.amp4j;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.amp4j.codectest.NameCodec.named;
import static org.amp4j.codectest.WireValues.join;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.amp4j.codectest.NameCodec;
import org.amp4j.spi.OutboundMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Frames a session writes while it hands on a read, on the reading thread: held until the read is
 * handled, then written together as RUN frames to a side that reads them, one by one as before to a
 * side that does not.
 */
class SessionLinkRunTest {

  private final NameCodec codec = new NameCodec();
  private final RecordingConnection out = new RecordingConnection();
  private final SessionLink link = TestSessionLinks.withDefaults("r1");
  // what the handler does with each frame it is handed, on the reading thread
  private Consumer<String> onFrame = payload -> {};
  // how many bytes were on the wire after each frame was handled (handleEach)
  private final List<Integer> writtenDuringTheRead = new ArrayList<>();

  SessionLinkRunTest() {
    start(link, (payload, count) -> onFrame.accept(payload));
  }

  /** Starts a link with a handler given each payload it hands on, with its count of frames. */
  private static void start(SessionLink link, BiConsumer<String, Integer> payloads) {
    link.start(
        new SessionLink.FramesHandler() {
          @Override
          public void onFrames(ReceivedFrames frames) {
            for (int i = 0; i < frames.ranges(); i++) {
              payloads.accept(US_ASCII.decode(frames.range(i)).toString(), frames.count(i));
            }
          }

          @Override
          public void onClosed(Throwable cause) {}
        });
  }

  @AfterEach
  void end() {
    link.end(null);
  }

  private static byte[] data(long seq, long ack, String payload) {
    return SessionFrames.data(seq, ack, payload.getBytes(US_ASCII));
  }

  private static byte[] run(long ackDelta, int count, String payloads) {
    return SessionFrames.run(ackDelta, count, payloads.getBytes(US_ASCII));
  }

  private void read(byte[]... frames) {
    link.onBytes(out, ByteBuffer.wrap(join(frames)));
  }

  /** Answers a frame with its payload in upper case, as a peer answering on the I/O thread. */
  private void answer(String payload) {
    link.write(codec, OutboundMessage.answer(payload.toUpperCase(), List.of()));
  }

  /** Handles each frame so, noting how many bytes are on the wire after each. */
  private void handleEach(Consumer<String> handling) {
    onFrame =
        payload -> {
          handling.accept(payload);
          writtenDuringTheRead.add(out.bytes().length);
        };
  }

  @Test
  void answersWrittenWhileAReadIsHandled_goOutTogether_afterIt() {
    link.attach(out, 0, true);
    handleEach(this::answer);

    read(data(1, 0, "a"), data(2, 0, "b"), data(3, 0, "c"));
    assertThat(writtenDuringTheRead).containsExactly(0, 0, 0);
    // the first data frame on a connection is DATA; the two after it follow on, as one RUN
    byte[] first = join(data(1, 3, "A"), run(0, 2, "BC"));
    assertThat(out.bytes()).isEqualTo(first);

    read(data(4, 0, "d"), data(5, 0, "e"));
    assertThat(out.bytes()).isEqualTo(join(first, run(2, 2, "DE")));

    // one frame alone goes as NEXT
    read(data(6, 0, "f"));
    assertThat(out.bytes())
        .isEqualTo(join(first, run(2, 2, "DE"), SessionFrames.next(1, bytes("F"))));
  }

  @Test
  void theOtherSide_readsTheRun_asItsFrames() {
    link.attach(out, 0, true);
    handleEach(this::answer);
    read(data(1, 0, "a"), data(2, 0, "b"), data(3, 0, "c"));

    SessionLink other = TestSessionLinks.withDefaults("r2");
    List<String> payloads = new ArrayList<>();
    List<Integer> counts = new ArrayList<>();
    start(
        other,
        (payload, count) -> {
          payloads.add(payload);
          counts.add(count);
        });
    RecordingConnection otherWire = new RecordingConnection();
    other.attach(otherWire, 0, true);
    try {
      other.onBytes(otherWire, ByteBuffer.wrap(out.bytes()));
      assertThat(payloads).containsExactly("A", "BC");
      assertThat(counts).containsExactly(1, 2);
      assertThat(other.delivered()).isEqualTo(3);
    } finally {
      other.end(null);
    }
  }

  @Test
  void toASideThatDoesNotReadRuns_framesGoOneByOne_asTheyAreWritten() {
    link.attach(out, 0, false);
    handleEach(this::answer);

    read(data(1, 0, "a"), data(2, 0, "b"), data(3, 0, "c"));
    byte[] expected =
        join(data(1, 3, "A"), SessionFrames.next(0, bytes("B")), SessionFrames.next(0, bytes("C")));
    assertThat(out.bytes()).isEqualTo(expected);
    assertThat(writtenDuringTheRead)
        .containsExactly(
            SessionFrames.DATA_HEADER + 1,
            SessionFrames.DATA_HEADER + 1 + 4,
            SessionFrames.DATA_HEADER + 1 + 8);
  }

  @Test
  void framesHeldPastHoldBytes_goOut_beforeTheReadEnds() {
    link.attach(out, 0, true);
    String big = "x".repeat(SessionOutput.HOLD_BYTES / 2 - 10);
    handleEach(payload -> link.write(codec, OutboundMessage.answer(big + payload, List.of())));

    read(data(1, 0, "a"), data(2, 0, "b"), data(3, 0, "c"), data(4, 0, "d"));
    // the first two stay under HOLD_BYTES; the third takes the held bytes past it
    assertThat(writtenDuringTheRead.subList(0, 2)).containsExactly(0, 0);
    byte[] threeFirst = join(data(1, 4, big + "a"), run(0, 2, big + "b" + big + "c"));
    assertThat(writtenDuringTheRead.get(2)).isEqualTo(threeFirst.length);
    assertThat(out.bytes()).isEqualTo(join(threeFirst, SessionFrames.next(0, bytes(big + "d"))));
  }

  @Test
  void anotherThreadsWrite_duringARead_goesOutAfterTheFramesHeldBeforeIt() throws Exception {
    link.attach(out, 0, true);
    onFrame =
        payload -> {
          link.write(codec, OutboundMessage.answer("A1", List.of()));
          link.write(codec, OutboundMessage.answer("A2", List.of()));
          writtenDuringTheRead.add(out.bytes().length);
          Thread other = new Thread(() -> link.writeCall(codec, named("call"), "t", false, null));
          other.start();
          try {
            other.join();
          } catch (InterruptedException e) {
            throw new AssertionError(e);
          }
          writtenDuringTheRead.add(out.bytes().length);
          link.write(codec, OutboundMessage.answer("A3", List.of()));
        };

    read(data(1, 0, "a"));
    // the call finds A1 and A2 held: they go out first, then the call; A3 after the read
    byte[] expected =
        join(
            data(1, 1, "A1"),
            SessionFrames.next(0, bytes("A2")),
            SessionFrames.next(0, bytes("call")),
            SessionFrames.next(0, bytes("A3")));
    assertThat(writtenDuringTheRead.get(0)).isZero();
    assertThat(writtenDuringTheRead.get(1))
        .isEqualTo(expected.length - SessionFrames.next(0, bytes("A3")).length);
    assertThat(out.bytes()).isEqualTo(expected);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(US_ASCII);
  }
}
