package org.amp4j;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;
import org.amp4j.value.TypeRegistry;

/**
 * The handlers a peer answers calls with, one per command. Immutable once built; handlers are plain
 * Java functions of the command record, free of any transport or codec type.
 *
 * <pre>{@code
 * Responders r = Responders.builder()
 *     .on(Sum.class, s -> new Sum.Total(s.a().add(s.b())))
 *     .onAsync(Delay.class, d -> later(d.millis(), () -> new Delay.Token(d.token())))
 *     .build();
 * }</pre>
 *
 * <p>Handlers run on the peer's executor, never on an I/O thread. The handlers of one connection
 * are started one at a time in arrival order, as Twisted does: a synchronous handler delays the
 * next request of its connection until it returns, so long work belongs in {@link Builder#onAsync},
 * whose stage may complete later on any thread. A handler that throws an exception declared by its
 * command answers with the declared code; any other exception answers {@code UNKNOWN}.
 */
public final class Responders {

  private static final Responders NONE = new Responders(Map.of());

  /** A handler with its command definition. */
  record Entry(CommandSpec<?, ?> spec, Function<Object, CompletionStage<?>> handler) {}

  private final Map<String, Entry> byName;

  private Responders(Map<String, Entry> byName) {
    this.byName = Map.copyOf(byName);
  }

  /** Responders that answer nothing (every call gets {@code UNHANDLED}). */
  public static Responders none() {
    return NONE;
  }

  /** A builder using the standard type registry. */
  public static Builder builder() {
    return new Builder(TypeRegistry.standard());
  }

  /** A builder using a type registry of one's own. */
  public static Builder builder(TypeRegistry types) {
    return new Builder(types);
  }

  /** The names of the commands answered. */
  public Set<String> commandNames() {
    return byName.keySet();
  }

  Entry lookup(String name) {
    return byName.get(name);
  }

  /** Builds {@link Responders}; not thread-safe. */
  public static final class Builder {
    private final TypeRegistry types;
    private final Map<String, Entry> byName = new LinkedHashMap<>();

    private Builder(TypeRegistry types) {
      this.types = Objects.requireNonNull(types, "types");
    }

    /**
     * Answers a command with a synchronous handler.
     *
     * @throws DefinitionException if the command's definition is wrong or its name is already
     *     registered
     */
    public <C extends Command<R>, R> Builder on(
        Class<C> command, Function<? super C, ? extends R> handler) {
      Objects.requireNonNull(handler, "handler");
      return onAsync(command, c -> CompletableFuture.completedFuture(handler.apply(c)));
    }

    /** Answers a command whose response is {@link Void} with a synchronous action. */
    public <C extends Command<Void>> Builder onVoid(Class<C> command, Consumer<? super C> action) {
      Objects.requireNonNull(action, "action");
      return onAsync(
          command,
          c -> {
            action.accept(c);
            return CompletableFuture.completedFuture(null);
          });
    }

    /**
     * Answers a command with an asynchronous handler; the answer is sent when the stage completes.
     *
     * @throws DefinitionException if the command's definition is wrong or its name is already
     *     registered
     */
    @SuppressWarnings("unchecked")
    public <C extends Command<R>, R> Builder onAsync(
        Class<C> command, Function<? super C, ? extends CompletionStage<? extends R>> handler) {
      Objects.requireNonNull(handler, "handler");
      CommandSpec<C, R> spec = CommandSpec.of(command, types);
      Entry previous = byName.get(spec.name());
      if (previous != null) {
        throw new DefinitionException(
            "command name '"
                + spec.name()
                + "' of "
                + command.getName()
                + " is already answered for "
                + previous.spec().arguments().recordClass().getName());
      }
      Function<Object, CompletionStage<?>> erased =
          args -> {
            CompletionStage<? extends R> stage = handler.apply((C) args);
            if (stage == null) {
              throw new IllegalStateException(spec.name() + " handler returned a null stage");
            }
            return stage;
          };
      byName.put(spec.name(), new Entry(spec, erased));
      return this;
    }

    /** The responders. */
    public Responders build() {
      return new Responders(byName);
    }
  }
}
