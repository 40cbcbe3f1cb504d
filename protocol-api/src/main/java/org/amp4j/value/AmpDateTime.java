package org.amp4j.value;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A date-time as AMP and Python carry it: a local date-time with microsecond precision (years
 * 1..9999) and a UTC offset of less than 24 hours either way.
 *
 * <p>{@link OffsetDateTime} is the usual Java type ({@link ValueTypes#DATETIME}); it cannot hold
 * offsets beyond ±18:00, which Python allows, so this type is the wire form that loses nothing
 * ({@link ValueTypes#AMP_DATETIME}).
 *
 * @param local the local date-time (sub-microsecond digits are truncated)
 * @param offsetSeconds the UTC offset in seconds, -86399..86399
 */
public record AmpDateTime(LocalDateTime local, int offsetSeconds) {

  /** Validates and truncates to microseconds. */
  public AmpDateTime {
    Objects.requireNonNull(local, "local");
    local = local.truncatedTo(ChronoUnit.MICROS);
    if (local.getYear() < 1 || local.getYear() > 9999) {
      throw new IllegalArgumentException("datetime year " + local.getYear() + " outside 1..9999");
    }
    if (Math.abs(offsetSeconds) >= 86_400) {
      throw new IllegalArgumentException(
          "datetime offset " + offsetSeconds + " s is not within 24 hours");
    }
  }

  /** The same instant and offset as an {@link OffsetDateTime}. */
  public static AmpDateTime of(OffsetDateTime value) {
    return new AmpDateTime(value.toLocalDateTime(), value.getOffset().getTotalSeconds());
  }

  /**
   * This value as an {@link OffsetDateTime}.
   *
   * @throws IllegalArgumentException if the offset is beyond ±18:00
   */
  public OffsetDateTime toOffsetDateTime() {
    try {
      return OffsetDateTime.of(local, ZoneOffset.ofTotalSeconds(offsetSeconds));
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "datetime offset "
              + offsetSeconds
              + " s is beyond the ±18:00 of OffsetDateTime; read it"
              + " as AmpDateTime",
          e);
    }
  }
}
