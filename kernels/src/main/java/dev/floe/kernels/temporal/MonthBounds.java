package dev.floe.kernels.temporal;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.TimeUnit;
import java.time.LocalDate;

/**
 * {@code dt.monthStart()} and {@code dt.monthEnd()}: the first or last day of each value's month,
 * keeping a datetime's time of day (in its zone's wall-clock time, which must exist once there).
 */
public final class MonthBounds {
  private MonthBounds() {}

  /** Each date or datetime moved to the first ({@code end} false) or last day of its month. */
  public static Column apply(Column input, boolean end, BufferAllocator allocator) {
    DataType type = input.type();
    return switch (type) {
      case DataType.Date32 date ->
          TemporalColumns.map(input, type, days -> bound(days, end), allocator);
      case DataType.Timestamp stamp -> {
        TimeUnit unit = stamp.unit();
        long perDay = TemporalColumns.perDay(unit);
        ZoneShift zone = new ZoneShift(stamp.timeZone(), unit.perSecond());
        yield TemporalColumns.map(
            input,
            type,
            value -> {
              long local = zone.toLocal(value);
              long day = bound(Math.floorDiv(local, perDay), end);
              // Polars localizes the result strictly: ambiguous or missing wall times fail
              return zone.localize(day * perDay + Math.floorMod(local, perDay), "raise", "raise");
            },
            allocator);
      }
      default ->
          throw new InvalidOperationException(
              "cannot apply dt." + (end ? "monthEnd" : "monthStart") + "() to " + type);
    };
  }

  private static long bound(long days, boolean end) {
    LocalDate date = LocalDate.ofEpochDay(days);
    return (end ? date.withDayOfMonth(date.lengthOfMonth()) : date.withDayOfMonth(1)).toEpochDay();
  }
}
