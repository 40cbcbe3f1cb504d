package org.amp4j.codec.msgpack;

import java.nio.ByteBuffer;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.amp4j.value.AmpDateTime;

/**
 * Date-times: msgpack extension type 3, exactly 16 bytes.
 *
 * <pre>
 * +------------------------+-------------------+---------------------------+
 * | epoch seconds of the   | microseconds      | UTC offset in seconds     |
 * | local date-time read   | 0..999,999        | -86,399..86,399           |
 * | as UTC: int64, BE      | int32, BE         | int32, BE                 |
 * +------------------------+-------------------+---------------------------+
 * </pre>
 */
final class ExtDateTime {

  static final byte TYPE = 3;
  static final int LENGTH = 16;

  /** 0001-01-01T00:00:00 read as UTC. */
  private static final long MIN_SECONDS =
      LocalDateTime.of(1, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);

  /** 9999-12-31T23:59:59 read as UTC. */
  private static final long MAX_SECONDS =
      LocalDateTime.of(9999, 12, 31, 23, 59, 59).toEpochSecond(ZoneOffset.UTC);

  private ExtDateTime() {}

  /** The payload of a date-time. */
  static byte[] encode(AmpDateTime value) {
    LocalDateTime local = value.local();
    return ByteBuffer.allocate(LENGTH)
        .putLong(local.toEpochSecond(ZoneOffset.UTC))
        .putInt(local.getNano() / 1000)
        .putInt(value.offsetSeconds())
        .array();
  }

  /**
   * The date-time of a payload.
   *
   * @throws BadValueException if it is not 16 bytes or a field is out of range
   */
  static AmpDateTime decode(byte[] payload) {
    if (payload.length != LENGTH) {
      throw new BadValueException(
          "ext 3 date-time has " + payload.length + " bytes, expected " + LENGTH);
    }
    ByteBuffer in = ByteBuffer.wrap(payload);
    long seconds = in.getLong();
    int micros = in.getInt();
    int offset = in.getInt();
    if (seconds < MIN_SECONDS || seconds > MAX_SECONDS) {
      throw new BadValueException(
          "ext 3 date-time epoch seconds " + seconds + " are outside years 1..9999");
    }
    if (micros < 0 || micros > 999_999) {
      throw new BadValueException(
          "ext 3 date-time microseconds " + micros + " are outside 0..999999");
    }
    if (offset <= -86_400 || offset >= 86_400) {
      throw new BadValueException(
          "ext 3 date-time offset " + offset + " s is outside -86399..86399");
    }
    return new AmpDateTime(
        LocalDateTime.ofEpochSecond(seconds, micros * 1000, ZoneOffset.UTC), offset);
  }
}
