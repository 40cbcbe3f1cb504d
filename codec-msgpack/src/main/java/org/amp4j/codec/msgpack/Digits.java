package org.amp4j.codec.msgpack;

import java.math.BigInteger;

/** Counts the decimal digits of integers without printing huge ones. */
final class Digits {

  private static final double LOG10_2 = Math.log10(2);

  private Digits() {}

  /** The number of decimal digits of {@code |value|} (1 for zero). */
  static long count(BigInteger value) {
    int bits = value.abs().bitLength();
    if (bits == 0) {
      return 1;
    }
    long atLeast = (long) Math.floor((bits - 1) * LOG10_2) + 1;
    long atMost = (long) Math.floor(bits * LOG10_2) + 1;
    if (atLeast == atMost) {
      return atLeast;
    }
    return BigInteger.TEN.pow((int) atLeast).compareTo(value.abs()) <= 0 ? atMost : atLeast;
  }

  /** A lower bound of the decimal digits of {@code |value|}, cheap for any size. */
  static long atLeast(BigInteger value) {
    int bits = value.abs().bitLength();
    return bits == 0 ? 1 : (long) Math.floor((bits - 1) * LOG10_2) + 1;
  }
}
