package org.amp4j.codectest;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.amp4j.value.AmpDecimal;
import org.amp4j.value.RecordSchema;
import org.amp4j.value.ValueType;
import org.amp4j.value.ValueTypes;

/**
 * Values read as a type they were not sent as. Reading must fail with an {@link
 * IllegalArgumentException} whose message says what was expected.
 */
public final class TypeMismatches {

  /**
   * One mismatch.
   *
   * @param written the type the value is sent as
   * @param value the value
   * @param readAs the type it is read as
   * @param needsTypedWire true when only a codec that carries types can tell (in AMP the text
   *     {@code 42} is a fine unicode value)
   */
  public record Mismatch(
      ValueType<?> written, Object value, ValueType<?> readAs, boolean needsTypedWire) {
    @Override
    public String toString() {
      return written.name() + " " + WireValues.show(value) + " read as " + readAs.name();
    }
  }

  private TypeMismatches() {}

  /** Every mismatch. */
  public static List<Mismatch> all() {
    ValueType<List<BigInteger>> ints = ValueTypes.listOf(ValueTypes.INTEGER);
    RecordSchema<Map<String, Object>> textA =
        SampleValues.schema("A", SampleValues.field("a", ValueTypes.UNICODE, false));
    RecordSchema<Map<String, Object>> intA =
        SampleValues.schema("A", SampleValues.field("a", ValueTypes.INTEGER, false));
    List<Mismatch> all = new ArrayList<>();
    // Detectable from the text alone.
    all.add(new Mismatch(ValueTypes.UNICODE, "abc", ValueTypes.INTEGER, false));
    all.add(new Mismatch(ValueTypes.UNICODE, "abc", ValueTypes.BOOLEAN, false));
    all.add(new Mismatch(ValueTypes.UNICODE, "x", ValueTypes.FLOAT, false));
    all.add(new Mismatch(ValueTypes.UNICODE, "abc", ValueTypes.DECIMAL, false));
    all.add(new Mismatch(ValueTypes.BOOLEAN, true, ValueTypes.INTEGER, false));
    all.add(new Mismatch(ValueTypes.FLOAT, 1.5, ValueTypes.INTEGER, false));
    all.add(new Mismatch(ValueTypes.DECIMAL, AmpDecimal.parse("1.10"), ValueTypes.INTEGER, false));
    all.add(new Mismatch(ValueTypes.INTEGER, BigInteger.valueOf(7), ValueTypes.BOOLEAN, false));
    all.add(new Mismatch(ValueTypes.INTEGER, BigInteger.valueOf(7), ValueTypes.DATETIME, false));
    all.add(new Mismatch(ints, SampleValues.ints(1, 2), ValueTypes.INTEGER, false));
    all.add(
        new Mismatch(
            ValueTypes.records(intA),
            List.of(SampleValues.record("a", BigInteger.ONE)),
            ValueTypes.INTEGER,
            false));
    all.add(new Mismatch(ValueTypes.listOf(ValueTypes.UNICODE), List.of("1", "abc"), ints, false));
    all.add(
        new Mismatch(
            ValueTypes.records(textA),
            List.of(SampleValues.record("a", "abc")),
            ValueTypes.records(intA),
            false));
    // Only a codec that carries types can tell.
    all.add(new Mismatch(ValueTypes.INTEGER, BigInteger.valueOf(42), ValueTypes.UNICODE, true));
    all.add(new Mismatch(ValueTypes.BOOLEAN, true, ValueTypes.UNICODE, true));
    all.add(new Mismatch(ints, SampleValues.ints(1, 2), ValueTypes.BYTES, true));
    all.add(new Mismatch(ValueTypes.UNICODE, "abc", ints, true));
    all.add(
        new Mismatch(
            ValueTypes.INTEGER,
            BigInteger.valueOf(7),
            ValueTypes.listOf(ValueTypes.UNICODE),
            true));
    return List.copyOf(all);
  }

  /**
   * Values of the right kind out of a mapped type's range: reading fails with an {@link
   * IllegalArgumentException} (whose wording is the mapping's).
   */
  public static List<Mismatch> outOfRange() {
    return List.of(
        new Mismatch(ValueTypes.INTEGER, BigInteger.TWO.pow(31), ValueTypes.INT, false),
        new Mismatch(ValueTypes.INTEGER, BigInteger.TWO.pow(63), ValueTypes.LONG, false),
        new Mismatch(ValueTypes.DECIMAL, AmpDecimal.NAN, ValueTypes.BIG_DECIMAL, false),
        new Mismatch(ValueTypes.DECIMAL, AmpDecimal.parse("-0"), ValueTypes.BIG_DECIMAL, false));
  }
}
