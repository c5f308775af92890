package dev.floe.format;

import dev.floe.memory.column.TemporalConversions;
import dev.floe.memory.types.TimeUnit;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates, times, datetimes and durations as Polars prints them (Rust's {@code chrono} display plus
 * Polars' {@code fmt_duration_string}).
 *
 * <ul>
 *   <li>Dates: {@code 2024-01-05}.
 *   <li>Times and datetimes: {@code 12:30:05}, with a fraction only when non-zero: three digits
 *       when it is whole milliseconds, six for microseconds, else nine.
 *   <li>Datetimes with a time zone: the local wall-clock time and the zone's abbreviation
 *       ({@code 2024-01-05 13:30:00 CET}). Abbreviations come from the JDK's locale data; where it
 *       has none it prints the offset as the IANA database does ({@code -03}, {@code +0530}).
 *   <li>Durations: days, hours, minutes and seconds parts, then the sub-second rest in the largest
 *       unit that keeps it whole ({@code 1d 2h}, {@code 3ms}, {@code 1m 1s 1µs}, {@code 0µs}).
 * </ul>
 */
public final class TemporalFormat {
  private static final DateTimeFormatter ZONE_ABBREVIATION =
      DateTimeFormatter.ofPattern("zzz", Locale.US);
  private static final String[] DURATION_PARTS = {"d", "h", "m", "s"};
  private static final long[] SIZES_NS = {
    86_400_000_000_000L, 3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L
  };
  private static final long[] SIZES_US = {86_400_000_000L, 3_600_000_000L, 60_000_000L, 1_000_000L};
  private static final long[] SIZES_MS = {86_400_000L, 3_600_000L, 60_000L, 1_000L};

  private TemporalFormat() {}

  public static String date(LocalDate date) {
    return date.toString();
  }

  public static String time(LocalTime time) {
    StringBuilder text = new StringBuilder(18);
    twoDigits(text, time.getHour()).append(':');
    twoDigits(text, time.getMinute()).append(':');
    twoDigits(text, time.getSecond());
    appendFraction(text, time.getNano());
    return text.toString();
  }

  public static String dateTime(LocalDateTime dateTime) {
    return date(dateTime.toLocalDate()) + " " + time(dateTime.toLocalTime());
  }

  public static String zonedDateTime(ZonedDateTime dateTime) {
    return dateTime(dateTime.toLocalDateTime()) + " " + zoneAbbreviation(dateTime);
  }

  /** The abbreviation of the zone in effect at {@code dateTime} ({@code CET}, {@code -03}). */
  public static String zoneAbbreviation(ZonedDateTime dateTime) {
    String name = ZONE_ABBREVIATION.format(dateTime);
    boolean offsetOnly = name.length() > 4 && name.startsWith("GMT")
        && (name.charAt(3) == '+' || name.charAt(3) == '-');
    if (offsetOnly) {
      String offset = name.substring(3);
      return offset.endsWith(":00") ? offset.substring(0, 3) : offset.replace(":", "");
    }
    return name;
  }

  /** Polars' duration text for {@code duration} stored in {@code unit}. */
  public static String duration(Duration duration, TimeUnit unit) {
    if (unit == TimeUnit.SECOND) {
      // Polars has no second unit; print the same span as milliseconds would be printed.
      long millis = TemporalConversions.toDuration(duration, TimeUnit.MILLISECOND);
      return duration(millis, TimeUnit.MILLISECOND);
    }
    return duration(TemporalConversions.toDuration(duration, unit), unit);
  }

  /** Polars' {@code fmt_duration_string} of a raw value in {@code unit} (ms, μs or ns). */
  public static String duration(long value, TimeUnit unit) {
    if (value == 0) {
      return switch (unit) {
        case NANOSECOND -> "0ns";
        case MICROSECOND -> "0µs";
        default -> "0ms";
      };
    }
    long[] sizes =
        switch (unit) {
          case NANOSECOND -> SIZES_NS;
          case MICROSECOND -> SIZES_US;
          default -> SIZES_MS;
        };
    StringBuilder text = new StringBuilder();
    for (int part = 0; part < sizes.length; part++) {
      long whole = part == 0 ? value / sizes[0] : (value % sizes[part - 1]) / sizes[part];
      if (whole != 0) {
        text.append(whole).append(DURATION_PARTS[part]);
        if (value % sizes[part] != 0) {
          text.append(' ');
        }
      }
    }
    String[] units =
        switch (unit) {
          case NANOSECOND -> new String[] {"ns", "µs", "ms"};
          case MICROSECOND -> new String[] {"µs", "ms", ""};
          default -> new String[] {"ms", "", ""};
        };
    long rest = value % (unit == TimeUnit.NANOSECOND ? 1_000_000_000L
        : unit == TimeUnit.MICROSECOND ? 1_000_000L : 1_000L);
    if (rest != 0) {
      if (rest % 1_000 != 0) {
        text.append(rest).append(units[0]);
      } else if (rest % 1_000_000 != 0) {
        text.append(rest / 1_000).append(units[1]);
      } else {
        text.append(rest / 1_000_000).append(units[2]);
      }
    }
    return text.toString();
  }

  /** chrono's fraction: nothing, or 3, 6 or 9 digits, the fewest that show the value exactly. */
  static void appendFraction(StringBuilder text, int nanos) {
    if (nanos == 0) {
      return;
    }
    if (nanos % 1_000_000 == 0) {
      text.append('.').append(String.format("%03d", nanos / 1_000_000));
    } else if (nanos % 1_000 == 0) {
      text.append('.').append(String.format("%06d", nanos / 1_000));
    } else {
      text.append('.').append(String.format("%09d", nanos));
    }
  }

  private static StringBuilder twoDigits(StringBuilder text, int value) {
    if (value < 10) {
      text.append('0');
    }
    return text.append(value);
  }
}
