package org.amp4j;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.amp4j.value.RecordSchema;
import org.amp4j.value.TypeRegistry;

/**
 * The definition of one command, read once from its record class: wire name, argument and response
 * schemas, declared and fatal errors, and whether it expects an answer.
 *
 * <p>Every definition mistake is reported by {@link #of} with a message naming the class and field.
 * Instances are immutable and thread-safe.
 *
 * @param <C> the command (argument) record
 * @param <R> the response record, or {@link Void}
 */
public final class CommandSpec<C extends Command<R>, R> {

  /**
   * One declared error.
   *
   * @param code the wire code
   * @param type the exception type
   * @param fatal whether the responder closes the connection after sending it
   */
  public record ErrorSpec(String code, Class<? extends RuntimeException> type, boolean fatal) {}

  private final String name;
  private final RecordSchema<C> arguments;
  private final RecordSchema<R> response;
  // Made once, for every call's outstanding entry.
  private final java.util.function.Function<org.amp4j.value.Fields, R> answerReader;
  private final java.util.function.BiFunction<String, String, RuntimeException> errorReader;
  private final List<ErrorSpec> errors;
  private final Map<String, ErrorSpec> errorsByCode;
  private final boolean requiresAnswer;
  private final boolean idempotent;

  private CommandSpec(
      String name,
      RecordSchema<C> arguments,
      RecordSchema<R> response,
      List<ErrorSpec> errors,
      boolean requiresAnswer,
      boolean idempotent) {
    this.name = name;
    this.arguments = arguments;
    this.response = response;
    this.answerReader = fields -> response == null ? null : fields.read(response);
    this.errorReader = this::remoteError;
    this.errors = List.copyOf(errors);
    Map<String, ErrorSpec> byCode = new HashMap<>();
    for (ErrorSpec e : errors) {
      byCode.put(e.code(), e);
    }
    this.errorsByCode = Map.copyOf(byCode);
    this.requiresAnswer = requiresAnswer;
    this.idempotent = idempotent;
  }

  /** Reads the definition of a command class with the standard type registry. */
  public static <C extends Command<R>, R> CommandSpec<C, R> of(Class<C> commandClass) {
    return of(commandClass, TypeRegistry.standard());
  }

  private static final Map<TypeRegistry, Cache> CACHE =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  /**
   * The definition of a command class, read once per type registry and cached.
   *
   * @throws DefinitionException as {@link #of(Class, TypeRegistry)}
   */
  public static <C extends Command<R>, R> CommandSpec<C, R> cached(
      Class<C> commandClass, TypeRegistry registry) {
    return cacheFor(registry).get(commandClass);
  }

  /** The cache of one type registry's definitions, for a caller that looks up many. */
  static Cache cacheFor(TypeRegistry registry) {
    return CACHE.computeIfAbsent(registry, Cache::new);
  }

  /**
   * The definitions of command classes read with one type registry. Thread-safe. Refers to its
   * registry weakly, being the value of that registry's weak key in {@link #CACHE}.
   */
  static final class Cache {
    private final java.lang.ref.WeakReference<TypeRegistry> registry;
    private final Map<Class<?>, CommandSpec<?, ?>> specs =
        new java.util.concurrent.ConcurrentHashMap<>();

    private Cache(TypeRegistry registry) {
      this.registry = new java.lang.ref.WeakReference<>(registry);
    }

    /**
     * The definition of a command class, read on first use.
     *
     * @throws DefinitionException as {@link #of(Class, TypeRegistry)}
     */
    @SuppressWarnings("unchecked")
    <C extends Command<R>, R> CommandSpec<C, R> get(Class<C> commandClass) {
      CommandSpec<?, ?> spec = specs.get(commandClass);
      if (spec == null) {
        TypeRegistry types = registry.get();
        if (types == null) {
          throw new IllegalStateException("the type registry of this cache is gone");
        }
        spec = of(commandClass, types);
        specs.putIfAbsent(commandClass, spec);
      }
      return (CommandSpec<C, R>) spec;
    }
  }

