package dev.floe.internal;

import dev.floe.memory.BufferAllocator;
import dev.floe.memory.column.ColumnBuilder;
import dev.floe.memory.column.ColumnBuilders;
import dev.floe.memory.column.Column;
import dev.floe.memory.column.FixedWidthBuilder;
import dev.floe.memory.column.JavaValues;
import dev.floe.memory.types.DataType;
import dev.floe.memory.types.TimeUnit;
import java.util.List;

/** Builds the columns behind {@code Series} factories, allocating from the current allocator. */
public final class SeriesFactory {
  /** {@code datetime[μs]} without a time zone, the type of Java {@code LocalDateTime} values. */
  public static final DataType MICROS = new DataType.Timestamp(TimeUnit.MICROSECOND, null);

  private SeriesFactory() {}

  public static Column column(List<?> values) {
    return JavaValues.toColumn(BufferAllocator.current(), values);
  }

  public static Column column(DataType type, List<?> values) {
    return JavaValues.toColumn(BufferAllocator.current(), type, values);
  }

  public static Column longs(long[] values) {
    try (FixedWidthBuilder builder = fixed(DataType.INT64, values.length)) {
      for (long value : values) {
        builder.appendLong(value);
      }
      return builder.build();
    }
  }

  public static Column ints(int[] values) {
    try (FixedWidthBuilder builder = fixed(DataType.INT32, values.length)) {
      for (int value : values) {
        builder.appendInt(value);
      }
      return builder.build();
    }
  }

  public static Column doubles(double[] values) {
    try (FixedWidthBuilder builder = fixed(DataType.FLOAT64, values.length)) {
      for (double value : values) {
        builder.appendDouble(value);
      }
      return builder.build();
    }
  }

  public static Column booleans(boolean[] values) {
    BufferAllocator allocator = BufferAllocator.current();
    try (ColumnBuilder builder = ColumnBuilders.forType(DataType.BOOLEAN, allocator)) {
      for (boolean value : values) {
        builder.appendObject(value);
      }
      return builder.build();
    }
  }

  private static FixedWidthBuilder fixed(DataType type, int length) {
    return new FixedWidthBuilder(type, BufferAllocator.current(), Math.max(length, 1));
  }
}
