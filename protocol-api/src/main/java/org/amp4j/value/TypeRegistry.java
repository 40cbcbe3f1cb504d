package org.amp4j.value;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import org.amp4j.DefinitionException;
import org.amp4j.spi.TypeProvider;

/**
 * Maps the Java types of record components to {@link ValueType}s.
 *
 * <p>Built in: {@code BigInteger}, {@code long}/{@code Long}, {@code int}/{@code Integer}, {@code
 * byte[]}, {@code String}, {@code boolean}/{@code Boolean}, {@code double}/{@code Double}, {@link
 * AmpDecimal}, {@code BigDecimal}, {@code OffsetDateTime}, {@code Path}, {@code List<E>} of any of
 * these (AMP ListOf) and {@code List<R>} of a record type (AMP AmpList; a record class with a
 * registered type is carried as that type instead, in a {@code List} too). More classes are added
 * with {@link Builder#register}, by a {@link TypeProvider} installed with {@link Builder#install},
 * or by every provider on the class path with {@link #discovered()}. A registry is immutable once
 * built; record schemas are cached and the registry is safe to share between threads.
 */
public final class TypeRegistry {

  private static final Map<Class<?>, ValueType<?>> BUILT_INS = builtIns();
  private static final TypeRegistry STANDARD = builder().build();
  private static volatile TypeRegistry discovered;

  private final Map<Class<?>, ValueType<?>> types;
  private final Map<Class<?>, RecordSchema<?>> schemas = new ConcurrentHashMap<>();
  private final ThreadLocal<java.util.Set<Class<?>>> building =
      ThreadLocal.withInitial(java.util.HashSet::new);

  private TypeRegistry(Map<Class<?>, ValueType<?>> types) {
    this.types = Map.copyOf(types);
  }

  /** The registry of built-in types only. */
  public static TypeRegistry standard() {
    return STANDARD;
  }

  /** A builder starting from the built-in types. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The built-in types plus those of every {@link TypeProvider} listed in {@code
   * META-INF/services/org.amp4j.spi.TypeProvider} on the class path. Found through {@link
   * ServiceLoader} with the calling thread's context class loader (or this class's) on the first
   * successful call, then cached for the life of this class: providers added to the class path
   * later are not seen.
   *
   * @throws DefinitionException naming the provider class, if a provider cannot be loaded or
   *     created, throws while registering, or registers a class that another provider registers
   *     too. Failures are not cached: the next call looks again
   */
  public static TypeRegistry discovered() {
    TypeRegistry r = discovered;
    if (r == null) {
      synchronized (TypeRegistry.class) {
        r = discovered;
        if (r == null) {
          ClassLoader l = Thread.currentThread().getContextClassLoader();
          r = discover(l != null ? l : TypeRegistry.class.getClassLoader());
          discovered = r;
        }
      }
    }
    return r;
  }

  /** The built-in types plus those of the providers, which must not register the same class. */
  static TypeRegistry ofProviders(List<? extends TypeProvider> providers) {
    Builder all = builder();
    Map<Class<?>, TypeProvider> owners = new HashMap<>();
    for (TypeProvider provider : providers) {
      Builder own = builder().install(provider);
      for (Map.Entry<Class<?>, ValueType<?>> e : own.types.entrySet()) {
        if (BUILT_INS.get(e.getKey()) == e.getValue()) {
          continue;
        }
        TypeProvider other = owners.putIfAbsent(e.getKey(), provider);
        if (other != null) {
          throw new DefinitionException(
              e.getKey().getName()
                  + " is registered by two type providers, "
                  + other.getClass().getName()
                  + " and "
                  + provider.getClass().getName()
                  + "; register it with TypeRegistry.builder() instead");
        }
        all.types.put(e.getKey(), e.getValue());
      }
    }
    return all.build();
  }

  /** The built-in types plus those of the providers a class loader finds; not cached. */
  static TypeRegistry discover(ClassLoader loader) {
    List<TypeProvider> providers = new ArrayList<>();
    try {
      for (TypeProvider p : ServiceLoader.load(TypeProvider.class, loader)) {
        providers.add(p);
      }
    } catch (ServiceConfigurationError | LinkageError e) {
      // The JDK's message names the provider class ("Provider x.Y could not be instantiated").
      throw new DefinitionException("cannot load a type provider: " + e.getMessage(), e);
    }
    return ofProviders(providers);
  }

