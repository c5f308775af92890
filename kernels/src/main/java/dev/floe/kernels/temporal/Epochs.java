package dev.floe.kernels.temporal;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.Column;
import dev.floe.memory.types.DataType;

/**
 * Integer views of temporal values: {@code dt.epoch(unit)} / {@code dt.timestamp(unit)} of dates
 * and datetimes (floored), and the {@code dt.total*()} of durations (truncated toward zero, or
 * fractional as f64). Scaling to a finer unit wraps on overflow, as in Polars.
 */
public final class Epochs {
  private static final long NANOS_PER_DAY = 86_400_000_000_000L;

  private Epochs() {}

  /** The units of {@code dt.total*()}, by nanoseconds each. */
  public enum Total {
    DAYS(NANOS_PER_DAY),
    HOURS(3_600_000_000_000L),
    MINUTES(60_000_000_000L),
    SECONDS(1_000_000_000L),
    MILLISECONDS(1_000_000L),
    MICROSECONDS(1_000L),
    NANOSECONDS(1L);

    private final long nanos;

    Total(long nanos) {
      this.nanos = nanos;
    }
  }

  /**
   * Time since the epoch in {@code unit} ("s", "ms", "us", "ns"; "d": days as i32): i64 (i32 for
   * days), floored.
   */
  public static Column epoch(Column input, String unit, BufferAllocator allocator) {
    DataType type = input.type();
    long sourceNanos = switch (type) {
      case DataType.Date32 date -> NANOS_PER_DAY;
      case DataType.Timestamp stamp -> TemporalColumns.nanos(stamp.unit());
      default -> throw new InvalidOperationException("cannot apply dt.epoch() to " + type);
    };
    boolean days = unit.equals("d");
    long targetNanos = days ? NANOS_PER_DAY : TemporalColumns.nanos(TemporalColumns.unitNamed(unit));
    DataType output = days ? DataType.INT32 : DataType.INT64;
    if (sourceNanos == targetNanos) {
      return TemporalColumns.map(input, output, value -> value, allocator);
    }
    if (sourceNanos > targetNanos) {
      long factor = sourceNanos / targetNanos;
      return TemporalColumns.map(input, output, value -> multiply(value, factor), allocator);
    }
    long divisor = targetNanos / sourceNanos;
    return TemporalColumns.map(input, output, value -> Math.floorDiv(value, divisor), allocator);
  }

  /** A duration's length in {@code total} units: i64 truncated toward zero, or f64. */
  public static Column total(
      Column input, Total total, boolean fractional, BufferAllocator allocator) {
    if (!(input.type() instanceof DataType.Duration duration)) {
      throw new InvalidOperationException(
          "cannot apply dt.total" + total.name().charAt(0)
              + total.name().substring(1).toLowerCase(java.util.Locale.ROOT) + "() to "
              + input.type());
    }
    long sourceNanos = TemporalColumns.nanos(duration.unit());
    if (fractional) {
      double scale = (double) sourceNanos / total.nanos;
      return TemporalColumns.mapToDouble(input, value -> value * scale, allocator);
    }
    if (sourceNanos >= total.nanos) {
      long factor = sourceNanos / total.nanos;
      return TemporalColumns.map(input, DataType.INT64, value -> multiply(value, factor), allocator);
    }
    long divisor = total.nanos / sourceNanos;
    return TemporalColumns.map(input, DataType.INT64, value -> value / divisor, allocator);
  }

  /** Wrapping, as Polars' i64 arithmetic. */
  private static long multiply(long value, long factor) {
    return value * factor;
  }
}
