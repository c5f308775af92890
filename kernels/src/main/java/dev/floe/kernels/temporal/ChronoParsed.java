package dev.floe.kernels.temporal;

import dev.floe.kernels.temporal.ChronoItem.Field;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * The fields one parse found, with chrono's {@code Parsed} rules: each setter checks the field's
 * range and that a field set twice keeps its value; {@link #toEpochDay()} and
 * {@link #toEpochNanos()} resolve like chrono's {@code to_naive_date}/{@code to_naive_datetime}
 * (a second of 60 is a leap second: 59 plus one more second of nanoseconds).
 */
final class ChronoParsed {
  static final long NONE = Long.MIN_VALUE;
  /** chrono's NaiveDate range. */
  static final int MIN_YEAR = -262143;
  static final int MAX_YEAR = 262142;

  private final long[] values = new long[Field.values().length];
  long offsetSeconds = NONE;
  long weekday = NONE;
  long hourDiv12 = NONE;

  ChronoParsed() {
    reset();
  }

  void reset() {
    java.util.Arrays.fill(values, NONE);
    offsetSeconds = NONE;
    weekday = NONE;
    hourDiv12 = NONE;
  }

  long get(Field field) {
    return values[field.ordinal()];
  }

  /** Sets a numeric field; false when out of range or in conflict with an earlier value. */
  boolean set(Field field, long value) {
    boolean inRange = switch (field) {
      case YEAR -> value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE;
      case YEAR_DIV_100 -> value >= 0 && value <= Integer.MAX_VALUE;
      case YEAR_MOD_100 -> value >= 0 && value <= 99;
      case MONTH -> value >= 1 && value <= 12;
      case DAY -> value >= 1 && value <= 31;
      case ORDINAL -> value >= 1 && value <= 366;
      case WEEKDAY_FROM_SUNDAY -> value >= 0 && value <= 6;
      case WEEKDAY_FROM_MONDAY -> value >= 1 && value <= 7;
      case HOUR -> value >= 0 && value <= 23;
      case HOUR12 -> value >= 1 && value <= 12;
      case MINUTE -> value >= 0 && value <= 59;
      case SECOND -> value >= 0 && value <= 60;
      case NANOSECOND -> value >= 0 && value <= 999_999_999;
      case TIMESTAMP -> true;
    };
    if (!inRange) {
      return false;
    }
    return switch (field) {
      case WEEKDAY_FROM_SUNDAY -> setWeekday(value == 0 ? 7 : value);
      case WEEKDAY_FROM_MONDAY -> setWeekday(value);
      case HOUR -> setRaw(Field.HOUR12, value % 12 == 0 ? 12 : value % 12)
          && setHourDiv12(value / 12);
      default -> setRaw(field, value);
    };
  }

  private boolean setRaw(Field field, long value) {
    long old = values[field.ordinal()];
    values[field.ordinal()] = value;
    return old == NONE || old == value;
  }

  /** Monday = 1 .. Sunday = 7. */
  boolean setWeekday(long isoDay) {
    long old = weekday;
    weekday = isoDay;
    return old == NONE || old == isoDay;
  }

  boolean setHourDiv12(long value) {
    long old = hourDiv12;
    hourDiv12 = value;
    return old == NONE || old == value;
  }

  boolean setOffset(long seconds) {
    long old = offsetSeconds;
    offsetSeconds = seconds;
    return old == NONE || old == seconds;
  }

  /** The date in days since 1970-01-01, or {@link #NONE} when missing or invalid. */
  long toEpochDay() {
    long year = resolveYear();
    if (year == NONE || year < MIN_YEAR || year > MAX_YEAR) {
      return NONE;
    }
    LocalDate date;
    try {
      long month = get(Field.MONTH);
      long day = get(Field.DAY);
      long ordinal = get(Field.ORDINAL);
      if (month != NONE && day != NONE) {
        date = LocalDate.of((int) year, (int) month, (int) day);
        if (ordinal != NONE && date.getDayOfYear() != ordinal) {
          return NONE;
        }
      } else if (ordinal != NONE) {
        date = LocalDate.ofYearDay((int) year, (int) ordinal);
      } else {
        return NONE;
      }
    } catch (DateTimeException invalid) {
      return NONE;
    }
    if (weekday != NONE && date.getDayOfWeek().getValue() != weekday) {
      return NONE;
    }
    return date.toEpochDay();
  }

  private long resolveYear() {
    long year = get(Field.YEAR);
    long div = get(Field.YEAR_DIV_100);
    long mod = get(Field.YEAR_MOD_100);
    if (year != NONE) {
      if ((div != NONE || mod != NONE) && year < 0) {
        return NONE;
      }
      if (div != NONE && year / 100 != div) {
        return NONE;
      }
      if (mod != NONE && year % 100 != mod) {
        return NONE;
      }
      return year;
    }
    if (div != NONE && mod != NONE) {
      return div * 100 + mod;
    }
    if (mod != NONE && div == NONE) {
      return mod < 70 ? 2000 + mod : 1900 + mod;
    }
    return NONE;
  }

  /**
   * Nanoseconds since midnight (up to one second past 23:59:59 for a leap second), or
   * {@link #NONE} when the hour or the minute is missing.
   */
  long toNanosOfDay() {
    long hour12 = get(Field.HOUR12);
    long minute = get(Field.MINUTE);
    if (hourDiv12 == NONE || hour12 == NONE || minute == NONE) {
      return NONE;
    }
    long hour = hourDiv12 * 12 + hour12 % 12;
    long second = get(Field.SECOND);
    long nanos = get(Field.NANOSECOND);
    if (nanos != NONE && second == NONE) {
      return NONE;
    }
    long extra = 0;
    if (second == 60) {
      second = 59;
      extra = 1_000_000_000L;
    }
    return ((hour * 60 + minute) * 60 + (second == NONE ? 0 : second)) * 1_000_000_000L + extra
        + (nanos == NONE ? 0 : nanos);
  }

  /**
   * The local date-time as {@code [epochSecond, nanoOfSecond]} (nanos may reach 2e9 - 1 for a
   * leap second), or null when missing or invalid; from {@code %s} when given.
   */
  long[] toEpochSecondAndNanos() {
    long timestamp = get(Field.TIMESTAMP);
    if (timestamp != NONE) {
      long nanos = get(Field.NANOSECOND);
      return new long[] {timestamp, nanos == NONE ? 0 : nanos};
    }
    long day = toEpochDay();
    long nanosOfDay = toNanosOfDay();
    if (day == NONE || nanosOfDay == NONE) {
      return null;
    }
    long seconds = Math.min(nanosOfDay / 1_000_000_000L, 86_399);
    return new long[] {day * 86_400 + seconds, nanosOfDay - seconds * 1_000_000_000L};
  }
}
