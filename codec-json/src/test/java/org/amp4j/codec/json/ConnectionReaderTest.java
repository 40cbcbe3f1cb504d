package org.amp4j.codec.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.amp4j.Limits;
import org.amp4j.ProtocolException;
import org.amp4j.codectest.GrowingMessages;
import org.amp4j.spi.Codec;
import org.amp4j.spi.InboundMessage;
import org.amp4j.spi.MessageDecoder;
import org.amp4j.spi.OutboundMessage;
import org.junit.jupiter.api.Test;

/**
 * The parser a JSON decoder feeds frame after frame ({@link ConnectionReader}) reads each frame to
 * the same outcome as a new parser for that frame ({@link MessageReader#read}): the same message,
 * or the same failure, whatever frames came before.
 */
class ConnectionReaderTest {

  private static final String SUM = "{\"call\":\"Sum\",\"tag\":\"1\",\"args\":{\"a\":13,\"b\":81}}";
  private static final String ANSWER = "{\"answer\":\"7\",\"values\":{\"total\":94}}";

  /** Frames a fed parser might take for whole messages, and malformed ones of every kind. */
  private static final List<String> FRAMES =
      List.of(
          SUM,
          ANSWER,
          "{\"error\":\"2\",\"code\":\"E\",\"description\":\"d\"}",
          ANSWER + " \r\n\t",
          " " + ANSWER,
          ANSWER + " 1",
          ANSWER + "1",
          ANSWER + " -",
          ANSWER + " t",
          ANSWER + " tru",
          ANSWER + " true",
          ANSWER + " \"x",
          ANSWER + " \"x\"",
          ANSWER + " {",
          ANSWER + "{}",
          ANSWER + "]",
          ANSWER + " /",
          ANSWER + "\u00a0",
          ANSWER + "\u0000",
          "{\"answer\":\"7\",\"values\":{\"total\":94}",
          "{\"answer\":\"7\",\"values\":{\"total\":94",
          "{\"answer\":\"7\",\"values\":{\"total\":9",
          "{\"answer\":\"7\",\"values\":{\"total\":",
          "{\"answer\":\"7\",\"values\":{\"total\"",
          "{\"answer\":\"7\",\"values\":{\"tot",
          "{\"answer\":\"7\",\"values\":{\"t\":[1,2",
          "{\"answer\":\"7\",\"values\":{\"t\":[1,2]",
          "{\"answer\":\"7\",\"values\":{\"t\":[{\"x\":\"y\"}",
          "{\"answer\":\"7\",\"values\":{\"t\":\"abc",
          "{\"answer\":\"7\",\"values\":{\"t\":nul",
          "{\"answer\":\"7\",\"values\":{\"t\":null}}",
          "{\"answer\":\"7\",\"values\":{\"t\":1.50,\"u\":-0,\"v\":1e400}}",
          "{\"answer\":\"7\",\"values\":{\"t\":01}}",
          "{\"answer\":\"7\",\"values\":{\"t\":\"\\ud800\"}}",
          "{\"answer\":\"7\",\"values\":{\"t\":1,\"t\":2}}",
          "{\"answer\":\"7\",\"values\":{\"t\":[1,]}}",
          "{\"answer\":\"7\"",
          "{\"answer\":\"7\",",
          "{\"answer\"",
          "{",
          "{}",
          "{\"call\":\"Sum\",\"args\":{\"a\":1}",
          "{\"call\":\"Sum\",\"tag\":\"1\"}",
          "{\"call\":\"Sum\",\"tag\":\"\u0100\",\"args\":{}}",
          "{\"tag\":\"1\",\"call\":\"Sum\",\"args\":{}}",
          "{\"call\":\"Sum\",\"args\":{},\"extra\":1}",
          "{\"call\":\"Sum\",\"args\":{\"a\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}}",
          "[]",
          "\"call\"");

  @Test
  void fedParser_frameAfterFrame_readsWhatANewParserReads() {
    MessageReader reader = reader(new JsonFactory());
    ConnectionReader fed = new ConnectionReader(reader, feedable(new JsonFactory()));
    byte[] buffer = new byte[8192]; // one array for every frame, as a transport reuses its buffer
    int read = 0;
    int failed = 0;
    for (int round = 0; round < 3; round++) {
      for (String good : List.of(SUM, ANSWER)) {
        for (String frame : FRAMES) {
          for (String json : List.of(good, frame, good)) {
            byte[] payload = json.getBytes(StandardCharsets.UTF_8);
            int offset = (round * 31 + payload.length) % 100;
            System.arraycopy(payload, 0, buffer, offset, payload.length);
            String expected = outcome(() -> reader.read(payload, 0, payload.length));
            String actual = outcome(() -> fed.read(buffer, offset, payload.length));
            assertThat(actual).as("%s after %d frames", json, read + failed).isEqualTo(expected);
            if (expected.startsWith("message")) {
              read++;
            } else {
              failed++;
            }
          }
        }
      }
    }
    assertThat(fed.feeding()).as("every frame the fed parser could read, it read").isTrue();
    assertThat(read).isGreaterThan(FRAMES.size() * 2);
    assertThat(failed).isGreaterThan(FRAMES.size() * 2);
  }

