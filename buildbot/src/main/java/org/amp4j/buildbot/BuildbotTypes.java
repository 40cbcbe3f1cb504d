package org.amp4j.buildbot;

import java.io.IOException;
import java.util.Optional;
import org.amp4j.EncodingException;
import org.amp4j.Limits;
import org.amp4j.ProtocolException;
import org.amp4j.spi.ValuePath;
import org.amp4j.value.TypeRegistry;
import org.amp4j.value.ValueType;
import org.amp4j.value.ValueTypes;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

/**
 * The value type for the heterogeneous values of the Buildbot worker protocol: the result of {@code
 * get_worker_info}, the {@code args} map of {@code start_command}, the {@code [key, value]} pairs
 * of {@code update}.
 *
 * <p>{@link #ANY} is any msgpack value. Its Java forms:
 *
 * <table>
 *   <caption>Java forms of ANY</caption>
 *   <tr><th>msgpack</th><th>Java (received)</th><th>Java (accepted to send)</th></tr>
 *   <tr><td>map (str keys)</td><td>unmodifiable {@code Map<String, Object>}, in order</td>
 *       <td>any {@code Map} with {@code String} keys</td></tr>
 *   <tr><td>array</td><td>unmodifiable {@code List<Object>}</td><td>any {@code List}</td></tr>
 *   <tr><td>str</td><td>{@code String}</td><td>{@code String}</td></tr>
 *   <tr><td>bin</td><td>{@code byte[]}</td><td>{@code byte[]}</td></tr>
 *   <tr><td>int</td><td>{@code Long}; {@code BigInteger} above {@code Long.MAX_VALUE}</td>
 *       <td>{@code Long}, {@code Integer}, {@code Short}, {@code Byte}, {@code BigInteger}</td></tr>
 *   <tr><td>float</td><td>{@code Double}</td><td>{@code Double} or {@code Float}, sent as
 *       float64</td></tr>
 *   <tr><td>true/false</td><td>{@code Boolean}</td><td>{@code Boolean}</td></tr>
 *   <tr><td>nil</td><td>{@link Optional#empty()}</td><td>{@link Optional#empty()}</td></tr>
 * </table>
 *
 * <p>Values are null-free: nil inside a map or array is the marker {@link Optional#empty()}; a
 * top-level field that is nil is absent. The {@code buildbot} codec recognises this exact type and
 * embeds the value natively in the message; any other codec carries it as {@code bytes} holding its
 * msgpack encoding (decoded with {@link Limits#DEFAULTS}).
 */
public final class BuildbotTypes {

  /** Any msgpack value; see the class description for its Java forms. */
  public static final ValueType<Object> ANY =
      ValueTypes.BYTES.map("any", BuildbotTypes::fromMsgpack, BuildbotTypes::toMsgpack);

  /** The standard types plus {@code Object} as {@link #ANY}, for this module's commands. */
  static final TypeRegistry TYPES = TypeRegistry.builder().register(Object.class, ANY).build();

  private BuildbotTypes() {}

  /**
   * The msgpack encoding of a value of {@link #ANY}.
   *
   * @throws IllegalArgumentException if it is not one of the Java forms, or breaks {@link
   *     Limits#DEFAULTS}
   */
  public static byte[] toMsgpack(Object value) {
    try (MessageBufferPacker out = MessagePack.newDefaultBufferPacker()) {
      new AnyWriter(Limits.DEFAULTS, 0).write(out, value, ValuePath.key("any"), 0);
      return out.toByteArray();
    } catch (EncodingException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    } catch (IOException e) {
      throw new IllegalStateException("msgpack writer failed", e);
    }
  }

  /**
   * The value of {@link #ANY} a msgpack encoding holds.
   *
   * @throws IllegalArgumentException if the bytes are not exactly one msgpack value within {@link
   *     Limits#DEFAULTS}
   */
  public static Object fromMsgpack(byte[] msgpack) {
    try {
      return AnyReader.readWhole(msgpack, Limits.DEFAULTS);
    } catch (ProtocolException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** Whether a type, as the buildbot codec resolves it, is {@link #ANY}. */
  static boolean isAny(ValueType<?> resolved) {
    return resolved == ANY;
  }
}
