package org.amp4j.value;

import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.amp4j.DefinitionException;
import org.amp4j.Field;

/**
 * The fields of a Java record as the wire sees them: wire keys, value types and optionality, in
 * declaration order. Built once per record class by {@link TypeRegistry#schemaOf(Class)}.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param <R> the record type
 */
public final class RecordSchema<R> {

  /** Longest key AMP can carry, in UTF-8 bytes. */
  public static final int MAX_KEY_BYTES = 255;

  /** Longest command name AMP can carry, in UTF-8 bytes (it travels as a value). */
  public static final int MAX_VALUE_BYTES_FOR_NAME = 65_535;

  /**
   * One field of a record.
   *
   * @param name the wire key
   * @param type the value type
   * @param optional whether the field may be absent (null)
   * @param component the Java record component, or null for a schema built by hand
   */
  public record FieldSpec(
      String name, ValueType<?> type, boolean optional, RecordComponent component) {
    /** Validates the field. */
    public FieldSpec {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
    }
  }

  private static final Object[] NO_ARGUMENTS = {};

  private final String name;
  private final Class<R> recordClass;
  private final List<FieldSpec> fields;
  // For a record class: what reads each component, by position (see readers), and its canonical
  // constructor, made accessible once (so that no call checks access); null for a dynamic schema.
  private final Function<Object, Object>[] readers;
  private final Constructor<R> constructor;

  private RecordSchema(
      String name,
      Class<R> recordClass,
      List<FieldSpec> fields,
      Function<Object, Object>[] readers,
      Constructor<R> constructor) {
    this.name = name;
    this.recordClass = recordClass;
    this.fields = List.copyOf(fields);
    this.readers = readers;
    this.constructor = constructor;
  }

