package org.amp4j.codec.json;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Test helper: frames of JSON text. */
final class JsonFrames {

  private JsonFrames() {}

  /** The 4-byte big-endian length of the UTF-8 text, then the text. */
  static byte[] frame(String json) {
    byte[] payload = json.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(4 + payload.length).putInt(payload.length).put(payload).array();
  }
}