  @Property(tries = 300)
  void fedParser_mutatedFrames_readWhatANewParserReads(
      @ForAll @Size(min = 1, max = 12) List<@IntRange(min = 0, max = 10_000) Integer> picks,
      @ForAll @Size(min = 12, max = 12) List<@IntRange(min = -1, max = 200) Integer> positions,
      @ForAll @Size(min = 12, max = 12) List<Byte> replacements,
      @ForAll @Size(min = 12, max = 12) List<@IntRange(min = 0, max = 110) Integer> cuts) {
    List<byte[]> bases = new ArrayList<>();
    for (String json : FRAMES) {
      bases.add(json.getBytes(StandardCharsets.UTF_8));
    }
    Codec codec = codec(Limits.DEFAULTS);
    for (OutboundMessage m : GrowingMessages.all()) {
      byte[] frame = codec.encode(m);
      if (frame.length <= 4 + ConnectionReader.MAX_FED_FRAME) {
        bases.add(java.util.Arrays.copyOfRange(frame, 4, frame.length));
      }
    }
    MessageReader reader = reader(new JsonFactory());
    ConnectionReader fed = new ConnectionReader(reader, feedable(new JsonFactory()));
    for (int i = 0; i < picks.size(); i++) {
      byte[] payload = bases.get(picks.get(i) % bases.size()).clone();
      if (positions.get(i) >= 0) {
        payload[positions.get(i) % payload.length] = replacements.get(i);
      }
      int length = Math.max(1, Math.min(payload.length, payload.length * cuts.get(i) / 100));
      String expected = outcome(() -> reader.read(payload, 0, length));
      assertThat(outcome(() -> fed.read(payload, 0, length)))
          .as(new String(payload, 0, length, StandardCharsets.ISO_8859_1))
          .isEqualTo(expected);
    }
    assertThat(fed.feeding()).isTrue();
  }

  @Test
  void fedParser_manyFrames_keepsReadingThemAsItIsRenewed() {
    MessageReader reader = reader(new JsonFactory());
    ConnectionReader fed = new ConnectionReader(reader, feedable(new JsonFactory()));
    long bytes = 0;
    for (int i = 0; bytes < 5L * ConnectionReader.RENEW_AFTER; i++) {
      String json = "{\"answer\":\"" + i + "\",\"values\":{\"k" + (i % 97) + "\":" + i + "}}";
      byte[] payload = json.getBytes(StandardCharsets.UTF_8);
      InboundMessage m = fed.read(payload, 0, payload.length);
      assertThat(m.tag()).isEqualTo(Integer.toString(i));
      assertThat(m.fields().names()).containsExactly("k" + (i % 97));
      assertThat(m.fields().raw("k" + (i % 97))).hasToString(Integer.toString(i));
      bytes += payload.length;
    }
    assertThat(fed.feeding()).isTrue();
  }

  @Test
  void fedParser_refusingAFrameANewParserReads_givesThatFrameAndFeedsNoMore() {
    // A document limit counts every byte a fed parser was ever given, not one frame's.
    JsonFactory limited =
        JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxDocumentLength(100).build())
            .build();
    MessageReader reader = reader(limited);
    ConnectionReader fed = new ConnectionReader(reader, limited);
    byte[] payload = ANSWER.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < 10; i++) {
      assertThat(fed.read(payload, 0, payload.length).tag()).isEqualTo("7");
    }
    assertThat(fed.feeding()).isFalse();
  }

  @Test
  void decoder_ofOneConnection_failsOnABadFrameAsANewOneDoes() {
    Codec codec = codec(Limits.DEFAULTS);
    for (String bad : FRAMES) {
      MessageDecoder decoder = codec.newDecoder();
      String expected = outcome(() -> codec.newDecoder().next(frame(bad)));
      assertThat(decoder.next(frame(SUM)).command()).isEqualTo("Sum");
      assertThat(decoder.next(frame(ANSWER)).tag()).isEqualTo("7");
      String actual = outcome(() -> decoder.next(frame(bad)));
      assertThat(actual).as(bad).isEqualTo(expected);
      if (!actual.startsWith("message")) {
        assertThatThrownBy(() -> decoder.next(frame(SUM)))
            .isInstanceOf(ProtocolException.class)
            .hasMessageContaining("already failed");
      }
    }
  }

  @Test
  void decoder_feedsPlainJsonOnly() {
    assertThat(ConnectionReader.feeds(new JsonFactory())).isTrue();
    assertThat(ConnectionReader.feeds(new JsonFactory() {})).isFalse();
  }

  private static Codec codec(Limits limits) {
    return new JsonCodecProvider().create(limits);
  }

  private static JsonFactory feedable(JsonFactory factory) {
    return JacksonCodec.constrained(factory, Limits.DEFAULTS);
  }

  private static MessageReader reader(JsonFactory factory) {
    return new MessageReader(
        "json", feedable(factory), Limits.DEFAULTS, new JacksonCodec.Format() {});
  }

  private static ByteBuffer frame(String json) {
    return ByteBuffer.wrap(JsonFrames.frame(json));
  }

  /** The message read, all of it as text; or the failure's class and message. */
  private static String outcome(Supplier<InboundMessage> read) {
    try {
      InboundMessage m = read.get();
      StringBuilder b =
          new StringBuilder("message ")
              .append(m.kind())
              .append(' ')
              .append(m.command())
              .append(' ')
              .append(m.tag())
              .append(' ')
              .append(m.errorCode())
              .append(' ')
              .append(m.errorDescription());
      for (String name : m.fields().names()) {
        b.append(' ').append(name).append('=').append(m.fields().raw(name));
      }
      return b.toString();
    } catch (RuntimeException e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }
}
