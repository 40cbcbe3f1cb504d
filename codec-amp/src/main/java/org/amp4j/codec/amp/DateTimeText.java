package org.amp4j.codec.amp;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.YearMonth;
import org.amp4j.value.AmpDateTime;

/**
 * AMP DateTime text (spec 7.9): exactly 32 ASCII characters {@code
 * YYYY-MM-DDTHH:MM:SS.ffffff±HH:MM}.
 *
 * <p>Writing follows Twisted: the offset in seconds is floor-divided by 60 and the sign is {@code
 * +} only when the minute count is positive, so UTC is {@code -00:00}; sub-microsecond digits are
 * dropped. Reading follows Twisted too: fields are taken by position and read as Python {@code
 * int()}, separators are not checked, the sign must be {@code +} or {@code -}, and out-of-range
 * fields are errors.
 */
final class DateTimeText {

  /** The length of the text. */
  static final int LENGTH = 32;

  private static final int MAX_FIELD_DIGITS = 6;

  private DateTimeText() {}

  /**
   * The wire text of a date-time.
   *
   * @throws BadTextException if the year is outside 1..9999
   */
  static byte[] format(AmpDateTime dateTime) {
    LocalDateTime value = dateTime.local();
    int year = value.getYear();
    if (year < 1 || year > 9999) {
      throw new BadTextException("datetime year " + year + " is outside 1..9999");
    }
    int minutes = Math.floorDiv(dateTime.offsetSeconds(), 60);
    StringBuilder b = new StringBuilder(LENGTH);
    pad(b, year, 4).append('-');
    pad(b, value.getMonthValue(), 2).append('-');
    pad(b, value.getDayOfMonth(), 2).append('T');
    pad(b, value.getHour(), 2).append(':');
    pad(b, value.getMinute(), 2).append(':');
    pad(b, value.getSecond(), 2).append('.');
    pad(b, value.getNano() / 1000, 6).append(minutes > 0 ? '+' : '-');
    pad(b, Math.abs(minutes) / 60, 2).append(':');
    pad(b, Math.abs(minutes) % 60, 2);
    return b.toString().getBytes(StandardCharsets.US_ASCII);
  }

  private static StringBuilder pad(StringBuilder b, int value, int width) {
    String s = Integer.toString(value);
    for (int i = s.length(); i < width; i++) {
      b.append('0');
    }
    return b.append(s);
  }

  /**
   * Parses date-time text.
   *
   * @throws BadTextException if it is not 32 ASCII characters, a field is not an integer or out of
   *     range, the sign is not {@code +} or {@code -}
   */
  static AmpDateTime parse(byte[] text) {
    if (text.length != LENGTH) {
      throw new BadTextException("not " + LENGTH + " characters");
    }
    String s = PyText.ascii(text);
    int year = field(s, 0, 4, "year");
    int month = field(s, 5, 7, "month");
    int day = field(s, 8, 10, "day");
    int hour = field(s, 11, 13, "hour");
    int minute = field(s, 14, 16, "minute");
    int second = field(s, 17, 19, "second");
    int micro = field(s, 20, 26, "microsecond");
    char sign = s.charAt(26);
    int offsetHours = field(s, 27, 29, "offset hours");
    int offsetMinutes = field(s, 30, 32, "offset minutes");
    range("year", year, 1, 9999);
    range("month", month, 1, 12);
    range("day", day, 1, YearMonth.of(year, month).lengthOfMonth());
    range("hour", hour, 0, 23);
    range("minute", minute, 0, 59);
    range("second", second, 0, 59);
    range("microsecond", micro, 0, 999_999);
    if (sign != '+' && sign != '-') {
      throw new BadTextException("offset sign '" + sign + "' is not '+' or '-'");
    }
    // Python: timedelta(hours=h, minutes=m), both negated for '-'; must be within +-24h.
    int offset = (offsetHours * 60 + offsetMinutes) * (sign == '-' ? -1 : 1);
    if (Math.abs(offset) >= 24 * 60) {
      throw new BadTextException("offset " + s.substring(26) + " is not within 24 hours");
    }
    return new AmpDateTime(
        LocalDateTime.of(year, month, day, hour, minute, second, micro * 1000), offset * 60);
  }

  /** One positional field, read as Python's {@code int(str)}. */
  private static int field(String s, int from, int to, String name) {
    try {
      BigInteger v = IntegerText.parse(s.substring(from, to), MAX_FIELD_DIGITS);
      return v.intValueExact();
    } catch (BadTextException | ArithmeticException e) {
      throw new BadTextException(name + " '" + s.substring(from, to) + "' is not an integer", e);
    }
  }

  private static void range(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new BadTextException(name + " " + value + " is outside " + min + ".." + max);
    }
  }
}
