package org.amp4j.value;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The type of one argument or response value: how a Java value maps onto the amp4j value model.
 *
 * <p>Every type is either one of the built-in wire types (see {@link ValueTypes}) or a mapping over
 * another type ({@link #map}). Codecs only ever see the {@link Kind} and the wire form:
 *
 * <table>
 *   <caption>wire forms</caption>
 *   <tr><th>kind</th><th>wire form</th></tr>
 *   <tr><td>INTEGER</td><td>{@link java.math.BigInteger}</td></tr>
 *   <tr><td>BYTES</td><td>{@code byte[]}</td></tr>
 *   <tr><td>UNICODE</td><td>{@link String}</td></tr>
 *   <tr><td>BOOLEAN</td><td>{@link Boolean}</td></tr>
 *   <tr><td>FLOAT</td><td>{@link Double}</td></tr>
 *   <tr><td>DECIMAL</td><td>{@link AmpDecimal}</td></tr>
 *   <tr><td>DATETIME</td><td>{@link AmpDateTime}</td></tr>
 *   <tr><td>LIST</td><td>{@code List} of values of {@link #elementType()}</td></tr>
 *   <tr><td>RECORDS</td><td>{@code List} of records of {@link #recordSchema()}</td></tr>
 * </table>
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param <T> the Java type of values
 */
public abstract class ValueType<T> {

  /** The built-in value kinds every codec carries natively. */
  public enum Kind {
    /** Arbitrary-precision integer. */
    INTEGER,
    /** Raw bytes (AMP's String). */
    BYTES,
    /** Unicode text (AMP's Unicode). */
    UNICODE,
    /** Boolean. */
    BOOLEAN,
    /** IEEE-754 binary64 float. */
    FLOAT,
    /** Arbitrary-precision decimal with special values. */
    DECIMAL,
    /** Date-time with UTC offset and microseconds. */
    DATETIME,
    /** List of one value type (AMP's ListOf). */
    LIST,
    /** List of nested records (AMP's AmpList). */
    RECORDS
  }

  ValueType() {}

  /** The kind of the wire form. */
  public abstract Kind kind();

  /** A short name for messages, such as {@code integer} or {@code list<unicode>}. */
  public abstract String name();

  /**
   * Converts a Java value to its wire form.
   *
   * @throws IllegalArgumentException if the value cannot be represented
   */
  public abstract Object toWire(T value);

  /**
   * Converts a wire form to a Java value.
   *
   * @throws IllegalArgumentException if the wire value is out of this type's range
   */
  public abstract T fromWire(Object wire);

  /** The element type of a {@link Kind#LIST} type; null otherwise. */
  public ValueType<?> elementType() {
    return null;
  }

  /** The record schema of a {@link Kind#RECORDS} type; null otherwise. */
  public RecordSchema<?> recordSchema() {
    return null;
  }

  /**
   * A type for {@code U} carried as this type: {@code UNICODE.map("uuid", UUID::fromString,
   * UUID::toString)}.
   *
   * @param name the name used in messages
   * @param decode converts this type's value to a {@code U}; may throw IllegalArgumentException
   * @param encode converts a {@code U} to this type's value
   */
  public final <U> ValueType<U> map(String name, Function<T, U> decode, Function<U, T> encode) {
    return new Mapped<>(this, name, decode, encode);
  }

  /**
   * This type as a codec carries it. A type is the same in every codec unless it was made with
   * {@link #perCodec}; codecs call this at every level they encode or decode (the value itself,
   * list elements, record fields), so a per-codec type may appear anywhere.
   *
   * @param codec the codec's configuration name, such as {@code json}
   */
  public ValueType<T> forCodec(String codec) {
    return this;
  }

  /**
   * A type carried differently by different codecs: a user type that is, say, text in AMP and a
   * list of integers in JSON and msgpack. Each representation is an ordinary type of the same Java
   * type, usually a {@link #map mapping} over a built-in one.
   *
   * @param fallback the representation for codecs not named in {@code byCodec}
   * @param byCodec representations by codec name
   */
  public static <T> ValueType<T> perCodec(
      ValueType<T> fallback, java.util.Map<String, ValueType<T>> byCodec) {
    return new PerCodec<>(fallback, byCodec);
  }

  @Override
  public String toString() {
    return name();
  }

  /** A type whose representation depends on the codec. */
  static final class PerCodec<T> extends ValueType<T> {
    private final ValueType<T> fallback;
    private final java.util.Map<String, ValueType<T>> byCodec;

    PerCodec(ValueType<T> fallback, java.util.Map<String, ValueType<T>> byCodec) {
      this.fallback = Objects.requireNonNull(fallback, "fallback");
      this.byCodec = java.util.Map.copyOf(byCodec);
    }

    @Override
    public ValueType<T> forCodec(String codec) {
      return byCodec.getOrDefault(codec, fallback).forCodec(codec);
    }

    @Override
    public Kind kind() {
      return fallback.kind();
    }

    @Override
    public String name() {
      return fallback.name();
    }

    @Override
    public Object toWire(T value) {
      return fallback.toWire(value);
    }

    @Override
    public T fromWire(Object wire) {
      return fallback.fromWire(wire);
    }

    @Override
    public ValueType<?> elementType() {
      return fallback.elementType();
    }

    @Override
    public RecordSchema<?> recordSchema() {
      return fallback.recordSchema();
    }
  }

  /** A built-in type whose Java value is its wire form. */
  static class Base<T> extends ValueType<T> {
    private final Kind kind;
    private final String name;
    private final Class<T> javaType;

    Base(Kind kind, String name, Class<T> javaType) {
      this.kind = kind;
      this.name = name;
      this.javaType = javaType;
    }

    @Override
    public Kind kind() {
      return kind;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public Object toWire(T value) {
      return javaType.cast(Objects.requireNonNull(value, "value"));
    }

    @Override
    public T fromWire(Object wire) {
      if (!javaType.isInstance(wire)) {
        throw new IllegalArgumentException(
            "expected " + name + ", got " + (wire == null ? "null" : wire.getClass().getName()));
      }
      return javaType.cast(wire);
    }
  }

  /** A list of one element type; the wire form is a list of Java values of the element type. */
  static final class ListType<E> extends ValueType<List<E>> {
    private final ValueType<E> element;

    ListType(ValueType<E> element) {
      this.element = Objects.requireNonNull(element, "element");
    }

    @Override
    public Kind kind() {
      return Kind.LIST;
    }

    @Override
    public String name() {
      return "list<" + element.name() + ">";
    }

    @Override
    public Object toWire(List<E> value) {
      return List.copyOf(value);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<E> fromWire(Object wire) {
      if (!(wire instanceof List)) {
        throw new IllegalArgumentException("expected " + name());
      }
      return (List<E>) wire;
    }

    @Override
    public ValueType<E> elementType() {
      return element;
    }
  }

  /** A list of records; the wire form is a list of record instances. */
  static final class RecordsType<R> extends ValueType<List<R>> {
    private final RecordSchema<R> schema;

    RecordsType(RecordSchema<R> schema) {
      this.schema = Objects.requireNonNull(schema, "schema");
    }

    @Override
    public Kind kind() {
      return Kind.RECORDS;
    }

    @Override
    public String name() {
      return "records<" + schema.name() + ">";
    }

    @Override
    public Object toWire(List<R> value) {
      return List.copyOf(value);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<R> fromWire(Object wire) {
      if (!(wire instanceof List)) {
        throw new IllegalArgumentException("expected " + name());
      }
      return (List<R>) wire;
    }

    @Override
    public RecordSchema<R> recordSchema() {
      return schema;
    }
  }

  /** A mapping over another type. */
  static final class Mapped<B, U> extends ValueType<U> {
    private final ValueType<B> base;
    private final String name;
    private final Function<B, U> decode;
    private final Function<U, B> encode;

    Mapped(ValueType<B> base, String name, Function<B, U> decode, Function<U, B> encode) {
      this.base = Objects.requireNonNull(base, "base");
      this.name = Objects.requireNonNull(name, "name");
      this.decode = Objects.requireNonNull(decode, "decode");
      this.encode = Objects.requireNonNull(encode, "encode");
    }

    @Override
    public Kind kind() {
      return base.kind();
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public Object toWire(U value) {
      return base.toWire(encode.apply(Objects.requireNonNull(value, "value")));
    }

    @Override
    public U fromWire(Object wire) {
      return decode.apply(base.fromWire(wire));
    }

    @Override
    public ValueType<U> forCodec(String codec) {
      ValueType<B> resolved = base.forCodec(codec);
      return resolved == base ? this : new Mapped<>(resolved, name, decode, encode);
    }

    @Override
    public ValueType<?> elementType() {
      return base.elementType();
    }

    @Override
    public RecordSchema<?> recordSchema() {
      return base.recordSchema();
    }
  }
}
