package org.amp4j.codectest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.amp4j.spi.InboundMessage;
import org.amp4j.spi.OutboundMessage;
import org.amp4j.spi.TypedValue;
import org.amp4j.value.ValueType;
import org.amp4j.value.ValueTypes;

/** Checks on decoded messages. */
public final class MessageAssertions {

  private static final List<ValueType<?>> READ_AS =
      List.of(
          ValueTypes.INTEGER,
          ValueTypes.BYTES,
          ValueTypes.UNICODE,
          ValueTypes.BOOLEAN,
          ValueTypes.FLOAT,
          ValueTypes.DECIMAL,
          ValueTypes.AMP_DATETIME,
          ValueTypes.listOf(ValueTypes.listOf(ValueTypes.UNICODE)),
          ValueTypes.records(SampleValues.ITEM));

  private MessageAssertions() {}

  /**
   * Checks that a decoded message has the kind, header and values of the one sent: the same keys,
   * and each value read with its sent type equal to the sent value ({@link WireValues#deepEquals}).
   */
  public static void assertSameMessage(OutboundMessage sent, InboundMessage received) {
    assertThat(received).as("decoded message").isNotNull();
    assertThat(received.kind()).isEqualTo(sent.kind());
    assertThat(received.command()).isEqualTo(sent.command());
    assertThat(received.tag()).isEqualTo(sent.tag());
    assertThat(received.errorCode()).isEqualTo(sent.errorCode());
    assertThat(received.errorDescription()).isEqualTo(sent.errorDescription());
    Set<String> names = new LinkedHashSet<>();
    for (TypedValue<?> v : sent.values()) {
      names.add(v.name());
      WireValues.assertSame(
          "value '" + v.name() + "' as " + v.type().name(),
          v.value(),
          received.fields().get(v.name(), v.type()));
    }
    assertThat(received.fields().names()).containsExactlyInAnyOrderElementsOf(names);
  }

  /**
   * Reads every value of a message (say, one decoded from garbage) as each of a few types: each
   * read gives a value or an {@link IllegalArgumentException} with a message, nothing else.
   */
  public static void assertReadableAsAnyType(InboundMessage m) {
    assertThat(m.kind()).isNotNull();
    for (String name : m.fields().names()) {
      for (ValueType<?> t : READ_AS) {
        Throwable thrown = catchThrowable(() -> m.fields().get(name, t));
        if (thrown != null) {
          assertThat(thrown)
              .as("reading '%s' as %s", name, t)
              .isInstanceOf(IllegalArgumentException.class);
          assertThat(thrown.getMessage()).isNotBlank();
        }
      }
    }
  }
}