  /** Builds the schema of a record class; called by {@link TypeRegistry}. */
  static <R> RecordSchema<R> build(Class<R> recordClass, TypeRegistry registry) {
    if (!recordClass.isRecord()) {
      throw new DefinitionException(recordClass.getName() + " is not a record");
    }
    RecordComponent[] components = recordClass.getRecordComponents();
    List<FieldSpec> fields = new ArrayList<>();
    Set<String> names = new HashSet<>();
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent c = components[i];
      types[i] = c.getType();
      Field ann = c.getAnnotation(Field.class);
      String wireName = ann == null || ann.name().isEmpty() ? c.getName() : ann.name();
      boolean optional = ann != null && ann.optional();
      String where = recordClass.getSimpleName() + "." + c.getName();
      checkKey(wireName, where);
      if (!names.add(wireName)) {
        throw new DefinitionException(where + ": duplicate wire key '" + wireName + "'");
      }
      if (optional && c.getType().isPrimitive()) {
        throw new DefinitionException(
            where + ": a primitive " + c.getType() + " cannot be optional; use its box type");
      }
      ValueType<?> type;
      try {
        type = registry.typeOf(c.getGenericType());
      } catch (DefinitionException e) {
        throw new DefinitionException(where + ": " + e.getMessage(), e);
      }
      fields.add(new FieldSpec(wireName, type, optional, c));
    }
    Method[] getters = new Method[components.length];
    Constructor<R> ctor;
    try {
      ctor = recordClass.getDeclaredConstructor(types);
      ctor.setAccessible(true);
      for (int i = 0; i < components.length; i++) {
        getters[i] = components[i].getAccessor();
        getters[i].setAccessible(true);
      }
    } catch (NoSuchMethodException | RuntimeException e) {
      throw new DefinitionException(
          recordClass.getName() + ": canonical constructor or accessors not accessible: " + e, e);
    }
    return new RecordSchema<>(
        recordClass.getSimpleName(), recordClass, fields, readers(recordClass, getters), ctor);
  }

  /**
   * What reads each component of a record class: a class made for its accessor (by {@link
   * LambdaMetafactory}), which calls it as plain code does; or, when this module cannot make one
   * for the record's class (a module that does not open it), {@link Method#invoke}. Reflection
   * costs more per call, and much more where one call site serves the accessors of many classes, as
   * {@link #get} does.
   */
  @SuppressWarnings("unchecked")
  private static Function<Object, Object>[] readers(Class<?> recordClass, Method[] getters) {
    Function<Object, Object>[] readers = new Function[getters.length];
    try {
      MethodHandles.Lookup lookup =
          MethodHandles.privateLookupIn(recordClass, MethodHandles.lookup());
      for (int i = 0; i < getters.length; i++) {
        MethodHandle accessor = lookup.unreflect(getters[i]);
        readers[i] =
            (Function<Object, Object>)
                LambdaMetafactory.metafactory(
                        lookup,
                        "apply",
                        MethodType.methodType(Function.class),
                        MethodType.methodType(Object.class, Object.class),
                        accessor,
                        accessor.type().wrap())
                    .getTarget()
                    .invoke();
      }
    } catch (Error e) {
      if (!(e instanceof LinkageError)) {
        throw e;
      }
      fillReflective(readers, getters);
    } catch (Throwable e) { // what the lookup and the metafactory may throw, all checked
      fillReflective(readers, getters);
    }
    return readers;
  }

  private static void fillReflective(Function<Object, Object>[] readers, Method[] getters) {
    for (int i = 0; i < getters.length; i++) {
      readers[i] = reflective(getters[i]);
    }
  }

  /** Reads a component with {@link Method#invoke}; what the accessor throws comes out as it is. */
  static Function<Object, Object> reflective(Method getter) {
    return new Reflective(getter);
  }

  /** A reader by {@link Method#invoke}. */
  private record Reflective(Method getter) implements Function<Object, Object> {
    @Override
    public Object apply(Object record) {
      try {
        return getter.invoke(record, NO_ARGUMENTS);
      } catch (InvocationTargetException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        if (e.getCause() instanceof Error error) {
          throw error;
        }
        throw new IllegalStateException(e.getCause());
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /**
   * A schema with no Java record behind it, for tools and tests: records are {@code Map}s from wire
   * key to value (absent optional fields have no entry).
   *
   * @param name the name used in messages
   * @param fields the fields; {@link FieldSpec#component()} is ignored
   * @throws DefinitionException if a key is invalid or repeated
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static RecordSchema<Map<String, Object>> dynamic(String name, List<FieldSpec> fields) {
    Set<String> names = new HashSet<>();
    for (FieldSpec f : fields) {
      checkKey(f.name(), name + "." + f.name());
      if (!names.add(f.name())) {
        throw new DefinitionException(name + "." + f.name() + ": duplicate wire key");
      }
    }
    return new RecordSchema<>(name, (Class) Map.class, fields, null, null);
  }

  /**
   * Checks that a wire key is usable: 1..255 UTF-8 bytes and not reserved (leading {@code _}).
   *
   * @param key the key
   * @param where the field, for the message
   * @throws DefinitionException if it is not
   */
  public static void checkKey(String key, String where) {
    int len = key.getBytes(StandardCharsets.UTF_8).length;
    if (len == 0) {
      throw new DefinitionException(where + ": empty wire key");
    }
    if (len > MAX_KEY_BYTES) {
      throw new DefinitionException(
          where + ": wire key is " + len + " bytes, longer than " + MAX_KEY_BYTES);
    }
    if (key.startsWith("_")) {
      throw new DefinitionException(
          where + ": wire key '" + key + "' starts with '_', which is reserved for the protocol");
    }
  }

  /** The simple name of the record class. */
  public String name() {
    return name;
  }

  /** The record class. */
  public Class<R> recordClass() {
    return recordClass;
  }

  /** The fields in declaration order. */
  public List<FieldSpec> fields() {
    return fields;
  }

  /** The value of one field of a record instance (null when an optional field is absent). */
  public Object get(R record, FieldSpec field) {
    if (readers == null) {
      return ((Map<?, ?>) record).get(field.name());
    }
    int position = fields.indexOf(field);
    if (position < 0) {
      throw new IllegalArgumentException(field + " is not a field of " + name);
    }
    return get(record, position);
  }

  /** Whether this schema reads components with {@link Method#invoke} (see {@link #readers}). */
  boolean readsByReflection() {
    return readers != null && readers.length > 0 && readers[0] instanceof Reflective;
  }

  /**
   * The value of the field at a position of {@link #fields()} of a record instance (null when an
   * optional field is absent).
   */
  public Object get(R record, int position) {
    if (readers == null) {
      return ((Map<?, ?>) record).get(fields.get(position).name());
    }
    if (!recordClass.isInstance(record)) {
      throw new IllegalArgumentException(
          "not a " + recordClass.getName() + ": " + (record == null ? null : record.getClass()));
    }
    try {
      return readers[position].apply(record);
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          name + "." + fields.get(position).name() + " accessor failed", e);
    }
  }

  /**
   * Creates a record from field values keyed by wire key (absent optional fields: no entry or
   * null).
   *
   * @throws IllegalArgumentException if a required field is missing or the record's constructor
   *     rejects the values
   */
  public R create(Map<String, Object> values) {
    Object[] args = new Object[fields.size()];
    for (int i = 0; i < args.length; i++) {
      args[i] = values.get(fields.get(i).name());
    }
    return create(args);
  }

  /**
   * Creates a record from field values in declaration order (absent optional fields: null). Takes
   * ownership of the array.
   *
   * @throws IllegalArgumentException if a required field is missing or the record's constructor
   *     rejects the values
   */
  R create(Object[] args) {
    for (int i = 0; i < args.length; i++) {
      FieldSpec f = fields.get(i);
      if (args[i] == null && !f.optional()) {
        throw new IllegalArgumentException(name + "." + f.name() + ": required field is missing");
      }
    }
    if (constructor == null) {
      Map<String, Object> copy = new java.util.LinkedHashMap<>();
      for (int i = 0; i < args.length; i++) {
        if (args[i] != null) {
          copy.put(fields.get(i).name(), args[i]);
        }
      }
      @SuppressWarnings("unchecked")
      R record = (R) java.util.Collections.unmodifiableMap(copy);
      return record;
    }
    try {
      return constructor.newInstance(args);
    } catch (InvocationTargetException e) {
      throw new IllegalArgumentException(
          name + ": rejected by its constructor: " + e.getCause().getMessage(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(name + ": cannot construct", e);
    }
  }

  @Override
  public String toString() {
    return "RecordSchema[" + name + " " + fields + "]";
  }
}
