package dev.floe.io.json;

import dev.floe.memory.column.TemporalConversions;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.TimeUnit;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;

/**
 * Temporal values as Polars writes them in JSON (chrono's formats): {@code 2020-01-02},
 * {@code 2020-01-02 03:04:05.000006} (naive), {@code 2020-01-02T03:04:05+01:00} (zoned),
 * {@code 01:02:03.000004}, durations as ISO 8601 seconds ({@code PT90061.000005S}, the fraction without trailing zeros).
 * Other fractions have 3, 6 or 9 digits, the fewest that hold them, and are left out when zero.
 */
final class TemporalText {
  private TemporalText() {}

  static String date(int days) {
    return LocalDate.ofEpochDay(days).toString();
  }

  static String timestamp(long value, DataType.Timestamp stamp) {
    if (stamp.timeZone() == null) {
      LocalDateTime local = TemporalConversions.localFromEpoch(value, stamp.unit());
      return local.toLocalDate() + " " + clock(local.getHour(), local.getMinute(), local.getSecond(),
          local.getNano());
    }
    ZonedDateTime zoned = TemporalConversions.zonedFromEpoch(value, stamp.unit(), stamp.timeZone());
    String offset = zoned.getOffset().getId();
    return zoned.toLocalDate() + "T" + clock(zoned.getHour(), zoned.getMinute(), zoned.getSecond(),
        zoned.getNano()) + (offset.equals("Z") ? "+00:00" : offset);
  }

  static String time(long value, TimeUnit unit) {
    long nanos = value * nanosPer(unit);
    long seconds = nanos / 1_000_000_000L;
    return clock((int) (seconds / 3600), (int) (seconds / 60 % 60), (int) (seconds % 60),
        (int) (nanos % 1_000_000_000L));
  }

  static String duration(long value, TimeUnit unit) {
    long perSecond = 1_000_000_000L / nanosPer(unit);
    long seconds = Math.abs(value / perSecond);
    long fraction = Math.abs(value % perSecond) * nanosPer(unit);
    String digits = fraction == 0 ? "" : "." + String.format("%09d", fraction).replaceAll("0+$", "");
    return (value < 0 ? "-PT" : "PT") + seconds + digits + "S";
  }

  private static String clock(int hour, int minute, int second, int nanos) {
    return two(hour) + ":" + two(minute) + ":" + two(second) + fraction(nanos);
  }

  private static String two(int value) {
    return value < 10 ? "0" + value : Integer.toString(value);
  }

  /** ".fff", ".ffffff" or ".fffffffff", the fewest digits holding {@code nanos}; "" for 0. */
  private static String fraction(int nanos) {
    if (nanos == 0) {
      return "";
    }
    String nine = String.format("%09d", nanos);
    if (nanos % 1_000_000 == 0) {
      return "." + nine.substring(0, 3);
    }
    return nanos % 1000 == 0 ? "." + nine.substring(0, 6) : "." + nine;
  }

  private static long nanosPer(TimeUnit unit) {
    return switch (unit) {
      case SECOND -> 1_000_000_000L;
      case MILLISECOND -> 1_000_000L;
      case MICROSECOND -> 1_000L;
      case NANOSECOND -> 1L;
    };
  }
}