  /**
   * The value type for a Java type.
   *
   * @throws DefinitionException if the type is not supported
   */
  public ValueType<?> typeOf(Type javaType) {
    if (javaType instanceof Class<?> c) {
      ValueType<?> t = types.get(c);
      if (t != null) {
        return t;
      }
      if (c == List.class) {
        throw new DefinitionException("List needs an element type, such as List<Long>");
      }
      if (c.isRecord()) {
        throw new DefinitionException(
            "a record (" + c.getSimpleName() + ") can only be carried in a List (AmpList)");
      }
      throw new DefinitionException("unsupported field type " + c.getName());
    }
    if (javaType instanceof ParameterizedType p && p.getRawType() == List.class) {
      Type arg = p.getActualTypeArguments()[0];
      if (arg instanceof WildcardType w && w.getLowerBounds().length == 0) {
        arg = w.getUpperBounds()[0];
      }
      if (arg instanceof Class<?> c && c.isRecord() && !types.containsKey(c)) {
        return ValueTypes.records(schemaOf(c));
      }
      return ValueTypes.listOf(typeOf(arg));
    }
    throw new DefinitionException("unsupported field type " + javaType.getTypeName());
  }

  /**
   * The schema of a record class, built once and cached.
   *
   * @throws DefinitionException if a component has an unsupported type or an invalid key
   */
  @SuppressWarnings("unchecked")
  public <R> RecordSchema<R> schemaOf(Class<R> recordClass) {
    RecordSchema<?> cached = schemas.get(recordClass);
    if (cached != null) {
      return (RecordSchema<R>) cached;
    }
    if (!building.get().add(recordClass)) {
      throw new DefinitionException(
          "record "
              + recordClass.getSimpleName()
              + " contains itself; recursive records are"
              + " not supported");
    }
    try {
      RecordSchema<R> schema = RecordSchema.build(recordClass, this);
      schemas.putIfAbsent(recordClass, schema);
      return (RecordSchema<R>) schemas.get(recordClass);
    } finally {
      building.get().remove(recordClass);
    }
  }

  /** Builds a {@link TypeRegistry}. Not thread-safe. */
  public static final class Builder {
    private final Map<Class<?>, ValueType<?>> types = new LinkedHashMap<>();

    private Builder() {
      types.putAll(BUILT_INS);
    }

    /**
     * Registers the value type for a class, replacing any earlier one.
     *
     * @return this builder
     */
    public <T> Builder register(Class<T> javaClass, ValueType<T> type) {
      types.put(
          Objects.requireNonNull(javaClass, "javaClass"), Objects.requireNonNull(type, "type"));
      return this;
    }

    /**
     * Registers the types of a provider, as {@link #discovered()} does for those on the class path;
     * for a provider that is not listed in {@code META-INF/services}, or a registry that should not
     * depend on the class path.
     *
     * @return this builder
     * @throws DefinitionException naming the provider class, if it throws
     */
    public Builder install(TypeProvider provider) {
      Objects.requireNonNull(provider, "provider");
      try {
        provider.registerTypes(this);
      } catch (RuntimeException | LinkageError e) {
        throw new DefinitionException(
            "type provider " + provider.getClass().getName() + " failed: " + e, e);
      }
      return this;
    }

    /** The registry. */
    public TypeRegistry build() {
      return new TypeRegistry(types);
    }
  }

  private static Map<Class<?>, ValueType<?>> builtIns() {
    Map<Class<?>, ValueType<?>> b = new HashMap<>();
    b.put(BigInteger.class, ValueTypes.INTEGER);
    b.put(long.class, ValueTypes.LONG);
    b.put(Long.class, ValueTypes.LONG);
    b.put(int.class, ValueTypes.INT);
    b.put(Integer.class, ValueTypes.INT);
    b.put(byte[].class, ValueTypes.BYTES);
    b.put(String.class, ValueTypes.UNICODE);
    b.put(boolean.class, ValueTypes.BOOLEAN);
    b.put(Boolean.class, ValueTypes.BOOLEAN);
    b.put(double.class, ValueTypes.FLOAT);
    b.put(Double.class, ValueTypes.FLOAT);
    b.put(AmpDecimal.class, ValueTypes.DECIMAL);
    b.put(BigDecimal.class, ValueTypes.BIG_DECIMAL);
    b.put(OffsetDateTime.class, ValueTypes.DATETIME);
    b.put(AmpDateTime.class, ValueTypes.AMP_DATETIME);
    b.put(Path.class, ValueTypes.PATH);
    return Map.copyOf(b);
  }
}
