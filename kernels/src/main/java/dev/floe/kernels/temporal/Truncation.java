package dev.floe.kernels.temporal;

import dev.floe.errors.ComputeException;
import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.TimeUnit;
import java.time.LocalDate;

/**
 * {@code dt.truncate(every)} and {@code dt.round(every)} as Polars computes them: windows of
 * days and sub-daily units count from the epoch (days are calendar days), weeks start on Monday (counted
 * from Monday 1970-01-05), months and years are calendar months; a zoned datetime is truncated in
 * its wall-clock time. Rounding truncates {@code value + every/2}, a month counting 28 days. Dates
 * are processed as datetimes in milliseconds and divided back to days truncating toward zero (so
 * before 1970 a date can move forward, as in Polars). Days and sub-daily units may be mixed
 * ({@code "1d12h"}) only for naive datetimes.
 */
public final class Truncation {
  private Truncation() {}

  /** Each date or datetime truncated to the start of its window of {@code every}. */
  public static Column truncate(Column input, String every, BufferAllocator allocator) {
    return apply(input, every, false, allocator);
  }

  /** Each date or datetime rounded to a window of {@code every} (truncation of value + every/2). */
  public static Column round(Column input, String every, BufferAllocator allocator) {
    return apply(input, every, true, allocator);
  }

  private static Column apply(
      Column input, String every, boolean round, BufferAllocator allocator) {
    DurationString duration = DurationString.parse(every);
    String name = round ? "round" : "truncate";
    if (duration.negative()) {
      String kind = input.type() instanceof DataType.Date32 ? "Date" : "Datetime";
      throw new ComputeException(
          "cannot " + name + " a " + kind + " to a negative duration: " + every);
    }
    int parts = (duration.months() > 0 ? 1 : 0) + (duration.weeks() > 0 ? 1 : 0)
        + (duration.days() > 0 || duration.nanos() > 0 ? 1 : 0);
    if (parts > 1) {
      throw new ComputeException(
          "cannot mix month, week, day, and sub-daily units for this operation: " + every);
    }
    DataType type = input.type();
    // Polars takes the naive path for UTC as well
    boolean naive = type instanceof DataType.Timestamp stamp
        && (stamp.timeZone() == null || stamp.timeZone().equals("UTC"));
    if (!naive && duration.days() > 0 && duration.nanos() > 0) {
      throw new ComputeException(
          "cannot mix month, week, day, and sub-daily units for this operation: " + every);
    }
    if (duration.isZero()) {
      // Polars 1.44.2 keeps naive datetimes as they are (and panics when rounding them)
      if (round || !naive) {
        throw new ComputeException("duration cannot be zero: " + every);
      }
      return input.share();
    }
    return switch (type) {
      case DataType.Date32 date -> {
        long perDay = TemporalColumns.perDay(TimeUnit.MILLISECOND);
        yield TemporalColumns.map(
            input,
            type,
            days -> window(days * perDay, duration, TimeUnit.MILLISECOND, null, round) / perDay,
            allocator);
      }
      case DataType.Timestamp stamp -> {
        ZoneShift zone = new ZoneShift(stamp.timeZone(), stamp.unit().perSecond());
        yield TemporalColumns.map(
            input,
            type,
            value -> window(value, duration, stamp.unit(), zone.isIdentity() ? null : zone, round),
            allocator);
      }
      default ->
          throw new InvalidOperationException("cannot apply dt." + name + "() to " + type);
    };
  }

  private static long window(
      long value, DurationString every, TimeUnit unit, ZoneShift zone, boolean round) {
    long start = round ? value + every.approximate(TemporalColumns.nanos(unit)) / 2 : value;
    if (zone == null) {
      return truncateLocal(start, every, unit);
    }
    return zone.fromLocal(truncateLocal(zone.toLocal(start), every, unit), start);
  }

  /** The start of the window of {@code every} holding wall-clock time {@code local}. */
  static long truncateLocal(long local, DurationString every, TimeUnit unit) {
    long perDay = TemporalColumns.perDay(unit);
    if (every.months() > 0) {
      LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(local, perDay));
      long total = date.getYear() * 12L + date.getMonthValue() - 1;
      total -= Math.floorMod(total, every.months());
      LocalDate first =
          LocalDate.of((int) Math.floorDiv(total, 12), Math.toIntExact(Math.floorMod(total, 12L)) + 1, 1);
      return first.toEpochDay() * perDay;
    }
    if (every.weeks() > 0) {
      return local - Math.floorMod(local - 4 * perDay, every.weeks() * 7 * perDay);
    }
    long size = every.days() * perDay + every.nanos() / TemporalColumns.nanos(unit);
    return size <= 0 ? local : local - Math.floorMod(local, size);
  }
}