  /**
   * Reads the definition of a command class.
   *
   * @throws DefinitionException if the class is not a record, a field type is unsupported, a key is
   *     too long or reserved, or an error type is unusable
   */
  @SuppressWarnings("unchecked")
  public static <C extends Command<R>, R> CommandSpec<C, R> of(
      Class<C> commandClass, TypeRegistry registry) {
    Objects.requireNonNull(commandClass, "commandClass");
    if (!commandClass.isRecord()) {
      throw new DefinitionException(commandClass.getName() + ": a command must be a record");
    }
    AmpCommand ann = commandClass.getAnnotation(AmpCommand.class);
    String name = ann == null || ann.name().isEmpty() ? commandClass.getSimpleName() : ann.name();
    int len = name.getBytes(StandardCharsets.UTF_8).length;
    if (len == 0 || len > RecordSchema.MAX_VALUE_BYTES_FOR_NAME) {
      throw new DefinitionException(
          commandClass.getName()
              + ": command name must be 1.."
              + RecordSchema.MAX_VALUE_BYTES_FOR_NAME
              + " bytes, is "
              + len);
    }
    RecordSchema<C> args = registry.schemaOf(commandClass);
    Class<?> responseClass = responseClass(commandClass);
    RecordSchema<R> response = null;
    if (responseClass != Void.class) {
      if (!responseClass.isRecord()) {
        throw new DefinitionException(
            commandClass.getName()
                + ": response type "
                + responseClass.getName()
                + " must be a record or Void");
      }
      response = (RecordSchema<R>) registry.schemaOf(responseClass);
    }
    List<ErrorSpec> errors = new ArrayList<>();
    if (ann != null) {
      addErrors(commandClass, ann.errors(), false, errors);
      addErrors(commandClass, ann.fatalErrors(), true, errors);
    }
    return new CommandSpec<>(
        name,
        args,
        response,
        errors,
        ann == null || ann.requiresAnswer(),
        ann != null && ann.idempotent());
  }

  private static Class<?> responseClass(Class<?> commandClass) {
    for (Type t : commandClass.getGenericInterfaces()) {
      if (t instanceof ParameterizedType p && p.getRawType() == Command.class) {
        Type r = p.getActualTypeArguments()[0];
        if (r instanceof Class<?> c) {
          return c;
        }
        throw new DefinitionException(
            commandClass.getName() + ": response type " + r.getTypeName() + " must be a class");
      }
    }
    throw new DefinitionException(
        commandClass.getName() + ": must implement Command<Response> directly");
  }

  private static void addErrors(
      Class<?> commandClass, AmpError[] declared, boolean fatal, List<ErrorSpec> out) {
    for (AmpError e : declared) {
      String where = commandClass.getSimpleName() + " error " + e.code();
      if (e.code().isEmpty()) {
        throw new DefinitionException(commandClass.getSimpleName() + ": empty error code");
      }
      if (e.code().equals(RemoteException.UNKNOWN) || e.code().equals(RemoteException.UNHANDLED)) {
        throw new DefinitionException(where + ": code is reserved by the protocol");
      }
      for (ErrorSpec other : out) {
        if (other.code().equals(e.code()) || other.type() == e.type()) {
          throw new DefinitionException(where + ": declared twice");
        }
      }
      try {
        e.type().getConstructor(String.class); // the caller side builds the type from its text
      } catch (NoSuchMethodException ex) {
        throw new DefinitionException(
            where + ": " + e.type().getName() + " needs a public constructor taking a String");
      }
      out.add(new ErrorSpec(e.code(), e.type(), fatal));
    }
  }

  /** The wire name. */
  public String name() {
    return name;
  }

  /** The argument schema. */
  public RecordSchema<C> arguments() {
    return arguments;
  }

  /** The response schema, or null when the response type is {@link Void}. */
  public RecordSchema<R> response() {
    return response;
  }

  /** The declared and fatal errors, in declaration order. */
  public List<ErrorSpec> errors() {
    return errors;
  }

  /** Whether calls expect an answer. */
  public boolean requiresAnswer() {
    return requiresAnswer;
  }

  /** Whether the command is declared {@link AmpCommand#idempotent()}. */
  public boolean idempotent() {
    return idempotent;
  }

  /** The declared error a thrown exception maps to, if any. */
  public Optional<ErrorSpec> errorFor(Throwable t) {
    for (ErrorSpec e : errors) {
      if (e.type().isInstance(t)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** Reads an answer's fields as the response record (null for a command without one). */
  java.util.function.Function<org.amp4j.value.Fields, R> answerReader() {
    return answerReader;
  }

  /** {@link #remoteError} as a function. */
  java.util.function.BiFunction<String, String, RuntimeException> errorReader() {
    return errorReader;
  }

  /**
   * The exception a caller gets for an error answer: the declared type for a declared code, {@link
   * UnhandledCommandException} for {@code UNHANDLED}, else {@link RemoteException}.
   */
  public RuntimeException remoteError(String code, String description) {
    ErrorSpec spec = errorsByCode.get(code);
    if (spec != null) {
      try {
        return spec.type().getConstructor(String.class).newInstance(description);
      } catch (ReflectiveOperationException e) {
        return new RemoteException(code, description);
      }
    }
    return RemoteException.of(code, description);
  }

  @Override
  public String toString() {
    return "CommandSpec[" + name + "]";
  }
}
