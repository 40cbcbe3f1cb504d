package org.amp4j.codec.json;

import java.time.LocalDateTime;
import java.time.YearMonth;
import org.amp4j.value.AmpDateTime;

/**
 * Date-time text {@code YYYY-MM-DDTHH:MM:SS.ffffff±HH:MM[:SS]}, as Python's {@code isoformat()}
 * writes it with microseconds: the offset's seconds only when they are not zero, {@code +00:00} for
 * UTC.
 *
 * <p>Reading is strict about the layout (ASCII digits and separators at fixed places) and also
 * accepts the text without {@code .ffffff}, as {@code isoformat()} writes a whole second.
 */
final class DateTimeText {

  private DateTimeText() {}

  /** The text of a date-time. */
  static String format(AmpDateTime value) {
    LocalDateTime t = value.local();
    StringBuilder b = new StringBuilder(35);
    pad(b, t.getYear(), 4).append('-');
    pad(b, t.getMonthValue(), 2).append('-');
    pad(b, t.getDayOfMonth(), 2).append('T');
    pad(b, t.getHour(), 2).append(':');
    pad(b, t.getMinute(), 2).append(':');
    pad(b, t.getSecond(), 2).append('.');
    pad(b, t.getNano() / 1000, 6);
    int offset = value.offsetSeconds();
    int abs = Math.abs(offset);
    b.append(offset < 0 ? '-' : '+');
    pad(b, abs / 3600, 2).append(':');
    pad(b, abs / 60 % 60, 2);
    if (abs % 60 != 0) {
      pad(b.append(':'), abs % 60, 2);
    }
    return b.toString();
  }

  /** Appends a non-negative number with zeros in front up to {@code width} digits. */
  private static StringBuilder pad(StringBuilder b, int value, int width) {
    int digits = 1;
    for (int rest = value; rest >= 10; rest /= 10) {
      digits++;
    }
    for (int i = digits; i < width; i++) {
      b.append('0');
    }
    return b.append(value);
  }

  /**
   * Parses date-time text.
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  static AmpDateTime parse(String s) {
    int n = s.length();
    boolean fraction = n == 32 || n == 35;
    int zone = fraction ? 26 : 19;
    if (!(fraction || n == 25 || n == 28)) {
      throw new IllegalArgumentException("not YYYY-MM-DDTHH:MM:SS.ffffff+HH:MM[:SS]");
    }
    expect(s, 4, '-');
    expect(s, 7, '-');
    expect(s, 10, 'T');
    expect(s, 13, ':');
    expect(s, 16, ':');
    if (fraction) {
      expect(s, 19, '.');
    }
    char sign = s.charAt(zone);
    if (sign != '+' && sign != '-') {
      throw new IllegalArgumentException("offset sign '" + sign + "' is not '+' or '-'");
    }
    expect(s, zone + 3, ':');
    boolean offsetSeconds = n - zone == 9;
    if (offsetSeconds) {
      expect(s, zone + 6, ':');
    }
    int year = range("year", digits(s, 0, 4), 1, 9999);
    int month = range("month", digits(s, 5, 2), 1, 12);
    int day = range("day", digits(s, 8, 2), 1, YearMonth.of(year, month).lengthOfMonth());
    int hour = range("hour", digits(s, 11, 2), 0, 23);
    int minute = range("minute", digits(s, 14, 2), 0, 59);
    int second = range("second", digits(s, 17, 2), 0, 59);
    int micro = fraction ? digits(s, 20, 6) : 0;
    int offset =
        range("offset hours", digits(s, zone + 1, 2), 0, 23) * 3600
            + range("offset minutes", digits(s, zone + 4, 2), 0, 59) * 60
            + (offsetSeconds ? range("offset seconds", digits(s, zone + 7, 2), 0, 59) : 0);
    return new AmpDateTime(
        LocalDateTime.of(year, month, day, hour, minute, second, micro * 1000),
        sign == '-' ? -offset : offset);
  }

  private static void expect(String s, int at, char c) {
    if (s.charAt(at) != c) {
      throw new IllegalArgumentException("'" + c + "' expected at " + at);
    }
  }

  private static int digits(String s, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("digit expected at " + i);
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static int range(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + " " + value + " is outside " + min + ".." + max);
    }
    return value;
  }
}
