package org.amp4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.amp4j.value.ValueType;
import org.junit.jupiter.api.Test;

class CommandSpecTest {

  /** A declared error. */
  public static final class Oops extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Oops(String message) {
      super(message);
    }
  }

  record Item(long id, @Field(optional = true) String note) {}

  @AmpCommand(
      name = "Thing",
      errors = @AmpError(code = "OOPS", type = Oops.class),
      requiresAnswer = true)
  record Thing(
      @Field(name = "from") long from, @Field(optional = true) String label, List<Item> items)
      implements Command<Thing.Reply> {
    record Reply(BigInteger total) {}
  }

  record Plain() implements Command<Void> {}

  record BadType(UUID id) implements Command<Void> {}

  record Reserved(@Field(name = "_ask") long x) implements Command<Void> {}

  record OptionalPrimitive(@Field(optional = true) long x) implements Command<Void> {}

  record LongKey(@Field(name = LONG_NAME) long x) implements Command<Void> {}

  static final String LONG_NAME =
      "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk"
          + "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk"
          + "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk";

  @AmpCommand(
      errors = {@AmpError(code = "A", type = Oops.class), @AmpError(code = "B", type = Oops.class)})
  record TwiceDeclared() implements Command<Void> {}

  @Test
  void of_readsNameFieldsErrorsAndResponse() {
    CommandSpec<Thing, Thing.Reply> spec = CommandSpec.of(Thing.class);
    assertThat(spec.name()).isEqualTo("Thing");
    assertThat(spec.arguments().fields())
        .extracting(f -> f.name() + ":" + f.type().name() + ":" + f.optional())
        .containsExactly(
            "from:integer(long):false", "label:unicode:true", "items:records<Item>:false");
    assertThat(spec.response().fields()).extracting(f -> f.name()).containsExactly("total");
    assertThat(spec.errors()).containsExactly(new CommandSpec.ErrorSpec("OOPS", Oops.class, false));
    assertThat(spec.requiresAnswer()).isTrue();
    ValueType<?> items = spec.arguments().fields().get(2).type();
    assertThat(items.kind()).isEqualTo(ValueType.Kind.RECORDS);
    assertThat(items.recordSchema().fields())
        .extracting(f -> f.name())
        .containsExactly("id", "note");
  }

  @Test
  void of_defaultsToSimpleNameAndVoidResponse() {
    CommandSpec<Plain, Void> spec = CommandSpec.of(Plain.class);
    assertThat(spec.name()).isEqualTo("Plain");
    assertThat(spec.response()).isNull();
    assertThat(spec.arguments().fields()).isEmpty();
  }

  @Test
  void of_unsupportedFieldType_namesTheField() {
    assertThatThrownBy(() -> CommandSpec.of(BadType.class))
        .isInstanceOf(DefinitionException.class)
        .hasMessageContaining("BadType.id")
        .hasMessageContaining("java.util.UUID");
  }

  @Test
  void of_reservedKey_namesTheField() {
    assertThatThrownBy(() -> CommandSpec.of(Reserved.class))
        .isInstanceOf(DefinitionException.class)
        .hasMessageContaining("Reserved.x")
        .hasMessageContaining("reserved");
  }

  @Test
  void of_keyLongerThan255Bytes_namesTheField() {
    assertThat(LONG_NAME.length()).isEqualTo(264);
    assertThatThrownBy(() -> CommandSpec.of(LongKey.class))
        .isInstanceOf(DefinitionException.class)
        .hasMessageContaining("LongKey.x")
        .hasMessageContaining("264 bytes");
  }

  @Test
  void of_optionalPrimitive_isRefused() {
    assertThatThrownBy(() -> CommandSpec.of(OptionalPrimitive.class))
        .isInstanceOf(DefinitionException.class)
        .hasMessageContaining("OptionalPrimitive.x");
  }

  @Test
  void of_sameErrorTypeTwice_isRefused() {
    assertThatThrownBy(() -> CommandSpec.of(TwiceDeclared.class))
        .isInstanceOf(DefinitionException.class)
        .hasMessageContaining("declared twice");
  }

  @Test
  void remoteError_mapsDeclaredUnhandledAndOtherCodes() {
    CommandSpec<Thing, Thing.Reply> spec = CommandSpec.of(Thing.class);
    assertThat(spec.remoteError("OOPS", "bad")).isInstanceOf(Oops.class).hasMessage("bad");
    assertThat(spec.remoteError("UNHANDLED", "x")).isInstanceOf(UnhandledCommandException.class);
    RuntimeException other = spec.remoteError("UNKNOWN", "Unknown Error");
    assertThat(other).isExactlyInstanceOf(RemoteException.class);
    assertThat(((RemoteException) other).code()).isEqualTo("UNKNOWN");
    assertThat(((RemoteException) other).description()).isEqualTo("Unknown Error");
  }

  @Test
  void errorFor_findsDeclaredSupertypes() {
    CommandSpec<Thing, Thing.Reply> spec = CommandSpec.of(Thing.class);
    assertThat(spec.errorFor(new Oops("x"))).isPresent();
    assertThat(spec.errorFor(new IllegalStateException())).isEmpty();
  }

  @Test
  void responders_duplicateCommandName_failsAtBuild() {
    assertThatThrownBy(
            () -> Responders.builder().onVoid(Plain.class, p -> {}).onVoid(Plain.class, p -> {}))
        .isInstanceOf(DefinitionException.class)
        .hasMessageContaining("'Plain'");
  }

  @Test
  void recordSchema_createAndGet_roundTrip() {
    var schema = CommandSpec.of(Thing.class).arguments();
    Thing t = schema.create(Map.of("from", 3L, "items", List.of()));
    assertThat(t.from()).isEqualTo(3L);
    assertThat(t.label()).isNull();
    assertThat(schema.get(t, schema.fields().get(0))).isEqualTo(3L);
    assertThatThrownBy(() -> schema.create(Map.of("from", 3L)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Thing.items");
  }

  @Test
  void pythonRepr_followsPythonQuotingRules() {
    assertThat(PythonRepr.bytes("NoSuchCommand".getBytes())).isEqualTo("b'NoSuchCommand'");
    assertThat(PythonRepr.bytes("it's\tx".getBytes())).isEqualTo("b\"it's\\tx\"");
    assertThat(PythonRepr.bytes(new byte[] {(byte) 0xff, 0, '\\'})).isEqualTo("b'\\xff\\x00\\\\'");
    assertThat(PythonRepr.bytes("a'b\"c".getBytes())).isEqualTo("b'a\\'b\"c'");
  }
}
