package dev.floe.kernels.temporal;

import dev.floe.errors.InvalidOperationException;
import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.BooleanBuilder;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthBuilder;
import dev.floe.memory.column.FixedWidthColumn;
import dev.floe.memory.column.NullColumn;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.TimeUnit;

/**
 * Row loops shared by the temporal kernels: temporal values are read as their physical integers
 * (date: i32 days, the others: i64 in their unit) and results written by the output's byte width.
 * A mapper returns {@link #NULL} for a null result.
 */
public final class TemporalColumns {
  /** The sentinel a mapper returns for a null result. */
  public static final long NULL = Long.MIN_VALUE;

  private static final long NANOS_PER_DAY = 86_400_000_000_000L;

  private TemporalColumns() {}

  /** Maps one physical value to another (or {@link #NULL}). */
  @FunctionalInterface
  public interface LongMapper {
    long apply(long value);
  }

  /** Maps one physical value to a double. */
  @FunctionalInterface
  public interface DoubleMapper {
    double apply(long value);
  }

  /** The physical value of row {@code row} (a date's days widened to long). */
  static long read(FixedWidthColumn column, int row) {
    return column.type().byteWidth() == 4 ? column.getInt(row) : column.getLong(row);
  }

  static FixedWidthColumn fixed(Column column) {
    if (column instanceof FixedWidthColumn fixed) {
      return fixed;
    }
    throw new InvalidOperationException("expected a temporal column, got " + column.type());
  }

  /** Every valid value of {@code input} mapped by {@code mapper} into a column of {@code output}. */
  public static Column map(
      Column input, DataType output, LongMapper mapper, BufferAllocator allocator) {
    if (input instanceof NullColumn) {
      return allNull(output, input.length(), allocator);
    }
    FixedWidthColumn fixed = fixed(input);
    int rows = fixed.length();
    try (FixedWidthBuilder out = new FixedWidthBuilder(output, allocator, rows)) {
      for (int row = 0; row < rows; row++) {
        if (fixed.isNull(row)) {
          out.appendNull();
          continue;
        }
        long result = mapper.apply(read(fixed, row));
        if (result == NULL) {
          out.appendNull();
        } else {
          append(out, output, result);
        }
      }
      return out.build();
    }
  }

  /** Every valid value mapped to a double (Float64 output). */
  public static Column mapToDouble(Column input, DoubleMapper mapper, BufferAllocator allocator) {
    if (input instanceof NullColumn) {
      return allNull(DataType.FLOAT64, input.length(), allocator);
    }
    FixedWidthColumn fixed = fixed(input);
    int rows = fixed.length();
    try (FixedWidthBuilder out = new FixedWidthBuilder(DataType.FLOAT64, allocator, rows)) {
      for (int row = 0; row < rows; row++) {
        if (fixed.isNull(row)) {
          out.appendNull();
        } else {
          out.appendDouble(mapper.apply(read(fixed, row)));
        }
      }
      return out.build();
    }
  }

  /** Every valid value mapped to a boolean (nonzero is true). */
  public static Column mapToBoolean(Column input, LongMapper mapper, BufferAllocator allocator) {
    int rows = input.length();
    try (BooleanBuilder out = new BooleanBuilder(allocator, Math.max(rows, 1))) {
      FixedWidthColumn fixed = input instanceof NullColumn ? null : fixed(input);
      for (int row = 0; row < rows; row++) {
        if (fixed == null || fixed.isNull(row)) {
          out.appendNull();
        } else {
          out.append(mapper.apply(read(fixed, row)) != 0);
        }
      }
      return out.build();
    }
  }

  static void append(FixedWidthBuilder out, DataType type, long value) {
    switch (type.byteWidth()) {
      case 1 -> out.appendByte((byte) value);
      case 2 -> out.appendShort((short) value);
      case 4 -> out.appendInt((int) value);
      default -> out.appendLong(value);
    }
  }

  static Column allNull(DataType type, int length, BufferAllocator allocator) {
    try (FixedWidthBuilder out = new FixedWidthBuilder(type, allocator, Math.max(length, 1))) {
      for (int row = 0; row < length; row++) {
        out.appendNull();
      }
      return out.build();
    }
  }

  /** The same values under another type of the same width (no copy). */
  public static Column retype(Column input, DataType type) {
    FixedWidthColumn fixed = fixed(input);
    return new FixedWidthColumn(
        type,
        fixed.offset(),
        fixed.length(),
        fixed.nullCount(),
        fixed.validity() == null ? null : fixed.validity().retain(),
        fixed.valuesBuffer().retain());
  }

  /** The time unit of a datetime, duration or time type (dates count as milliseconds). */
  static TimeUnit unit(DataType type) {
    return switch (type) {
      case DataType.Timestamp stamp -> stamp.unit();
      case DataType.Duration duration -> duration.unit();
      case DataType.Time64 time -> time.unit();
      default -> TimeUnit.MILLISECOND;
    };
  }

  /** The time zone of a datetime type, or null. */
  static String timeZone(DataType type) {
    return type instanceof DataType.Timestamp stamp ? stamp.timeZone() : null;
  }

  /** Nanoseconds per unit. */
  static long nanos(TimeUnit unit) {
    return 1_000_000_000L / unit.perSecond();
  }

  /** Units per day. */
  static long perDay(TimeUnit unit) {
    return NANOS_PER_DAY / nanos(unit);
  }

  /** The time unit named by Polars' {@code "s"/"ms"/"us"/"ns"}. */
  public static TimeUnit unitNamed(String name) {
    return switch (name) {
      case "s" -> TimeUnit.SECOND;
      case "ms" -> TimeUnit.MILLISECOND;
      case "us" -> TimeUnit.MICROSECOND;
      case "ns" -> TimeUnit.NANOSECOND;
      default ->
          throw new InvalidOperationException(
              "invalid time unit \"" + name + "\" (valid: \"s\", \"ms\", \"us\", \"ns\")");
    };
  }
}
