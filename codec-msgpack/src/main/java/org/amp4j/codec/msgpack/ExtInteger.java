package org.amp4j.codec.msgpack;

import java.math.BigInteger;

/**
 * Integers beyond 64 bits: msgpack extension type 1, the two's complement big-endian bytes in the
 * fewest bytes ({@link BigInteger#toByteArray()}). Integers in int64/uint64 range use the int
 * family instead; an ext 1 holding one of those, or with a redundant sign byte, is malformed.
 */
final class ExtInteger {

  static final byte TYPE = 1;

  private static final double LOG2_10 = Math.log(10) / Math.log(2);

  private ExtInteger() {}

  /** Whether the int family can carry the value (int64 or uint64 range). */
  static boolean fitsIntFamily(BigInteger value) {
    return value.bitLength() <= 63 || (value.signum() > 0 && value.bitLength() == 64);
  }

  /** The longest ext 1 payload an integer of at most {@code maxDigits} digits needs. */
  static int maxLength(int maxDigits) {
    long bits = (long) Math.ceil(maxDigits * LOG2_10) + 1; // magnitude plus sign bit
    return (int) Math.min(Integer.MAX_VALUE, (bits + 7) / 8);
  }

  /** The payload of an integer outside the int family's range. */
  static byte[] encode(BigInteger value) {
    return value.toByteArray();
  }

  /**
   * The integer of a payload.
   *
   * @throws BadValueException if the payload is empty, not in the fewest bytes, or fits 64 bits
   */
  static BigInteger decode(byte[] payload) {
    if (payload.length == 0) {
      throw new BadValueException("ext 1 integer has an empty payload");
    }
    if (payload.length > 1
        && ((payload[0] == 0 && payload[1] >= 0) || (payload[0] == -1 && payload[1] < 0))) {
      throw new BadValueException(
          "ext 1 integer of " + payload.length + " bytes is not in the fewest bytes");
    }
    BigInteger value = new BigInteger(payload);
    if (fitsIntFamily(value)) {
      throw new BadValueException(
          "ext 1 integer " + value + " fits in 64 bits and must be written as an int");
    }
    return value;
  }
}
