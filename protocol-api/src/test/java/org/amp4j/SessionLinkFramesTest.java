package org.amp4j;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.amp4j.codectest.WireValues.join;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The frames of one read go to the peer together, in place, and what the session writes reaches the
 * connection as whole frames: the header written before the kept frame, never the header array
 * itself.
 */
class SessionLinkFramesTest {

  /** Each read's frames as text, and whether each lay in the read's own array. */
  private final List<List<String>> reads = new ArrayList<>();

  private final List<List<Boolean>> inPlace = new ArrayList<>();
  private byte[] readArray;
  private final RecordingConnection wire = new RecordingConnection();
  private final SessionLink link = TestSessionLinks.withDefaults("s1");

  SessionLinkFramesTest() {
    link.start(
        new SessionLink.FramesHandler() {
          @Override
          public void onFrames(ReceivedFrames frames) {
            List<String> texts = new ArrayList<>();
            List<Boolean> places = new ArrayList<>();
            for (int i = 0; i < frames.ranges(); i++) {
              ByteBuffer frame = frames.range(i);
              places.add(frame.array() == readArray);
              texts.add(US_ASCII.decode(frame).toString());
            }
            reads.add(texts);
            inPlace.add(places);
          }

          @Override
          public void onClosed(Throwable cause) {}
        });
    link.attach(wire, 0, true);
  }

  @AfterEach
  void close() {
    link.end(null);
  }

  private static byte[] frame(long seq, String payload) {
    return SessionFrames.data(seq, 0, payload.getBytes(US_ASCII));
  }

  private void read(byte[] bytes) {
    readArray = bytes;
    link.onBytes(wire, ByteBuffer.wrap(bytes));
  }

  @Test
  void theFramesOfOneRead_goTogether_wholeOnesInPlace_aSplitOneOnceComplete() {
    byte[] third = frame(3, "three");
    int cut = 25; // inside the third frame's payload
    read(join(frame(1, "one"), frame(2, "two"), Arrays.copyOf(third, cut)));
    read(join(Arrays.copyOfRange(third, cut, third.length), frame(4, "four")));

    assertThat(reads).containsExactly(List.of("one", "two"), List.of("three", "four"));
    // the split frame was collected in an array of the parser's; the others were not copied
    assertThat(inPlace).containsExactly(List.of(true, true), List.of(false, true));
    assertThat(link.delivered()).isEqualTo(4);
  }

  @Test
  void framesReceivedBefore_areDroppedAndCounted() {
    read(join(frame(1, "one"), frame(2, "two")));
    read(join(frame(2, "two"), frame(3, "three")));

    assertThat(reads).containsExactly(List.of("one", "two"), List.of("three"));
    assertThat(link.counters().snapshot("s1", true).duplicatesDropped()).isEqualTo(1);
  }

  @Test
  void writtenFrames_carryTheirHeaders_withTheAcknowledgementOfTheTimeOfWriting() {
    link.write("abc".getBytes(US_ASCII));
    read(frame(1, "one"));
    link.write("de".getBytes(US_ASCII));
    link.write("f".getBytes(US_ASCII));

    // the first data frame on a connection is DATA, those following on from it NEXT
    assertThat(wire.bytes())
        .isEqualTo(
            join(
                SessionFrames.data(1, 0, "abc".getBytes(US_ASCII)),
                SessionFrames.next(1, "de".getBytes(US_ASCII)),
                SessionFrames.next(0, "f".getBytes(US_ASCII))));
  }

  @Test
  void aNewConnection_startsWithADataFrame_andTheFramesSentAgainFollowOnFromIt() {
    link.write("abc".getBytes(US_ASCII));
    link.write("de".getBytes(US_ASCII));
    read(frame(1, "one"));
    RecordingConnection second = new RecordingConnection();
    link.attach(second, 1, true); // the other side has frame 1: frame 2 goes again
    link.write("f".getBytes(US_ASCII));

    assertThat(second.bytes())
        .isEqualTo(
            join(
                SessionFrames.data(2, 1, "de".getBytes(US_ASCII)),
                SessionFrames.next(0, "f".getBytes(US_ASCII))));
    assertThat(second.acks(SessionFrames.DATA)).containsExactly(1L, 1L);
  }
}
