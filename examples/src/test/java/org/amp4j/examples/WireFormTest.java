package org.amp4j.examples;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.amp4j.Limits;
import org.amp4j.spi.OutboundMessage;
import org.amp4j.spi.Plugins;
import org.amp4j.spi.TypedValue;
import org.junit.jupiter.api.Test;

/** What {@link Point} and {@link Uuids} look like on the wire of each codec. */
class WireFormTest {

  private static final UUID ID = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");

  private static byte[] encode(String codec) {
    OutboundMessage call =
        OutboundMessage.call(
            "Move",
            "1",
            List.of(
                new TypedValue<>("id", Uuids.TYPE, ID),
                new TypedValue<>("from", Point.TYPE, new Point(3, 4))));
    return Plugins.codec(codec, Limits.DEFAULTS).encode(call);
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  private static String hex(String ascii) {
    return hex(ascii.getBytes(ISO_8859_1));
  }

  @Test
  void amp_pointIsTheText3Comma4() {
    String box = new String(encode("amp"), ISO_8859_1);
    assertThat(box).contains(ampEntry("from", "3,4")).contains(ampEntry("id", ID.toString()));
  }

  /** One AMP box entry: u16 key length, key, u16 value length, value (all short here). */
  private static String ampEntry(String key, String value) {
    return "\0" + (char) key.length() + key + "\0" + (char) value.length() + value;
  }

  @Test
  void json_pointIsAnArrayOfTwoIntegers() {
    byte[] frame = encode("json"); // a 4-byte length, then the JSON text
    String json = new String(frame, 4, frame.length - 4, UTF_8);
    assertThat(json).contains("\"from\":[3,4]").contains("\"id\":\"" + ID + "\"");
  }

  @Test
  void msgpack_pointIsAnArrayOfTwoIntegers() {
    // fixstr "from", fixarray of 2, positive fixints 3 and 4.
    assertThat(hex(encode("msgpack"))).contains("a4" + hex("from") + "92" + "03" + "04");
  }

  @Test
  void cbor_pointIsAnArrayOfTwoIntegers() {
    // text string "from", array of 2, unsigned integers 3 and 4.
    assertThat(hex(encode("cbor"))).contains("64" + hex("from") + "82" + "03" + "04");
  }

  @Test
  void uuid_isTextInEveryCodec() {
    assertThat(hex(encode("msgpack"))).contains("d924" + hex(ID.toString()));
    assertThat(hex(encode("cbor"))).contains("7824" + hex(ID.toString()));
  }
}
