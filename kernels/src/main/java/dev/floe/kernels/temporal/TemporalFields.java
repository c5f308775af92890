package dev.floe.kernels.temporal;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.TimeUnit;
import java.time.LocalDate;
import java.time.temporal.IsoFields;

/**
 * Calendar and clock fields of dates, datetimes (in the wall-clock time of their zone) and times,
 * with Polars' output types; also a datetime's date and time of day.
 */
public final class TemporalFields {
  private TemporalFields() {}

  /** The fields, with Polars' output type each. */
  public enum Field {
    YEAR(DataType.INT32, true),
    MONTH(DataType.INT8, true),
    DAY(DataType.INT8, true),
    HOUR(DataType.INT8, false),
    MINUTE(DataType.INT8, false),
    SECOND(DataType.INT8, false),
    MILLISECOND(DataType.INT32, false),
    MICROSECOND(DataType.INT32, false),
    NANOSECOND(DataType.INT32, false),
    WEEKDAY(DataType.INT8, true),
    ORDINAL_DAY(DataType.INT16, true),
    QUARTER(DataType.INT8, true),
    WEEK(DataType.INT8, true),
    ISO_YEAR(DataType.INT32, true),
    CENTURY(DataType.INT32, true),
    MILLENNIUM(DataType.INT32, true),
    DAYS_IN_MONTH(DataType.INT8, true),
    IS_LEAP_YEAR(DataType.BOOLEAN, true),
    DATE(DataType.DATE32, true),
    TIME(new DataType.Time64(TimeUnit.NANOSECOND), false);

    private final DataType type;
    private final boolean calendar;

    Field(DataType type, boolean calendar) {
      this.type = type;
      this.calendar = calendar;
    }

    /** The output type. */
    public DataType type() {
      return type;
    }

    /** True for fields of the date (year ... isoYear, date), false for the clock's. */
    public boolean calendar() {
      return calendar;
    }
  }

  private static Column map(
      Column input, Field field, TemporalColumns.LongMapper mapper, BufferAllocator allocator) {
    return field.type() instanceof DataType.BooleanType
        ? TemporalColumns.mapToBoolean(input, mapper, allocator)
        : TemporalColumns.map(input, field.type(), mapper, allocator);
  }

  /** {@code field} of every value of {@code input} (date, datetime or time). */
  public static Column field(Column input, Field field, BufferAllocator allocator) {
    DataType type = input.type();
    return switch (type) {
      case DataType.Date32 date -> {
        if (!field.calendar()) {
          throw unsupported(field, type);
        }
        yield field == Field.DATE
            ? input.share()
            : map(input, field, days -> calendar(field, days), allocator);
      }
      case DataType.Time64 time -> {
        if (field.calendar()) {
          throw unsupported(field, type);
        }
        long nanos = TemporalColumns.nanos(time.unit());
        yield field == Field.TIME && nanos == 1
            ? input.share()
            : TemporalColumns.map(input, field.type(), value -> clock(field, value * nanos), allocator);
      }
      case DataType.Timestamp stamp -> {
        TimeUnit unit = stamp.unit();
        long perDay = TemporalColumns.perDay(unit);
        long nanos = TemporalColumns.nanos(unit);
        ZoneShift zone = new ZoneShift(stamp.timeZone(), unit.perSecond());
        yield map(
            input,
            field,
            value -> {
              long local = zone.toLocal(value);
              return field.calendar()
                  ? calendar(field, Math.floorDiv(local, perDay))
                  : clock(field, Math.floorMod(local, perDay) * nanos);
            },
            allocator);
      }
      default -> throw unsupported(field, type);
    };
  }

  private static InvalidOperationException unsupported(Field field, DataType type) {
    return new InvalidOperationException(
        "cannot apply dt." + field.name().toLowerCase(java.util.Locale.ROOT) + "() to " + type);
  }

  /** A calendar field of the day {@code days} since the epoch. */
  static long calendar(Field field, long days) {
    if (field == Field.DATE) {
      return days;
    }
    LocalDate date = LocalDate.ofEpochDay(days);
    return switch (field) {
      case YEAR -> date.getYear();
      case MONTH -> date.getMonthValue();
      case DAY -> date.getDayOfMonth();
      case WEEKDAY -> date.getDayOfWeek().getValue();
      case ORDINAL_DAY -> date.getDayOfYear();
      case QUARTER -> (date.getMonthValue() + 2) / 3;
      case WEEK -> date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
      case ISO_YEAR -> date.get(IsoFields.WEEK_BASED_YEAR);
      case CENTURY -> Math.floorDiv(date.getYear() - 1, 100) + 1;
      case MILLENNIUM -> Math.floorDiv(date.getYear() - 1, 1000) + 1;
      case DAYS_IN_MONTH -> date.lengthOfMonth();
      case IS_LEAP_YEAR -> date.isLeapYear() ? 1 : 0;
      default -> throw new IllegalArgumentException(field.name());
    };
  }

  /** A clock field of {@code nanoOfDay}. */
  static long clock(Field field, long nanoOfDay) {
    return switch (field) {
      case HOUR -> nanoOfDay / 3_600_000_000_000L;
      case MINUTE -> nanoOfDay / 60_000_000_000L % 60;
      case SECOND -> nanoOfDay / 1_000_000_000L % 60;
      case MILLISECOND -> nanoOfDay % 1_000_000_000L / 1_000_000L;
      case MICROSECOND -> nanoOfDay % 1_000_000_000L / 1_000L;
      case NANOSECOND -> nanoOfDay % 1_000_000_000L;
      case TIME -> nanoOfDay;
      default -> throw new IllegalArgumentException(field.name());
    };
  }
}
