package org.amp4j.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FrameBufferTest {

  @Test
  void writes_appendAndGrowByAtLeastDoubling() {
    FrameBuffer out = new FrameBuffer(2);
    out.write(7);
    out.write(new byte[] {1, 2, 3}, 1, 2);
    assertThat(out.size()).isEqualTo(3);
    assertThat(out.capacity()).isEqualTo(4);
    assertThat(Arrays.copyOf(out.array(), out.size())).containsExactly(7, 2, 3);
    out.write(new byte[10]);
    assertThat(out.capacity()).isEqualTo(13);
    assertThat(Arrays.copyOf(out.array(), 3)).containsExactly(7, 2, 3);
  }

  @Test
  void ensureRoomThenAdvance_countsWhatWasWrittenInPlace() {
    FrameBuffer out = new FrameBuffer(0);
    out.write(1);
    out.ensureRoom(3);
    byte[] a = out.array();
    a[1] = 4;
    a[2] = 5;
    out.advance(2);
    assertThat(Arrays.copyOf(out.array(), out.size())).containsExactly(1, 4, 5);
    assertThatThrownBy(() -> out.advance(out.capacity()))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThat(out.size()).isEqualTo(3);
  }

  @Test
  void truncate_dropsTheTail_andRefusesToGrow() {
    FrameBuffer out = new FrameBuffer(8);
    out.write(new byte[] {1, 2, 3, 4});
    out.truncate(1);
    out.write(9);
    assertThat(Arrays.copyOf(out.array(), out.size())).containsExactly(1, 9);
    assertThatThrownBy(() -> out.truncate(3)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> out.truncate(-1)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void clear_empties_andGivesUpAnArrayThatGrewBeyondTheCapacityKept() {
    FrameBuffer out = new FrameBuffer(4);
    out.write(new byte[3]);
    byte[] small = out.array();
    out.clear(4);
    assertThat(out.size()).isZero();
    assertThat(out.array()).isSameAs(small);
    out.write(new byte[100]);
    out.clear(4);
    assertThat(out.size()).isZero();
    assertThat(out.capacity()).isEqualTo(4);
  }

  @Test
  void negativeSizes_areRefused() {
    assertThatThrownBy(() -> new FrameBuffer(-1)).isInstanceOf(IllegalArgumentException.class);
    FrameBuffer out = new FrameBuffer(1);
    assertThatThrownBy(() -> out.ensureRoom(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> out.write(new byte[2], 1, 2))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThat(out.size()).isZero();
  }

  @Test
  void lengthPrefixedFrames_getTheirPayloadLength() {
    FrameBuffer out = new FrameBuffer(1);
    out.write(0x55);
    int start = LengthPrefixedDecoder.beginFrame(out);
    out.write(new byte[300]);
    LengthPrefixedDecoder.endFrame(out, start);
    assertThat(start).isEqualTo(1);
    assertThat(Arrays.copyOf(out.array(), 5)).containsExactly(0x55, 0, 0, 1, 44);
  }
}
