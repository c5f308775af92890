package dev.floe.memory.column;

import dev.floe.errors.ComputeException;
import dev.floe.memory.types.TimeUnit;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** Conversions between java.time values and Arrow's integer temporal encodings. */
public final class TemporalConversions {
  private TemporalConversions() {}

  public static int toDate32(LocalDate date) {
    return Math.toIntExact(date.toEpochDay());
  }

  public static LocalDate fromDate32(int days) {
    return LocalDate.ofEpochDay(days);
  }

  public static long toTime64(LocalTime time, TimeUnit unit) {
    return time.toNanoOfDay() / (1_000_000_000L / unit.perSecond());
  }

  public static LocalTime fromTime64(long value, TimeUnit unit) {
    return LocalTime.ofNanoOfDay(value * (1_000_000_000L / unit.perSecond()));
  }

  /** The count of {@code unit}s since the epoch; sub-unit precision is truncated toward -inf. */
  public static long toEpoch(Instant instant, TimeUnit unit) {
    try {
      long seconds = instant.getEpochSecond();
      long nanos = instant.getNano();
      return Math.addExact(
          Math.multiplyExact(seconds, unit.perSecond()), nanos / (1_000_000_000L / unit.perSecond()));
    } catch (ArithmeticException overflow) {
      throw new ComputeException(
          "instant " + instant + " does not fit a 64-bit timestamp in " + unit);
    }
  }

  public static Instant fromEpoch(long value, TimeUnit unit) {
    long perSecond = unit.perSecond();
    long seconds = Math.floorDiv(value, perSecond);
    long remainder = Math.floorMod(value, perSecond);
    return Instant.ofEpochSecond(seconds, remainder * (1_000_000_000L / perSecond));
  }

  /** A wall-clock time without zone, encoded as if it were UTC (Arrow's naive timestamp). */
  public static long toEpoch(LocalDateTime dateTime, TimeUnit unit) {
    return toEpoch(dateTime.toInstant(ZoneOffset.UTC), unit);
  }

  public static LocalDateTime localFromEpoch(long value, TimeUnit unit) {
    return LocalDateTime.ofInstant(fromEpoch(value, unit), ZoneOffset.UTC);
  }

  public static ZonedDateTime zonedFromEpoch(long value, TimeUnit unit, String timeZone) {
    return ZonedDateTime.ofInstant(fromEpoch(value, unit), ZoneId.of(timeZone));
  }

  public static long toDuration(Duration duration, TimeUnit unit) {
    return toEpoch(Instant.ofEpochSecond(duration.getSeconds(), duration.getNano()), unit);
  }

  public static Duration fromDuration(long value, TimeUnit unit) {
    Instant asInstant = fromEpoch(value, unit);
    return Duration.ofSeconds(asInstant.getEpochSecond(), asInstant.getNano());
  }
}
