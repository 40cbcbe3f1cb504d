package org.amp4j.examples;

import java.util.List;
import java.util.Map;
import org.amp4j.value.ValueType;
import org.amp4j.value.ValueTypes;

/**
 * A user type with a representation of its own per codec: the text {@code "3,4"} in AMP (whose
 * peers, Twisted ones included, see an ordinary {@code Unicode} argument) and the array {@code
 * [3,4]} of two integers in JSON, msgpack and CBOR, which carry arrays natively.
 *
 * @param x the first coordinate
 * @param y the second coordinate
 */
public record Point(long x, long y) {

  /** The point as the text {@code "x,y"}: what AMP and any codec not named in {@link #TYPE} use. */
  public static final ValueType<Point> AS_TEXT =
      ValueTypes.UNICODE.map("point", Point::parse, Point::toText);

  /** The point as a list of two integers, {@code [x, y]}. */
  public static final ValueType<Point> AS_PAIR =
      ValueTypes.listOf(ValueTypes.LONG).map("point", Point::fromPair, Point::toPair);

  /** The point's type: {@link #AS_PAIR} in json, msgpack and cbor; {@link #AS_TEXT} elsewhere. */
  public static final ValueType<Point> TYPE =
      ValueType.perCodec(AS_TEXT, Map.of("json", AS_PAIR, "msgpack", AS_PAIR, "cbor", AS_PAIR));

  /**
   * Reads {@code "x,y"}: two decimal integers that fit in a long, separated by one comma.
   *
   * @throws IllegalArgumentException naming the text, if it is not in that form
   */
  public static Point parse(String text) {
    int comma = text.indexOf(',');
    if (comma < 0 || comma != text.lastIndexOf(',')) {
      throw notAPoint(text);
    }
    try {
      return new Point(
          Long.parseLong(text.substring(0, comma)), Long.parseLong(text.substring(comma + 1)));
    } catch (NumberFormatException e) {
      throw notAPoint(text);
    }
  }

  /** The point as {@code "x,y"}, such as {@code "3,4"}. */
  public String toText() {
    return x + "," + y;
  }

  private static Point fromPair(List<Long> pair) {
    if (pair.size() != 2) {
      throw new IllegalArgumentException(
          "not a point: a list of " + pair.size() + " integers (expected 2: [x, y])");
    }
    return new Point(pair.get(0), pair.get(1));
  }

  private List<Long> toPair() {
    return List.of(x, y);
  }

  private static IllegalArgumentException notAPoint(String text) {
    String shown = text.length() > 60 ? text.substring(0, 60) + "..." : text;
    return new IllegalArgumentException(
        "not a point: \"" + shown + "\" (expected \"x,y\", two integers)");
  }
}
