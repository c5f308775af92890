package dev.floe.kernels.temporal;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.TimeUnit;
import java.time.LocalDate;

/**
 * {@code dt.offsetBy(by)}: months (clamped to the month's last day), weeks and days move the
 * wall-clock time (of the zone, for zoned datetimes); the sub-daily part adds a fixed amount of
 * time. Dates are moved as datetimes in microseconds and floored back to days.
 */
public final class Offsets {
  private Offsets() {}

  /** Each date or datetime moved by the duration string {@code by}. */
  public static Column offsetBy(Column input, String by, BufferAllocator allocator) {
    DurationString duration = DurationString.parse(by);
    DataType type = input.type();
    if (duration.isZero()) {
      return input.share();
    }
    return switch (type) {
      case DataType.Date32 date -> {
        long perDay = TemporalColumns.perDay(TimeUnit.MICROSECOND);
        yield TemporalColumns.map(
            input,
            type,
            days -> Math.floorDiv(
                offset(days * perDay, duration, TimeUnit.MICROSECOND, null), perDay),
            allocator);
      }
      case DataType.Timestamp stamp -> {
        ZoneShift zone = new ZoneShift(stamp.timeZone(), stamp.unit().perSecond());
        ZoneShift shift = zone.isIdentity() ? null : zone;
        yield TemporalColumns.map(
            input, type, value -> offset(value, duration, stamp.unit(), shift), allocator);
      }
      default -> throw new InvalidOperationException("cannot apply dt.offsetBy() to " + type);
    };
  }

  /** {@code value} moved by {@code by}. */
  static long offset(long value, DurationString by, TimeUnit unit, ZoneShift zone) {
    long sign = by.sign();
    long result = value;
    if (by.months() > 0 || by.weeks() > 0 || by.days() > 0) {
      long perDay = TemporalColumns.perDay(unit);
      long local = zone == null ? value : zone.toLocal(value);
      long day = Math.floorDiv(local, perDay);
      long within = Math.floorMod(local, perDay);
      if (by.months() > 0) {
        day = LocalDate.ofEpochDay(day).plusMonths(sign * by.months()).toEpochDay();
      }
      day += sign * (by.weeks() * 7 + by.days());
      long moved = Math.addExact(Math.multiplyExact(day, perDay), within);
      result = zone == null ? moved : zone.fromLocal(moved, value);
    }
    return result + sign * (by.nanos() / TemporalColumns.nanos(unit));
  }
}
